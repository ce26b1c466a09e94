import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { THEME_STORAGE_KEY, applyTheme, loadTheme, resolveScheme } from './theme';
import ThemeControl from './ThemeControl.svelte';

const html = document.documentElement;

describe('theme control', () => {
  it('starts on System and leaves the OS in charge when nothing is saved', () => {
    render(ThemeControl);
    expect(screen.getByRole('group', { name: 'Theme' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Light' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Dark' })).not.toBeChecked();
    expect(html).not.toHaveAttribute('data-theme');
  });

  it('saves Dark and applies it to <html>', async () => {
    render(ThemeControl);
    await fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(html).toHaveAttribute('data-theme', 'dark');
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  it('saves Light and applies it to <html>', async () => {
    render(ThemeControl);
    await fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    expect(html).toHaveAttribute('data-theme', 'light');
  });

  it('going back to System removes the override', async () => {
    render(ThemeControl);
    await fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await fireEvent.click(screen.getByRole('radio', { name: 'System' }));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('system');
    expect(html).not.toHaveAttribute('data-theme');
  });

  it('shows the saved choice', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    render(ThemeControl);
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
  });
});

describe('theme storage', () => {
  it('reads a saved choice and ignores anything else', () => {
    expect(loadTheme()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(loadTheme()).toBe('dark');
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(loadTheme()).toBe('system');
  });

  it('applies a saved choice at start-up', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    applyTheme(loadTheme());
    expect(html).toHaveAttribute('data-theme', 'dark');
    applyTheme('system');
    expect(html).not.toHaveAttribute('data-theme');
  });
});

/** An OS colour preference the test can flip, as matchMedia reports it. */
function fakeOs(dark: boolean): { flip: (dark: boolean) => void } {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', () => query);
  return {
    flip(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
  };
}

describe('theme palette', () => {
  afterEach(() => {
    applyTheme('light');
    vi.unstubAllGlobals();
  });

  it('resolves each choice to the palette it shows', () => {
    expect(resolveScheme('system', true)).toBe('dark');
    expect(resolveScheme('system', false)).toBe('light');
    expect(resolveScheme('dark', false)).toBe('dark');
    expect(resolveScheme('light', true)).toBe('light');
  });

  it('shows the pinned palette whatever the OS prefers', () => {
    fakeOs(true);
    applyTheme('light');
    expect(html).toHaveAttribute('data-scheme', 'light');
    fakeOs(false);
    applyTheme('dark');
    expect(html).toHaveAttribute('data-scheme', 'dark');
  });

  it('follows the OS on System, also when the OS switches', () => {
    const os = fakeOs(false);
    applyTheme('system');
    expect(html).toHaveAttribute('data-scheme', 'light');
    os.flip(true);
    expect(html).toHaveAttribute('data-scheme', 'dark');
  });

  it('stops following the OS once a theme is pinned', async () => {
    const os = fakeOs(false);
    render(ThemeControl);
    await fireEvent.click(screen.getByRole('radio', { name: 'System' }));
    await fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    os.flip(true);
    expect(html).toHaveAttribute('data-scheme', 'light');
  });

  it('shows light where no OS preference can be read', () => {
    applyTheme('system');
    expect(html).toHaveAttribute('data-scheme', 'light');
  });
});
