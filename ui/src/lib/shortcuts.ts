// The keyboard shortcuts, in one table: the handlers match their keys against
// it and the shortcuts dialog lists it, so what is promised is what works.

export type Platform = 'mac' | 'other';

/** One key, with the command key (Ctrl, or Command on macOS) and Shift held or not. */
export interface Chord {
  readonly key: string;
  /** Ctrl, or Command on macOS. Either is taken on every platform. */
  readonly mod?: boolean;
  readonly shift?: boolean;
}

export interface Shortcut {
  readonly action: string;
  readonly keys: readonly Chord[];
  /** The keys are pressed one after the other, not as alternatives. */
  readonly sequence?: boolean;
}

export const SHORTCUTS = {
  search: { action: 'Search notes', keys: [{ key: 'k', mod: true }, { key: '/' }] },
  shortcuts: { action: 'Show the keyboard shortcuts', keys: [{ key: '?' }] },
  lock: { action: 'Lock Rapport', keys: [{ key: 'l', mod: true }] },
  'close-window': {
    action: 'Close the window (Rapport stays in the tray)',
    keys: [{ key: 'w', mod: true }],
  },
  quit: { action: 'Quit Rapport', keys: [{ key: 'q', mod: true }] },
  'next-item': {
    action: 'Next or previous person, search result or mood score',
    keys: [{ key: 'ArrowDown' }, { key: 'ArrowUp' }],
  },
  'first-last': {
    action: 'First or last person, or mood score',
    keys: [{ key: 'Home' }, { key: 'End' }],
  },
  'search-run': { action: 'Search for what is in a search field', keys: [{ key: 'Enter' }] },
  'list-continue': { action: 'Continue a list', keys: [{ key: 'Enter' }] },
  indent: {
    action: 'Indent or outdent a list item',
    keys: [{ key: 'Tab' }, { key: 'Tab', shift: true }],
  },
  checkbox: { action: 'Tick or untick a checkbox', keys: [{ key: 'Enter', mod: true }] },
  'leave-editor': {
    action: 'Leave the notes',
    keys: [{ key: 'Escape' }, { key: 'Tab' }],
    sequence: true,
  },
  escape: {
    action: 'Close a dialog, cancel an edit or a confirmation',
    keys: [{ key: 'Escape' }],
  },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

export const SHORTCUT_GROUPS: readonly {
  readonly id: string;
  readonly title: string;
  readonly shortcuts: readonly ShortcutId[];
}[] = [
  {
    id: 'anywhere',
    title: 'Anywhere',
    shortcuts: ['search', 'shortcuts', 'lock', 'close-window', 'quit'],
  },
  {
    id: 'lists',
    title: 'Lists and forms',
    shortcuts: ['next-item', 'first-last', 'search-run', 'escape'],
  },
  {
    id: 'notes',
    title: 'Notes',
    shortcuts: ['list-continue', 'indent', 'checkbox', 'leave-editor'],
  },
];

/** macOS names the command key with its own sign where the others write Ctrl. */
export function detectPlatform(
  nav: { platform?: string; userAgent?: string; userAgentData?: { platform?: string } } = navigator,
): Platform {
  const name = nav.userAgentData?.platform || nav.platform || nav.userAgent || '';
  return /mac|iphone|ipad|ipod/i.test(name) ? 'mac' : 'other';
}

/** The platform this window runs on. */
export const PLATFORM: Platform = typeof navigator === 'undefined' ? 'other' : detectPlatform();

const KEY_NAMES: Readonly<Record<string, string>> = {
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  ' ': 'Space',
};

/** "K", "Esc", "↓". */
export function keyLabel(key: string): string {
  return KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

// The sign on the Mac's command key. It is only ever shown on macOS, whose
// system fonts all have it.
const COMMAND_SIGN = '⌘';
const SHIFT_SIGN = '⇧';

/** "Ctrl+K" elsewhere, the sign and "K" on macOS (Shift first there, as its menus write it). */
export function chordLabel(chord: Chord, platform: Platform = PLATFORM): string {
  const key = keyLabel(chord.key);
  if (platform === 'mac') {
    return `${chord.shift ? SHIFT_SIGN : ''}${chord.mod ? COMMAND_SIGN : ''}${key}`;
  }
  return [chord.mod ? 'Ctrl' : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** The name of the command key as read out: "Control" or "Command". */
export function modName(platform: Platform = PLATFORM): string {
  return platform === 'mac' ? 'Command' : 'Control';
}

/** "Ctrl+K or /", "Esc, then Tab". */
export function shortcutLabel(id: ShortcutId, platform: Platform = PLATFORM): string {
  const shortcut: Shortcut = SHORTCUTS[id];
  const labels = shortcut.keys.map((chord) => chordLabel(chord, platform));
  return labels.join(shortcut.sequence ? ', then ' : ' or ');
}

/**
 * True when the event is one of the shortcut's keys. Alt never is; a command
 * key takes Ctrl or Command alike. Shift counts only where the chord names it or a
 * command key is held: typing "?" or "/" needs Shift on many layouts. A key
 * without a command key is only text while typing, never a shortcut.
 */
export function matches(id: ShortcutId, event: KeyboardEvent): boolean {
  if (event.altKey) return false;
  const command = event.ctrlKey || event.metaKey;
  const shortcut: Shortcut = SHORTCUTS[id];
  return shortcut.keys.some((chord) => {
    if (Boolean(chord.mod) !== command) return false;
    if ((chord.mod || chord.shift) && Boolean(chord.shift) !== event.shiftKey) return false;
    if (chord.mod) return event.key.toLowerCase() === chord.key;
    return event.key === chord.key && !typing(event.target);
  });
}

const NOT_TYPED = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** True while the keyboard is typing into something: plain keys are text there. */
export function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
