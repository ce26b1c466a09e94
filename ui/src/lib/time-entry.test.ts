import { describe, expect, it } from 'vitest';
import { parseTimeOfDay, stepTimeOfDay } from './time-entry';

describe('a typed time of day', () => {
  it.each([
    ['2:30 PM', '14:30'],
    ['2:30pm', '14:30'],
    ['2.30 p.m.', '14:30'],
    ['2 pm', '14:00'],
    ['2p', '14:00'],
    ['12:15 AM', '00:15'],
    ['12:15 PM', '12:15'],
    ['9:05 am', '09:05'],
    ['14:30', '14:30'],
    ['1430', '14:30'],
    ['930', '09:30'],
    ['9', '09:00'],
    ['0:00', '00:00'],
    [' 23:59 ', '23:59'],
    // The narrow no-break space some locales write before "PM".
    ['2:30\u202fPM', '14:30'],
    // Seconds, as a calendar writes them, are dropped.
    ['14:30:00', '14:30'],
    ['2:30:45 PM', '14:30'],
  ])('reads %j as %s', (typed, time) => {
    expect(parseTimeOfDay(typed, 'en-US')).toBe(time);
  });

  it.each([
    '',
    'soon',
    '24:00',
    '2:60',
    '2:5',
    '13 pm',
    '0 am',
    '2:30 xm',
    '12345',
    '-1:00',
    '14:30:60',
    '14:30:5',
    '143000',
  ])('refuses %j', (typed) => {
    expect(parseTimeOfDay(typed, 'en-US')).toBeNull();
  });

  it("takes the locale's own words for morning and afternoon, and the English ones", () => {
    // Swedish writes "2:30 em" and "9:00 fm"; Finnish "2.30 ip.".
    expect(parseTimeOfDay('2:30 em', 'sv-SE')).toBe('14:30');
    expect(parseTimeOfDay('9:00 fm', 'sv-SE')).toBe('09:00');
    expect(parseTimeOfDay('2.30 ip.', 'fi-FI')).toBe('14:30');
    expect(parseTimeOfDay('2:30 em', 'en-US')).toBeNull();
    expect(parseTimeOfDay('2:30 PM', 'sv-SE')).toBe('14:30');
    expect(parseTimeOfDay('14:30', 'de-DE')).toBe('14:30');
  });
});

describe('stepping a time by quarter hours', () => {
  it.each([
    ['14:00', 1, '14:15'],
    ['14:10', 1, '14:15'],
    ['14:10', -1, '14:00'],
    ['14:15', -1, '14:00'],
    ['23:45', 1, '00:00'],
    ['00:00', -1, '23:45'],
    ['09:00', 4, '10:00'],
  ])('%s by %i is %s', (time, steps, next) => {
    expect(stepTimeOfDay(time, steps)).toBe(next);
  });
});
