import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ShortcutsDialog from './ShortcutsDialog.svelte';
import {
  chordLabel,
  detectPlatform,
  matches,
  SHORTCUT_GROUPS,
  SHORTCUTS,
  shortcutLabel,
} from './shortcuts';

function key(key: string, init: KeyboardEventInit = {}, target?: HTMLElement): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init });
  if (target) Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('the platform', () => {
  it.each([
    [{ platform: 'MacIntel' }, 'mac'],
    [{ platform: 'Linux x86_64' }, 'other'],
    [{ platform: 'Win32' }, 'other'],
    [{ userAgentData: { platform: 'macOS' }, platform: '' }, 'mac'],
    [{ platform: '', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)' }, 'mac'],
    [{ platform: '', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' }, 'other'],
  ] as const)('reads %j as %s', (nav, platform) => {
    expect(detectPlatform(nav)).toBe(platform);
  });
});

describe('the shortcut labels', () => {
  it('writes Ctrl on Linux and Windows, ⌘ on macOS', () => {
    expect(shortcutLabel('search', 'other')).toBe('Ctrl+K or /');
    expect(shortcutLabel('search', 'mac')).toBe('⌘K or /');
    expect(shortcutLabel('lock', 'other')).toBe('Ctrl+L');
    expect(shortcutLabel('lock', 'mac')).toBe('⌘L');
    expect(shortcutLabel('checkbox', 'mac')).toBe('⌘Enter');
    expect(shortcutLabel('indent', 'other')).toBe('Tab or Shift+Tab');
    expect(shortcutLabel('indent', 'mac')).toBe('Tab or ⇧Tab');
    expect(shortcutLabel('leave-editor', 'other')).toBe('Esc, then Tab');
    expect(chordLabel({ key: 'ArrowDown' }, 'mac')).toBe('↓');
  });

  it('lists every shortcut in exactly one group', () => {
    const listed = SHORTCUT_GROUPS.flatMap((group) => group.shortcuts);
    expect([...listed].sort()).toEqual(Object.keys(SHORTCUTS).sort());
  });
});

describe('matching a key press', () => {
  it('takes Ctrl or ⌘ with the letter, in either case, without Shift or Alt', () => {
    expect(matches('search', key('k', { ctrlKey: true }))).toBe(true);
    expect(matches('search', key('K', { metaKey: true }))).toBe(true);
    expect(matches('search', key('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches('search', key('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matches('search', key('k'))).toBe(false);
    expect(matches('lock', key('k', { ctrlKey: true }))).toBe(false);
  });

  it('takes a plain key with the Shift it needs, but not while typing', () => {
    expect(matches('shortcuts', key('?', { shiftKey: true }))).toBe(true);
    expect(matches('search', key('/'))).toBe(true);
    expect(matches('shortcuts', key('?', { ctrlKey: true }))).toBe(false);

    const field = document.createElement('input');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    const notes = document.createElement('textarea');
    const select = document.createElement('select');
    expect(matches('shortcuts', key('?', { shiftKey: true }, field))).toBe(false);
    expect(matches('shortcuts', key('?', { shiftKey: true }, notes))).toBe(false);
    expect(matches('shortcuts', key('?', { shiftKey: true }, select))).toBe(false);
    expect(matches('shortcuts', key('?', { shiftKey: true }, checkbox))).toBe(true);
    // A command key is never text, so it works from inside a field.
    expect(matches('search', key('k', { ctrlKey: true }, field))).toBe(true);
  });
});

describe('the shortcuts dialog', () => {
  function keys(id: string): string[] {
    const row = document.getElementById(`shortcut-${id}`);
    return Array.from(row?.querySelectorAll('kbd') ?? []).map((kbd) => kbd.textContent ?? '');
  }

  it('shows ⌘ on macOS', () => {
    render(ShortcutsDialog, { onclose: () => undefined, platform: 'mac' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByRole('table')).toBeInTheDocument();
    expect(keys('search')).toEqual(['⌘K', '/']);
    expect(keys('lock')).toEqual(['⌘L']);
    expect(keys('quit')).toEqual(['⌘Q']);
    expect(dialog).not.toHaveTextContent('Ctrl');
  });

  it('shows Ctrl elsewhere', () => {
    render(ShortcutsDialog, { onclose: () => undefined, platform: 'other' });
    expect(keys('search')).toEqual(['Ctrl+K', '/']);
    expect(keys('lock')).toEqual(['Ctrl+L']);
    expect(keys('close-window')).toEqual(['Ctrl+W']);
    expect(keys('leave-editor')).toEqual(['Esc', 'Tab']);
    expect(document.getElementById('shortcut-leave-editor')).toHaveTextContent(/Esc\s*then\s*Tab/);
    expect(screen.queryByText(/⌘/)).not.toBeInTheDocument();
  });
});
