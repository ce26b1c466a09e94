import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  CADENCES,
  careerRhythmLabel,
  describeSeries,
  FORMATS,
  FREQUENCIES,
  LEVEL_LABELS,
  LEVELS,
  monthlyOrdinal,
  WEEKDAYS,
} from './labels';
import { proposedCadence, proposedCareerTalkDays } from './people';
import { series } from '../tests/builders';
import type { Series } from './bindings';
import wording from '../../../src-tauri/core/tests/fixtures/series-wording.json';

describe('series descriptions', () => {
  it('describes a weekly series with its zone and length', () => {
    expect(describeSeries(series())).toBe('Weekly on Thursday at 2:00 PM (Europe/Paris), 30 min');
  });

  it('describes a biweekly series', () => {
    expect(
      describeSeries(
        series({ frequency: 'biweekly', weekday: 'mon', local_time: '09:30:00', duration_minutes: 45 }),
      ),
    ).toBe('Every two weeks on Monday at 9:30 AM (Europe/Paris), 45 min');
  });

  it('names both days of a twice-a-week series', () => {
    expect(
      describeSeries(
        series({ frequency: 'twice_weekly', weekday: 'mon', second_weekday: 'thu', local_time: '09:00:00' }),
      ),
    ).toBe('Twice a week, on Monday and Thursday at 9:00 AM (Europe/Paris), 30 min');
  });

  it('names the weekday of the month a monthly series keeps', () => {
    // 2024-11-12 is the second Tuesday of November.
    expect(
      describeSeries(series({ frequency: 'monthly', weekday: 'tue', starts_on: '2024-11-12' })),
    ).toBe('Monthly on the second Tuesday at 2:00 PM (Europe/Paris), 30 min');
  });

  it('names the last weekday of the month for a series that keeps it', () => {
    expect(
      describeSeries(
        series({ frequency: 'monthly', weekday: 'tue', starts_on: '2024-10-29', last_of_month: true }),
      ),
    ).toBe('Monthly on the last Tuesday at 2:00 PM (Europe/Paris), 30 min');
  });

  it('words each series as the core does, from the cases both test', () => {
    expect(wording.cases.length).toBeGreaterThanOrEqual(8);
    for (const { rhythm, ...fields } of wording.cases) {
      const said = describeSeries(series(fields as Partial<Series>));
      expect(said).toBe(`${rhythm.charAt(0).toUpperCase()}${rhythm.slice(1)} (Europe/Paris), 30 min`);
    }
  });

  it('counts the month ordinal from the first matching weekday on or after the start', () => {
    // Starting Wednesday 2024-11-06: the first Friday after is the 8th, the second Friday.
    expect(monthlyOrdinal('2024-11-06', 'fri')).toBe('second');
    expect(monthlyOrdinal('2024-11-01', 'fri')).toBe('first');
    // A fifth Friday (29th) counts as the fourth.
    expect(monthlyOrdinal('2024-11-29', 'fri')).toBe('fourth');
    // Starting on the 30th, the next Monday falls in December: the first one.
    expect(monthlyOrdinal('2024-11-30', 'mon')).toBe('first');
  });
});

describe('rhythms by level', () => {
  it('follows the recommended cadence table', () => {
    expect(proposedCadence('junior')).toBe('weekly');
    expect(proposedCadence('confirmed')).toBe('weekly');
    expect(proposedCadence('senior')).toBe('biweekly');
    expect(proposedCadence('staff_plus')).toBe('biweekly');
    expect(proposedCareerTalkDays('junior')).toBe(14);
    expect(proposedCareerTalkDays('senior')).toBe(30);
    expect(proposedCareerTalkDays('staff_plus')).toBe(60);
  });

  it('words career-talk rhythms', () => {
    expect(careerRhythmLabel(14)).toBe('Every two weeks');
    expect(careerRhythmLabel(30)).toBe('Every month');
    expect(careerRhythmLabel(60)).toBe('Every two months');
    expect(careerRhythmLabel(45)).toBe('Every 45 days');
  });
});

describe('choice lists', () => {
  it('offer every value of each enum, in the order the labels are written', () => {
    expect(ACTION_STATUSES).toEqual(['open', 'partial', 'done', 'escalated', 'dropped']);
    expect(WEEKDAYS).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(FORMATS).toEqual(['in_person', 'video', 'phone']);
    expect(CADENCES).toEqual(['weekly', 'biweekly', 'monthly']);
    expect(FREQUENCIES).toEqual([...CADENCES, 'twice_weekly']);
  });

  it('have words for every level the bindings list', () => {
    expect(Object.keys(LEVEL_LABELS)).toEqual(LEVELS);
  });
});

describe('one time format', () => {
  it('writes a series time and a 1:1 time the same way, as the locale does', async () => {
    const { formatClock, formatTimeOfDay } = await import('./time');
    expect(formatTimeOfDay('14:00:00', 'en-US')).toBe('2:00 PM');
    expect(formatTimeOfDay('14:00:00', 'en-GB')).toBe('14:00');
    expect(formatTimeOfDay('09:05:00', 'de-DE')).toBe('09:05');
    const instant = '2024-11-28T13:00:00Z';
    for (const locale of ['en-US', 'en-GB', 'fr-FR']) {
      expect(formatClock(instant, 'Europe/Paris', locale)).toBe(formatTimeOfDay('14:00:00', locale));
    }
  });
});
