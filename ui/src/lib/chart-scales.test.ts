import { describe, expect, it } from 'vitest';
import { linearScale, pointScale } from './chart-scales';

describe('linearScale', () => {
  it('maps the domain onto the range, upside down for an SVG y axis', () => {
    const y = linearScale([0, 100], [150, 10]);
    expect(y(0)).toBe(150);
    expect(y(100)).toBe(10);
    expect(y(80)).toBeCloseTo(38);
  });

  it('clamps only when asked', () => {
    const free = linearScale([1, 10], [17, 3]);
    const clamped = linearScale([1, 10], [17, 3], true);
    expect(free(0)).toBeCloseTo(17 + 14 / 9);
    expect(clamped(0)).toBe(17);
    expect(clamped(11)).toBe(3);
  });

  it('puts everything in the middle of an empty domain', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});

describe('pointScale', () => {
  it('spreads the keys half a step in from each end', () => {
    const x = pointScale(['a', 'b', 'c', 'd'], [0, 40]);
    expect([x('a'), x('b'), x('c'), x('d')]).toEqual([5, 15, 25, 35]);
    expect(x('e')).toBeUndefined();
  });

  it('centres a single key', () => {
    expect(pointScale(['only'], [10, 30])('only')).toBe(20);
  });
});
