// Pages of a long list (a person's full history), counted the way the
// pager shows them.

const COUNT = new Intl.NumberFormat('en-US');

/** "21–45 of 430": the first and last shown, counted from 1. */
export function rangeLine(offset: number, shown: number, total: number): string {
  if (shown === 0) return `0 of ${COUNT.format(total)}`;
  return `${COUNT.format(offset + 1)}–${COUNT.format(offset + shown)} of ${COUNT.format(total)}`;
}

/** The offset of the page before, never below the first. */
export function newerOffset(offset: number, size: number): number {
  return Math.max(0, offset - size);
}

/** True when there are entries after the page shown. */
export function hasOlder(offset: number, shown: number, total: number): boolean {
  return offset + shown < total;
}
