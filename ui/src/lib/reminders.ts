// How reminder times read, so that Settings, a person's page and the Today
// banner say the same thing the desktop notification says.

/** The reminder times Settings offers as toggles, earliest first. */
export const REMINDER_PRESETS: readonly number[] = [1440, 60, 15, 5];

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "a", "a and b", "a, b and c". */
function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * One reminder time in a single unit: "1 day", "2 hours", "75 minutes". Never
 * "1 hour and 15 minutes", which in a list would read as two reminders.
 */
export function offsetLabel(minutes: number): string {
  if (minutes > 0 && minutes % 1440 === 0) return count(minutes / 1440, 'day');
  if (minutes > 0 && minutes % 60 === 0) return count(minutes / 60, 'hour');
  return count(minutes, 'minute');
}

/** Largest first and without repeats, the order the backend stores them in. */
export function normalizeOffsets(minutes: readonly number[]): number[] {
  return [...new Set(minutes)].sort((a, b) => b - a);
}

/** "15 minutes before", "1 day and 15 minutes before", "No reminders". */
export function describeOffsets(minutes: readonly number[]): string {
  const sorted = normalizeOffsets(minutes);
  if (sorted.length === 0) return 'No reminders';
  return `${joinAnd(sorted.map(offsetLabel))} before`;
}

/**
 * Whole minutes from `now` to `start`, rounded up as the notifications do: 11½
 * minutes ahead is "in 12 minutes", 30 seconds late is still "starts now".
 */
export function minutesToStart(start: string, now: number): number {
  const minutes = Math.ceil((Date.parse(start) - now) / 60_000);
  // Math.ceil(-0.5) is -0, which would otherwise print as "0" in odd places.
  return minutes === 0 ? 0 : minutes;
}

/** "2 hours and 5 minutes"; past a day the minutes are noise and are left out. */
function span(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = days > 0 ? 0 : minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(count(days, 'day'));
  if (hours > 0) parts.push(count(hours, 'hour'));
  if (rest > 0) parts.push(count(rest, 'minute'));
  return joinAnd(parts);
}

/** "in 12 minutes", "starts now", "started 5 minutes ago". */
export function startsIn(minutes: number): string {
  if (minutes > 0) return `in ${span(minutes)}`;
  if (minutes === 0) return 'starts now';
  return `started ${span(-minutes)} ago`;
}
