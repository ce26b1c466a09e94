import { describe, expect, it } from 'vitest';
import type { DuePerson, Today, UpcomingMeeting } from './bindings';
import {
  MAX_REFRESH_DELAY_MS,
  MIN_REFRESH_DELAY_MS,
  greeting,
  nextChange,
  nextLocalTime,
  refreshDelay,
} from './today-refresh';

const at = (instant: string): number => Date.parse(instant);
const iso = (ms: number): string => new Date(ms).toISOString();

function meeting(overrides: Partial<UpcomingMeeting> = {}): UpcomingMeeting {
  return {
    meeting_id: 'm-1',
    person_id: 'p-ada',
    person_name: 'Ada Okafor',
    scheduled_start: '2024-11-29T13:00:00Z',
    time_zone: 'UTC',
    planned_minutes: 30,
    status: 'scheduled',
    kind: 'regular',
    topic: null,
    started_at: null,
    ...overrides,
  };
}

function duePerson(overrides: Partial<DuePerson> = {}): DuePerson {
  return {
    person_id: 'p-ben',
    name: 'Ben Moreau',
    cadence: 'weekly',
    last_meeting: null,
    days_since_last: null,
    next_meeting: null,
    ...overrides,
  };
}

function view(now: string, overrides: Partial<Today> = {}): Today {
  return {
    now,
    upcoming: [],
    overdue: [],
    due_people: [],
    people_count: 3,
    reminder_banner: null,
    next_after_week: null,
    ...overrides,
  };
}

describe('nextLocalTime', () => {
  it('finds the next midnight in the zone', () => {
    expect(iso(nextLocalTime(at('2024-11-27T09:00:00Z'), 'UTC', '00:00'))).toBe(
      '2024-11-28T00:00:00.000Z',
    );
    // Paris is an hour ahead in winter.
    expect(iso(nextLocalTime(at('2024-11-27T09:00:00Z'), 'Europe/Paris', '00:00'))).toBe(
      '2024-11-27T23:00:00.000Z',
    );
    // Half-hour offsets too.
    expect(iso(nextLocalTime(at('2024-11-27T09:00:00Z'), 'Asia/Kolkata', '00:00'))).toBe(
      '2024-11-27T18:30:00.000Z',
    );
  });

  it('at midnight itself, finds the one after', () => {
    expect(iso(nextLocalTime(at('2024-11-28T00:00:00Z'), 'UTC', '00:00'))).toBe(
      '2024-11-29T00:00:00.000Z',
    );
    expect(iso(nextLocalTime(at('2024-11-27T23:59:59Z'), 'UTC', '00:00'))).toBe(
      '2024-11-28T00:00:00.000Z',
    );
  });

  it('finds later times of the day, today or tomorrow', () => {
    expect(iso(nextLocalTime(at('2024-11-27T09:00:00Z'), 'UTC', '12:00'))).toBe(
      '2024-11-27T12:00:00.000Z',
    );
    expect(iso(nextLocalTime(at('2024-11-27T19:00:00Z'), 'UTC', '18:00'))).toBe(
      '2024-11-28T18:00:00.000Z',
    );
  });

  it('counts a day of 23 hours when the clocks go forward', () => {
    // London: 01:00 GMT becomes 02:00 BST on Sunday 31 March 2024.
    expect(iso(nextLocalTime(at('2024-03-30T12:00:00Z'), 'Europe/London', '00:00'))).toBe(
      '2024-03-31T00:00:00.000Z',
    );
    // Midnight after the change is at 23:00 UTC, not 24 hours after the last one.
    expect(iso(nextLocalTime(at('2024-03-31T12:00:00Z'), 'Europe/London', '00:00'))).toBe(
      '2024-03-31T23:00:00.000Z',
    );
  });

  it('counts a day of 25 hours when the clocks go back', () => {
    // New York: 02:00 EDT becomes 01:00 EST on Sunday 3 November 2024.
    expect(iso(nextLocalTime(at('2024-11-02T12:00:00Z'), 'America/New_York', '00:00'))).toBe(
      '2024-11-03T04:00:00.000Z',
    );
    expect(iso(nextLocalTime(at('2024-11-03T12:00:00Z'), 'America/New_York', '00:00'))).toBe(
      '2024-11-04T05:00:00.000Z',
    );
  });

  it('takes the jump itself for a time the clocks skip', () => {
    // 01:30 never happens in London on 31 March 2024.
    expect(iso(nextLocalTime(at('2024-03-30T12:00:00Z'), 'Europe/London', '01:30'))).toBe(
      '2024-03-31T01:00:00.000Z',
    );
    // Chile goes from 23:59 straight to 01:00 on 7–8 September 2024: no midnight.
    expect(iso(nextLocalTime(at('2024-09-07T12:00:00Z'), 'America/Santiago', '00:00'))).toBe(
      '2024-09-08T04:00:00.000Z',
    );
  });
});

