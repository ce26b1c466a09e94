// When the Today screen goes out of date by the clock alone.
//
// Nothing on Today is stored with an expiry: a 1:1 comes up, ends, the day
// turns over and "Tomorrow" becomes "Today", an action item becomes a day
// later. The screen reloads at the first such moment, found here from the data
// it shows, and at least every few minutes besides, since a timer is late or
// silent across a suspend and blind to a clock change.

import type { Today } from './bindings';
import { addDays, zonedDateTime } from './time';

/** The longest Today goes without a fresh look, whatever the data says. */
export const MAX_REFRESH_DELAY_MS = 5 * 60_000;

/** An answer younger than this is not asked for again when the window comes
 * into view: two seconds, as the window's first answer, read ahead, may be. */
export const FRESH_ANSWER_MS = 2_000;

/**
 * The shortest wait: a moment the backend's clock has not quite reached when
 * it answers must not turn into a burst of reloads.
 */
export const MIN_REFRESH_DELAY_MS = 1_000;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The greeting by the manager's wall clock, from the time each one starts. */
const GREETINGS: readonly { from: string; words: string }[] = [
  { from: '00:00', words: 'Good morning' },
  { from: '12:00', words: 'Good afternoon' },
  { from: '18:00', words: 'Good evening' },
];

/** "Good morning", "Good afternoon" or "Good evening", at `now` in `zone`. */
export function greeting(now: string | Date, zone: string): string {
  const { time } = zonedDateTime(now, zone);
  let words = GREETINGS[0]?.words ?? '';
  for (const entry of GREETINGS) if (time >= entry.from) words = entry.words;
  return words;
}

function wallClock(at: number, zone: string): string {
  const { date, time } = zonedDateTime(new Date(at), zone);
  return `${date} ${time}`;
}

/**
 * The first instant after `now` at which the wall clock in `zone` reads `time`
 * ("00:00" is the next midnight). On a day the clocks skip that time, the
 * instant they jump past it.
 */
export function nextLocalTime(now: number, zone: string, time: string): number {
  const current = zonedDateTime(new Date(now), zone);
  const day = current.time < time ? current.date : addDays(current.date, 1);
  const target = `${day} ${time}`;
  // A day has too many shapes (23 or 25 hours, a date skipped altogether) to
  // add hours to; the wall clock moves forward, so the first minute that reads
  // the target or later is found by halving. Where the clock goes back over
  // the target, either crossing may come out, and both change the screen.
  let before = Math.floor(now / MINUTE_MS);
  let after = before + (2 * DAY_MS + DAY_MS / 12) / MINUTE_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClock(middle * MINUTE_MS, zone) < target) before = middle;
    else after = middle;
  }
  return after * MINUTE_MS;
}

/** Every instant at which what `data` shows changes by the clock. */
function changes(data: Today, zone: string, now: number): number[] {
  const zones = new Set([zone]);
  const moments = GREETINGS.map((entry) => nextLocalTime(now, zone, entry.from));

  for (const meeting of data.upcoming) {
    const start = Date.parse(meeting.scheduled_start);
    const planned = meeting.planned_minutes * MINUTE_MS;
    if (meeting.status === 'in_progress') {
      // Counted from when it began, as the session's timer does.
      const began = meeting.started_at ? Date.parse(meeting.started_at) : start;
      moments.push(began + planned);
    } else if (meeting.status === 'scheduled') {
      // Its start, and its planned end, where its reminder makes way for the next.
      moments.push(start, start + planned);
    }
    // "Today" and "Tomorrow" are read in the 1:1's own zone.
    zones.add(meeting.time_zone);
  }

  // The first 1:1 after the coming week moves into its list seven days ahead
  // (UPCOMING_DAYS in the core's Today flow).
  if (data.next_after_week) {
    moments.push(Date.parse(data.next_after_week.scheduled_start) - 7 * DAY_MS);
  }

  if (data.reminder_banner) {
    const shown = data.reminder_banner;
    moments.push(Date.parse(shown.scheduled_start) + shown.planned_minutes * MINUTE_MS);
  }

  // "23 days ago" becomes "24 days ago" a whole number of days after the last 1:1.
  for (const person of data.due_people) {
    if (person.last_meeting === null || person.days_since_last === null) continue;
    moments.push(Date.parse(person.last_meeting) + (person.days_since_last + 1) * DAY_MS);
  }

  // Midnight where the manager is (overdue days, the date line) and in each 1:1's zone.
  for (const each of zones) moments.push(nextLocalTime(now, each, '00:00'));

  return moments.filter((moment) => Number.isFinite(moment) && moment > now);
}

/**
 * The first instant after `now` (by default, the data's own "now") at which
 * the screen showing `data` in `zone` is out of date. There is always one:
 * the next midnight.
 */
export function nextChange(data: Today, zone: string, now: number = Date.parse(data.now)): number {
  return Math.min(...changes(data, zone, now));
}

/**
 * How long to wait, from when `data` was loaded, before loading it again:
 * until the next change, but never more than MAX_REFRESH_DELAY_MS.
 */
export function refreshDelay(data: Today, zone: string): number {
  const now = Date.parse(data.now);
  const wait = nextChange(data, zone, now) - now;
  return Math.min(MAX_REFRESH_DELAY_MS, Math.max(MIN_REFRESH_DELAY_MS, wait));
}
