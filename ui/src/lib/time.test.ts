import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  dateIn,
  dateTimeFormat,
  dayCount,
  daysAgo,
  daysBetween,
  formatClock,
  formatDate,
  formatDay,
  formatMinutes,
  formatWhen,
  formatWhenWithZone,
  isValidTimeZone,
  knownTimeZones,
  minutesBetween,
  shortTime,
  systemTimeZone,
  today,
  weekdayOf,
  zonedDateTime,
} from './time';

describe('zoned dates and times', () => {
  it('reads the wall clock of an instant in a zone', () => {
    // 13:00 UTC is 14:00 in Paris in winter, 08:00 in New York.
    expect(zonedDateTime('2024-11-28T13:00:00Z', 'Europe/Paris')).toEqual({
      date: '2024-11-28',
      time: '14:00',
    });
    expect(zonedDateTime('2024-11-28T13:00:00Z', 'America/New_York')).toEqual({
      date: '2024-11-28',
      time: '08:00',
    });
  });

  it('follows daylight saving time', () => {
    expect(zonedDateTime('2024-07-04T12:00:00Z', 'Europe/Paris').time).toBe('14:00');
  });

  it('puts a late evening on the right day', () => {
    expect(dateIn('2024-11-28T23:30:00Z', 'Europe/Paris')).toBe('2024-11-29');
    expect(dateIn('2024-11-28T23:30:00Z', 'UTC')).toBe('2024-11-28');
  });

  it('writes midnight as 00:00', () => {
    expect(zonedDateTime('2024-11-28T23:00:00Z', 'Europe/Paris').time).toBe('00:00');
  });

  it("gives today's date in a zone", () => {
    const now = new Date('2024-11-28T23:30:00Z');
    expect(today('UTC', now)).toBe('2024-11-28');
    expect(today('Asia/Tokyo', now)).toBe('2024-11-29');
  });

  it('tells known zones from unknown ones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(knownTimeZones()).toContain('Europe/Paris');
  });
});

describe('calendar days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2024-11-28', 3)).toBe('2024-12-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2024-11-28', '2024-12-05')).toBe(7);
    expect(daysBetween('2024-12-05', '2024-11-28')).toBe(-7);
    // The autumn clock change does not make a day shorter.
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
  });

  it('knows the weekday of a date', () => {
    expect(weekdayOf('2024-11-28')).toBe('thu');
    expect(weekdayOf('2024-12-01')).toBe('sun');
    expect(weekdayOf('2024-12-02')).toBe('mon');
  });
});