describe('greeting', () => {
  it.each([
    ['2024-11-27T00:00:00Z', 'Good morning'],
    ['2024-11-27T11:59:00Z', 'Good morning'],
    ['2024-11-27T12:00:00Z', 'Good afternoon'],
    ['2024-11-27T17:59:00Z', 'Good afternoon'],
    ['2024-11-27T18:00:00Z', 'Good evening'],
    ['2024-11-27T23:59:00Z', 'Good evening'],
  ])('at %s UTC says %s', (now, words) => {
    expect(greeting(now, 'UTC')).toBe(words);
  });

  it('reads the clock in the zone', () => {
    expect(greeting('2024-11-27T09:00:00Z', 'Asia/Tokyo')).toBe('Good evening');
  });
});

describe('nextChange', () => {
  it('with nothing on the screen, is the next greeting or the next midnight', () => {
    expect(iso(nextChange(view('2024-11-27T09:00:00Z'), 'UTC'))).toBe('2024-11-27T12:00:00.000Z');
    expect(iso(nextChange(view('2024-11-27T19:00:00Z'), 'UTC'))).toBe('2024-11-28T00:00:00.000Z');
    expect(iso(nextChange(view('2024-11-27T19:00:00Z'), 'Europe/Paris'))).toBe(
      '2024-11-27T23:00:00.000Z',
    );
  });

  it("is the next 1:1's start", () => {
    const data = view('2024-11-27T19:00:00Z', {
      upcoming: [
        meeting({ meeting_id: 'm-later', scheduled_start: '2024-11-27T21:00:00Z' }),
        meeting({ meeting_id: 'm-next', scheduled_start: '2024-11-27T19:02:00Z' }),
      ],
    });
    expect(iso(nextChange(data, 'UTC'))).toBe('2024-11-27T19:02:00.000Z');
  });

  it("is a started-late 1:1's planned end, once its start is past", () => {
    const data = view('2024-11-27T19:00:00Z', {
      upcoming: [meeting({ scheduled_start: '2024-11-27T18:45:00Z', planned_minutes: 30 })],
    });
    expect(iso(nextChange(data, 'UTC'))).toBe('2024-11-27T19:15:00.000Z');
  });

  it('is an in-progress 1:1’s planned end, counted from when it began', () => {
    const running = meeting({
      scheduled_start: '2024-11-27T18:45:00Z',
      started_at: '2024-11-27T18:50:00Z',
      planned_minutes: 30,
      status: 'in_progress',
    });
    expect(iso(nextChange(view('2024-11-27T19:00:00Z', { upcoming: [running] }), 'UTC'))).toBe(
      '2024-11-27T19:20:00.000Z',
    );
    // Without a recorded start, from its planned one.
    const unrecorded = { ...running, started_at: null };
    expect(iso(nextChange(view('2024-11-27T19:00:00Z', { upcoming: [unrecorded] }), 'UTC'))).toBe(
      '2024-11-27T19:15:00.000Z',
    );
    // Once it has run over, nothing more comes of it.
    expect(iso(nextChange(view('2024-11-27T19:30:00Z', { upcoming: [running] }), 'UTC'))).toBe(
      '2024-11-28T00:00:00.000Z',
    );
  });

  it('skips 1:1s that are over or cancelled', () => {
    const data = view('2024-11-27T19:00:00Z', {
      upcoming: [
        meeting({ scheduled_start: '2024-11-27T19:10:00Z', status: 'cancelled' }),
        meeting({ scheduled_start: '2024-11-27T18:00:00Z', status: 'completed' }),
      ],
    });
    expect(iso(nextChange(data, 'UTC'))).toBe('2024-11-28T00:00:00.000Z');
  });

  it("is the end of the 1:1 the reminder banner is about", () => {
    const data = view('2024-11-27T19:00:00Z', {
      reminder_banner: meeting({ scheduled_start: '2024-11-27T18:50:00Z', planned_minutes: 45 }),
    });
    expect(iso(nextChange(data, 'UTC'))).toBe('2024-11-27T19:35:00.000Z');
  });

  it("is midnight in a 1:1's own zone, where its Today and Tomorrow are read", () => {
    const data = view('2024-11-27T13:00:00Z', {
      upcoming: [meeting({ scheduled_start: '2024-11-29T01:00:00Z', time_zone: 'Asia/Tokyo' })],
    });
    // 00:00 in Tokyo is 15:00 UTC, before the afternoon ends where the manager is.
    expect(iso(nextChange(data, 'UTC'))).toBe('2024-11-27T15:00:00.000Z');
  });

  it('is when the first 1:1 after the coming week moves into it', () => {
    const data = view('2024-11-27T19:00:00Z', {
      next_after_week: meeting({ scheduled_start: '2024-12-04T21:30:00Z' }),
    });
    expect(iso(nextChange(data, 'UTC'))).toBe('2024-11-27T21:30:00.000Z');
  });

  it('is when someone due for a 1:1 has waited one more day', () => {
    const data = view('2024-11-27T19:00:00Z', {
      due_people: [
        duePerson(),
        duePerson({ last_meeting: '2024-11-04T19:30:00Z', days_since_last: 22 }),
      ],
    });
    expect(iso(nextChange(data, 'UTC'))).toBe('2024-11-27T19:30:00.000Z');
  });
});

