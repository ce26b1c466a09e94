import { describe, expect, it } from 'vitest';
import { hasOlder, newerOffset, rangeLine } from './paging';

describe('paging', () => {
  it('says which entries a page shows', () => {
    expect(rangeLine(0, 25, 430)).toBe('1–25 of 430');
    expect(rangeLine(20, 25, 430)).toBe('21–45 of 430');
    expect(rangeLine(1000, 25, 1030)).toBe('1,001–1,025 of 1,030');
    expect(rangeLine(0, 0, 0)).toBe('0 of 0');
  });

  it('turns pages without going past either end', () => {
    expect(newerOffset(25, 25)).toBe(0);
    expect(newerOffset(10, 25)).toBe(0);
    expect(hasOlder(0, 25, 26)).toBe(true);
    expect(hasOlder(25, 1, 26)).toBe(false);
  });
});
