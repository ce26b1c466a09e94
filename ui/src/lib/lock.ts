// The idle times Settings offers for locking, and how each reads.
import type { AutoLock } from './bindings';

/** Minutes; null is "never". */
export const AUTO_LOCK_PRESETS: readonly (number | null)[] = [null, 5, 10, 15, 30, 60];

/** The presets, plus the current time when it is another one (set elsewhere), in order. */
export function autoLockChoices(current: AutoLock): (number | null)[] {
  const minutes = new Set<number>();
  for (const preset of AUTO_LOCK_PRESETS) if (preset !== null) minutes.add(preset);
  if (current.idle_minutes !== null) minutes.add(current.idle_minutes);
  if (current.default_minutes !== null) minutes.add(current.default_minutes);
  return [null, ...[...minutes].sort((a, b) => a - b)];
}

/** "15 minutes (default)", "1 hour", "Never". */
export function autoLockLabel(minutes: number | null, defaultMinutes: number | null): string {
  let text: string;
  if (minutes === null) text = 'Never';
  else if (minutes % 60 === 0) text = `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  else text = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return minutes === defaultMinutes ? `${text} (default)` : text;
}
