// Dates and times as the manager reads and types them.
//
// Instants come from the backend as RFC 3339 UTC strings. A 1:1 belongs to a
// time zone (its series' or its own), so it is shown in that zone, not in the
// zone the laptop happens to be in. Plain dates (due dates, start dates) are
// calendar days with no zone, kept as "YYYY-MM-DD" strings end to end.

import type { Weekday } from './bindings';

/** A calendar day, "YYYY-MM-DD". */
export type PlainDate = string;

// Building a formatter costs far more than using one: ICU loads the locale's
// patterns and the zone's rules each time, and a screen formats the same few
// shapes for every row. So each locale, zone and set of options is built once.
// Every formatter kept names its zone: one without would go on using the zone
// the computer had when it was built.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for `locale` (the computer's when undefined) in `options.timeZone`. */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions & { timeZone: string },
): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? '', options]);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function partsFormatter(zone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    // h23: midnight is "00", never "24".
    hourCycle: 'h23',
  });
}

function toDate(instant: string | Date): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

// Reading the computer's zone builds a formatter, and a list asks once per
// row: the answer is kept for a second, so a zone changed while travelling
// still shows within a second.
const SYSTEM_ZONE_KEPT_MS = 1000;
let systemZone: { zone: string; readAt: number } | null = null;

/** The zone the computer is set to. */
export function systemTimeZone(): string {
  const now = Date.now();
  if (!systemZone || now < systemZone.readAt || now - systemZone.readAt >= SYSTEM_ZONE_KEPT_MS) {
    systemZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', readAt: now };
  }
  return systemZone.zone;
}

/** True for an IANA zone name the system knows ("Europe/Paris", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone name the system knows, for suggestions while typing one. */
export function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The wall-clock date and time of an instant in a zone: "2024-11-28", "14:00". */
export function zonedDateTime(
  instant: string | Date,
  zone: string,
): { date: PlainDate; time: string } {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(zone).formatToParts(toDate(instant))) {
    parts[part.type] = part.value;
  }
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The calendar day of an instant in a zone. */
export function dateIn(instant: string | Date, zone: string): PlainDate {
  return zonedDateTime(instant, zone).date;
}

/** Today's date where the manager is (or in `zone`). */
export function today(zone: string = systemTimeZone(), now: Date = new Date()): PlainDate {
  return dateIn(now, zone);
}

function parsePlain(date: PlainDate): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

function formatPlain(date: Date): PlainDate {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after `date` (before, when negative). */
export function addDays(date: PlainDate, days: number): PlainDate {
  const value = parsePlain(date);
  value.setUTCDate(value.getUTCDate() + days);
  return formatPlain(value);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return Math.round((parsePlain(to).getTime() - parsePlain(from).getTime()) / 86_400_000);
}

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The weekday a calendar day falls on. */
export function weekdayOf(date: PlainDate): Weekday {
  return WEEKDAYS[parsePlain(date).getUTCDay()] ?? 'mon';
}

/**
 * "2:00 PM" or "14:00", as the manager's locale writes times: every time in
 * the window goes through here, so the 12- or 24-hour choice of the
 * computer's locale holds everywhere.
 */
export function formatClock(
  instant: string | Date,
  zone: string,
  locale?: string,
  seconds = false,
): string {
  // A 24-hour clock reads "09:30", a 12-hour one "9:30 AM".
  const twelveHour = usesTwelveHours(locale);
  return dateTimeFormat(locale, {
    timeZone: zone,
    hour: twelveHour ? 'numeric' : '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(toDate(instant));
}

/** Whether the computer's locale writes 12-hour times ("2:00 PM"). */
export function localeUsesTwelveHours(): boolean {
  return usesTwelveHours(undefined) ?? false;
}

// Whether a locale writes 12-hour times, asked of its formatter once.
const twelveHourLocales = new Map<string, boolean | undefined>();

function usesTwelveHours(locale: string | undefined): boolean | undefined {
  const key = locale ?? '';
  if (!twelveHourLocales.has(key)) {
    twelveHourLocales.set(
      key,
      dateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric' }).resolvedOptions().hour12,
    );
  }
  return twelveHourLocales.get(key);
}

/** A stored time of day ("14:00:00") as the locale writes it: "2:00 PM" or "14:00". */
export function formatTimeOfDay(time: string, locale?: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return formatClock(new Date(Date.UTC(1970, 0, 1, hours, minutes)), 'UTC', locale);
}

// A day reads the same way everywhere in the app, whatever the locale: the
// day before the month, "Thu 28 Nov 2024".
function dayFirst(at: Date, timeZone: string, withYear: boolean, weekday: boolean): string {
  return dateTimeFormat('en-GB', {
    timeZone,
    ...(weekday ? { weekday: 'short' } : {}),
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  })
    .format(at)
    .replace(',', '');
}

/** "Thu 28 Nov", with the year when it is not `currentYear` ("Thu 28 Nov 2024"). */
export function formatDay(date: PlainDate, currentYear?: number): string {
  const value = parsePlain(date);
  const withYear = currentYear === undefined || value.getUTCFullYear() !== currentYear;
  return dayFirst(value, 'UTC', withYear, true);
}

/** "28 Nov", or "28 Nov 2024" with the year: the day of `at` in `timeZone`. */
export function dayMonthIn(at: Date, timeZone: string, withYear: boolean): string {
  return dayFirst(at, timeZone, withYear, false);
}

/** A calendar day for lists: "Thu 28 Nov" this year, "Thu 28 Nov 2024" otherwise. */
export function formatDate(date: PlainDate, now: Date = new Date()): string {
  return formatDay(date, Number(today(systemTimeZone(), now).slice(0, 4)));
}

/**
 * When a 1:1 happens, in its own zone, relative to `now`:
 * "Today 2:00 PM", "Tomorrow 2:00 PM", "Thu 28 Nov 2:00 PM".
 */
export function formatWhen(
  instant: string | Date,
  zone: string,
  now: string | Date = new Date(),
  locale?: string,
): string {
  const day = dateIn(instant, zone);
  const current = dateIn(now, zone);
  const clock = formatClock(instant, zone, locale);
  const offset = daysBetween(current, day);
  if (offset === 0) return `Today ${clock}`;
  if (offset === 1) return `Tomorrow ${clock}`;
  if (offset === -1) return `Yesterday ${clock}`;
  return `${formatDay(day, Number(current.slice(0, 4)))} ${clock}`;
}

/**
 * Like formatWhen, naming the zone when it is not the computer's: the clock
 * time of a 1:1 set in another zone is not the manager's.
 */
export function formatWhenWithZone(
  instant: string | Date,
  zone: string,
  now: string | Date = new Date(),
  locale?: string,
): string {
  const text = formatWhen(instant, zone, now, locale);
  return zone === systemTimeZone() ? text : `${text} (${zone})`;
}

/** "30 min", "1 h", "1 h 15 min". */
export function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Minutes between two instants, rounded. */
export function minutesBetween(start: string, end: string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}

/** "today", "yesterday", "23 days ago". */
export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "1 day", "3 days". */
export function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** "14:00:00" (as a stored time of day comes back) → "14:00". */
export function shortTime(time: string): string {
  return time.slice(0, 5);
}
