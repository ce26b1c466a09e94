import { describe, expect, it } from 'vitest';
import { describeOffsets, minutesToStart, normalizeOffsets, offsetLabel, startsIn } from './reminders';

describe('reminder times in words', () => {
  it.each([
    [5, '5 minutes'],
    [1, '1 minute'],
    [60, '1 hour'],
    [120, '2 hours'],
    [75, '75 minutes'],
    [1440, '1 day'],
    [2880, '2 days'],
  ])('names a reminder %i minutes before as "%s"', (minutes, words) => {
    expect(offsetLabel(minutes)).toBe(words);
  });

  it.each([
    [[15], '15 minutes before'],
    [[15, 60], '1 hour and 15 minutes before'],
    [[1440, 15], '1 day and 15 minutes before'],
    [[5, 1440, 60, 15], '1 day, 1 hour, 15 minutes and 5 minutes before'],
    [[], 'No reminders'],
  ])('describes %j as "%s"', (minutes, words) => {
    expect(describeOffsets(minutes)).toBe(words);
  });

  it('orders reminders largest first, without repeats', () => {
    expect(normalizeOffsets([15, 1440, 15, 60])).toEqual([1440, 60, 15]);
  });
});

describe('how soon a 1:1 starts', () => {
  const start = '2024-11-27T09:00:00Z';
  const at = (iso: string) => Date.parse(iso);

  it('rounds up to the minute, as the notifications do', () => {
    expect(minutesToStart(start, at('2024-11-27T08:48:00Z'))).toBe(12);
    expect(minutesToStart(start, at('2024-11-27T08:48:30Z'))).toBe(12);
    expect(minutesToStart(start, at('2024-11-27T08:59:59Z'))).toBe(1);
    expect(minutesToStart(start, at('2024-11-27T09:00:00Z'))).toBe(0);
    expect(Object.is(minutesToStart(start, at('2024-11-27T09:00:30Z')), 0)).toBe(true);
    expect(minutesToStart(start, at('2024-11-27T09:05:00Z'))).toBe(-5);
  });

  it.each([
    [12, 'in 12 minutes'],
    [1, 'in 1 minute'],
    [60, 'in 1 hour'],
    [75, 'in 1 hour and 15 minutes'],
    [1440, 'in 1 day'],
    [1441, 'in 1 day'],
    [1500, 'in 1 day and 1 hour'],
    [0, 'starts now'],
    [-1, 'started 1 minute ago'],
    [-5, 'started 5 minutes ago'],
    [-65, 'started 1 hour and 5 minutes ago'],
  ])('%i minutes to go reads "%s"', (minutes, words) => {
    expect(startsIn(minutes)).toBe(words);
  });
});