describe('refreshDelay', () => {
  it('waits until the next change when it is near', () => {
    const data = view('2024-11-27T19:00:00Z', {
      upcoming: [meeting({ scheduled_start: '2024-11-27T19:02:00Z' })],
    });
    expect(refreshDelay(data, 'UTC')).toBe(2 * 60_000);
    expect(refreshDelay(view('2024-11-27T23:58:30Z'), 'UTC')).toBe(90_000);
  });

  it('looks again after five minutes at the most', () => {
    const data = view('2024-11-27T19:00:00Z', {
      upcoming: [meeting({ scheduled_start: '2024-11-27T19:20:00Z' })],
    });
    expect(MAX_REFRESH_DELAY_MS).toBe(5 * 60_000);
    expect(refreshDelay(data, 'UTC')).toBe(MAX_REFRESH_DELAY_MS);
    // Nothing scheduled and midnight hours away.
    expect(refreshDelay(view('2024-11-27T19:00:00Z'), 'UTC')).toBe(MAX_REFRESH_DELAY_MS);
  });

  it('never reloads in a burst', () => {
    const data = view('2024-11-27T19:01:59.990Z', {
      upcoming: [meeting({ scheduled_start: '2024-11-27T19:02:00Z' })],
    });
    expect(refreshDelay(data, 'UTC')).toBe(MIN_REFRESH_DELAY_MS);
  });
});
