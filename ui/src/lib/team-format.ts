// The words and small sums of the Team screen, kept apart from its markup so
// the table, the charts and their text alternatives say the same things.

import type { Bucket, BucketUnit, CancelledBy, FlagRule, Measure, MoodPoint } from './bindings';
import { dayMonthIn } from './time';

/** A number's name, as the core titles its detail ("1:1s held: Ana Ruiz, …"). */
export const MEASURE_LABELS: Record<Measure, string> = {
  due: '1:1s due',
  held: '1:1s held',
  cancelled: '1:1s cancelled',
  cancelled_by_me: '1:1s I cancelled',
  cancelled_by_them: '1:1s they cancelled',
  missed: '1:1s missed',
  moved: '1:1s moved',
  items_due: 'Action items due',
  items_done: 'Action items done',
  items_on_time: 'Action items done on time',
  items_open: 'Open action items',
  items_overdue: 'Overdue action items',
  items_overdue_theirs: 'Their overdue action items',
  items_overdue_mine: 'My overdue action items',
  items_opened: 'Action items opened',
  items_closed: 'Action items closed',
};

/** The badge of a flag; its reason says the rest. */
export const FLAG_LABELS: Record<FlagRule, string> = {
  completion: '1:1s under 80%',
  action_completion: 'Actions under 80%',
  career_overdue: 'Career talk overdue',
};

/** The line the charts draw, as the flags judge the rates. */
export const TARGET_PERCENT = 80;

/** Who cancelled, as a sentence; the core did not ask before a point in time. */
export function cancelledByLabel(by: CancelledBy | null): string {
  if (by === 'manager') return 'Cancelled by me';
  if (by === 'report') return 'Cancelled by them';
  return 'Cancelled';
}

/** "83%", or "—" when nothing was due: 0% would blame a quiet period. */
export function rateLabel(percent: number | null): string {
  return percent === null ? '—' : `${percent}%`;
}

/** Done over due in whole percent, rounded down like the core's rates. */
export function percentOf(done: number, due: number): number | null {
  return due > 0 ? Math.floor((done * 100) / due) : null;
}

/** "+1", "−2" (a true minus sign), "0". */
export function signed(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return '0';
}

function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Mood 6 → 4 over 5 check-ins", "Mood 6 at 1 check-in", "No check-ins". */
export function moodSummary(moods: readonly MoodPoint[]): string {
  const first = moods[0];
  const last = moods[moods.length - 1];
  if (!first || !last) return 'No check-ins';
  if (moods.length === 1) return `Mood ${first.score} at 1 check-in`;
  return `Mood ${first.score} → ${last.score} over ${plural(moods.length, 'check-in')}`;
}

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// A month named as the app's days name it (time.ts `dayMonthIn`): "Sept 2026".
const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  month: 'short',
  year: 'numeric',
});

/** A day in a narrow cell: "1 Sept", with the year when it is not `reference`'s ("1 Sept 2025"). */
export function shortDay(date: string, reference?: string): string {
  const sameYear = reference !== undefined && reference.slice(0, 4) === date.slice(0, 4);
  return dayMonthIn(utcDay(date), 'UTC', !sameYear);
}

/** An axis label: "3 Nov" for a week, "Nov 2026" for a month. */
export function bucketTick(start: string, unit: BucketUnit): string {
  return unit === 'week' ? dayMonthIn(utcDay(start), 'UTC', false) : SHORT_MONTH.format(utcDay(start));
}

/** "Week of 3 Nov", "Nov 2026". */
export function bucketName(start: string, unit: BucketUnit): string {
  const tick = bucketTick(start, unit);
  return unit === 'week' ? `Week of ${tick}` : tick;
}

/** "week by week", "month by month". */
export function unitStep(unit: BucketUnit): string {
  return `${unit} by ${unit}`;
}

export type HeatTone = 'none' | 'held' | 'some' | 'lost';

/**
 * A bucket of the rhythm strip: every 1:1 due held, some held and some not,
 * none of them held, or nothing due.
 */
export function heatTone(bucket: Bucket): HeatTone {
  if (bucket.due === 0) return 'none';
  if (bucket.held === bucket.due) return 'held';
  return bucket.held > 0 ? 'some' : 'lost';
}

export const HEAT_TONE_LABELS: Record<HeatTone, string> = {
  held: 'All held',
  some: 'Some cancelled or missed',
  lost: 'None held',
  none: 'Nothing due',
};

/** "Week of 3 Nov: 1 held, 1 cancelled", "Nov 2026: nothing due". */
export function heatTitle(bucket: Bucket, unit: BucketUnit): string {
  const parts = [
    [bucket.held, 'held'],
    [bucket.cancelled, 'cancelled'],
    [bucket.missed, 'missed'],
  ] as const;
  const counts = parts.filter(([count]) => count > 0).map(([count, word]) => `${count} ${word}`);
  return `${bucketName(bucket.start, unit)}: ${counts.length > 0 ? counts.join(', ') : 'nothing due'}`;
}

/** The rhythm strip in words: "10 weeks all held, 2 with some cancelled or missed, 1 with nothing due". */
export function heatSummary(buckets: readonly Bucket[], unit: BucketUnit): string {
  const count: Record<HeatTone, number> = { held: 0, some: 0, lost: 0, none: 0 };
  for (const bucket of buckets) count[heatTone(bucket)] += 1;
  const parts: string[] = [];
  if (count.held > 0) parts.push(`${plural(count.held, unit)} all held`);
  if (count.some > 0) parts.push(`${plural(count.some, unit)} with some cancelled or missed`);
  if (count.lost > 0) parts.push(`${plural(count.lost, unit)} with none held`);
  if (count.none > 0) parts.push(`${plural(count.none, unit)} with nothing due`);
  return parts.join(', ');
}
