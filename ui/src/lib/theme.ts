// Theme override. "system" follows the OS; "light" and "dark" pin the theme. The
// choice is resolved here into data-scheme on <html>, the one attribute the tokens
// in app.css follow, so the palette is written once whatever decided it. A pinned
// choice also shows as data-theme.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Scheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'rapport.theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const OS_DARK_QUERY = '(prefers-color-scheme: dark)';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The saved choice, or "system" when nothing valid is saved. */
export function loadTheme(): ThemeChoice {
  try {
    const saved = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** The palette a choice shows, given whether the OS asks for dark. */
export function resolveScheme(choice: ThemeChoice, osPrefersDark: boolean): Scheme {
  if (choice === 'system') return osPrefersDark ? 'dark' : 'light';
  return choice;
}

// A window without matchMedia (tests) has no OS preference: light.
function osQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(OS_DARK_QUERY) : null;
}

// While the choice is "system", the OS switching between light and dark re-resolves it.
let stopFollowingOs: (() => void) | null = null;

/** Applies a choice to the document without saving it. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  stopFollowingOs?.();
  stopFollowingOs = null;
  if (choice === 'system') {
    root.removeAttribute('data-theme');
  } else {
    root.setAttribute('data-theme', choice);
  }
  const query = osQuery();
  const show = (): void => {
    root.setAttribute('data-scheme', resolveScheme(choice, query?.matches ?? false));
  };
  show();
  if (choice === 'system' && query) {
    query.addEventListener('change', show);
    stopFollowingOs = () => query.removeEventListener('change', show);
  }
}

/** Saves and applies a choice. */
export function setTheme(choice: ThemeChoice): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage can be unavailable; the choice still applies to this window.
  }
  applyTheme(choice);
}
