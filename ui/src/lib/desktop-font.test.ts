import { afterEach, describe, expect, it } from 'vitest';
import { applyDesktopFont } from './desktop-font';

const root = document.documentElement;

afterEach(() => {
  root.style.removeProperty('--font-sans');
});

describe('applyDesktopFont', () => {
  it('puts the desktop font, quoted, before the generic family', () => {
    applyDesktopFont('Noto Sans CJK JP');
    expect(root.style.getPropertyValue('--font-sans')).toBe('"Noto Sans CJK JP", sans-serif');
  });

  it('leaves the style sheet’s system-ui stack without a desktop font', () => {
    applyDesktopFont('Cantarell');
    applyDesktopFont(null);
    expect(root.style.getPropertyValue('--font-sans')).toBe('');
  });

  it('refuses a name that could reach beyond the font stack', () => {
    applyDesktopFont('Evil", serif; color: red');
    expect(root.style.getPropertyValue('--font-sans')).toBe('');
    applyDesktopFont('Back\\slash');
    expect(root.style.getPropertyValue('--font-sans')).toBe('');
  });
});