describe('formatters', () => {
  it('builds each locale, zone and set of options once', () => {
    const options = { timeZone: 'Europe/Paris', hour: 'numeric' } as const;
    const first = dateTimeFormat('en-GB', options);
    expect(dateTimeFormat('en-GB', { ...options })).toBe(first);
    expect(dateTimeFormat('en-US', options)).not.toBe(first);
    expect(dateTimeFormat('en-GB', { ...options, timeZone: 'Asia/Tokyo' })).not.toBe(first);
    expect(dateTimeFormat('en-GB', { ...options, minute: '2-digit' })).not.toBe(first);
  });

  it('keeps each formatter in its own zone', () => {
    const at = new Date('2024-07-01T12:00:00Z');
    const paris = dateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit' });
    const tokyo = dateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit' });
    expect(paris.format(at)).toBe('14');
    expect(tokyo.format(at)).toBe('21');
  });

  it('refuses a zone it does not know, and keeps nothing for it', () => {
    expect(() => dateTimeFormat('en-GB', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-GB', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe("the computer's zone", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  // What the formatters report as the computer's zone, counting the asks.
  function computerZone(zone: string): { asks: () => number; move: (to: string) => void } {
    let current = zone;
    const original = Intl.DateTimeFormat.prototype.resolvedOptions;
    const spy = vi
      .spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions')
      .mockImplementation(function (this: Intl.DateTimeFormat) {
        return { ...original.call(this), timeZone: current };
      });
    return { asks: () => spy.mock.calls.length, move: (to) => (current = to) };
  }

  it('is read once for a whole list, not once per row', () => {
    vi.useFakeTimers({ now: new Date('2024-11-28T09:00:00Z'), toFake: ['Date'] });
    const zone = computerZone('Europe/Paris');
    const rows = Array.from({ length: 40 }, (_, i) =>
      formatWhenWithZone(
        `2024-11-${10 + (i % 18)}T13:00:00Z`,
        'Europe/Paris',
        '2024-11-28T09:00:00Z',
        'en-GB',
      ),
    );
    expect(rows.every((row) => !row.includes('('))).toBe(true);
    // The one read of the zone, and the locale's clock (12 or 24 hours) once.
    expect(zone.asks()).toBeLessThanOrEqual(2);
  });

  it('follows a change of zone within a second', () => {
    vi.useFakeTimers({ now: new Date('2024-11-28T09:00:00Z'), toFake: ['Date'] });
    const zone = computerZone('Europe/Paris');
    expect(systemTimeZone()).toBe('Europe/Paris');
    zone.move('Asia/Tokyo');
    vi.advanceTimersByTime(1000);
    expect(systemTimeZone()).toBe('Asia/Tokyo');
    const paris = formatWhenWithZone(
      '2024-11-28T13:00:00Z',
      'Europe/Paris',
      '2024-11-28T09:00:00Z',
      'en-GB',
    );
    expect(paris).toBe('Today 14:00 (Europe/Paris)');
  });

  it('is read again when the clock goes back', () => {
    vi.useFakeTimers({ now: new Date('2024-11-28T09:00:00Z'), toFake: ['Date'] });
    const zone = computerZone('Europe/Paris');
    expect(systemTimeZone()).toBe('Europe/Paris');
    zone.move('Asia/Tokyo');
    vi.setSystemTime(new Date('2024-11-28T08:00:00Z'));
    expect(systemTimeZone()).toBe('Asia/Tokyo');
  });
});

describe('formatting', () => {
  it('formats a day, with the year only when it is not the current one', () => {
    expect(formatDay('2024-11-28', 2024)).toBe('Thu 28 Nov');
    expect(formatDay('2024-11-28', 2025)).toBe('Thu 28 Nov 2024');
    expect(formatDate('2024-11-28', new Date('2024-06-01T12:00:00Z'))).toBe('Thu 28 Nov');
    expect(formatDate('2023-01-02', new Date('2024-06-01T12:00:00Z'))).toBe('Mon 2 Jan 2023');
  });

  it('formats a clock time in the given locale and zone', () => {
    expect(formatClock('2024-11-28T13:00:00Z', 'Europe/Paris', 'en-US')).toMatch(/^2:00\sPM$/);
    expect(formatClock('2024-11-28T13:00:00Z', 'Europe/Paris', 'en-GB')).toBe('14:00');
  });

  it('says today and tomorrow in the meeting zone', () => {
    const now = '2024-11-28T09:00:00Z';
    expect(formatWhen('2024-11-28T13:00:00Z', 'Europe/Paris', now, 'en-US')).toMatch(
      /^Today 2:00\sPM$/,
    );
    expect(formatWhen('2024-11-29T13:00:00Z', 'Europe/Paris', now, 'en-US')).toMatch(
      /^Tomorrow 2:00\sPM$/,
    );
    expect(formatWhen('2024-12-05T13:00:00Z', 'Europe/Paris', now, 'en-US')).toMatch(
      /^Thu 5 Dec 2:00\sPM$/,
    );
    expect(formatWhen('2025-01-09T13:00:00Z', 'Europe/Paris', now, 'en-GB')).toBe(
      'Thu 9 Jan 2025 14:00',
    );
  });

  it('uses the date of the meeting zone, not UTC, to say "Tomorrow"', () => {
    // 23:30 UTC on the 28th is already the 29th in Paris, and now is the 28th there.
    expect(formatWhen('2024-11-28T23:30:00Z', 'Europe/Paris', '2024-11-28T09:00:00Z', 'en-GB')).toBe(
      'Tomorrow 00:30',
    );
  });

  it('formats durations and day counts', () => {
    expect(formatMinutes(30)).toBe('30 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(75)).toBe('1 h 15 min');
    expect(minutesBetween('2024-11-28T13:00:00Z', '2024-11-28T13:32:20Z')).toBe(32);
    expect(daysAgo(0)).toBe('today');
    expect(daysAgo(1)).toBe('yesterday');
    expect(daysAgo(23)).toBe('23 days ago');
    expect(dayCount(1)).toBe('1 day');
    expect(dayCount(3)).toBe('3 days');
    expect(shortTime('14:00:00')).toBe('14:00');
  });
});
