// The two mappings the Team screen's charts need: a number onto pixels, and
// evenly spaced points for the weeks or months. d3-scale would do it, but it
// loads d3-color, which assigns `constructor` on plain objects when loaded:
// the window freezes the built-in prototypes, so that assignment throws and
// the whole UI fails to start. d3-shape (the lines) has no such code.

export type LinearScale = (value: number) => number;

/** Maps `domain` onto `range` linearly; `clamp` keeps the result inside the range. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
  clamp = false,
): LinearScale {
  const span = d1 - d0;
  return (value) => {
    let t = span === 0 ? 0.5 : (value - d0) / span;
    if (clamp) t = Math.min(1, Math.max(0, t));
    return r0 + t * (r1 - r0);
  };
}

/**
 * Spreads `keys` evenly across `range`, half a step in from each end (like a
 * point scale with padding 0.5). An unknown key has no position.
 */
export function pointScale(
  keys: readonly string[],
  [r0, r1]: readonly [number, number],
): (key: string) => number | undefined {
  const index = new Map(keys.map((key, i) => [key, i]));
  const step = keys.length === 0 ? 0 : (r1 - r0) / keys.length;
  return (key) => {
    const i = index.get(key);
    return i === undefined ? undefined : r0 + step * (i + 0.5);
  };
}
