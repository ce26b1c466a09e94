import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, applyTheme, loadTheme } from './theme';
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
