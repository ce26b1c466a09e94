import { describe, expect, it } from 'vitest';
import { slotProblem } from './slot-check';

describe('slot checks', () => {
  it('accepts a complete slot', () => {
    const required = [
      ['2024-12-05', 'Pick the day.'],
      ['14:00', 'Pick the time.'],
    ] as const;
    expect(slotProblem({ required, minutes: 30, zone: 'Europe/Paris' })).toBeNull();
  });

  it('names the first empty field with its own words', () => {
    const required = [
      ['', 'Pick the time of the 1:1.'],
      ['', 'Pick the day the series starts.'],
    ] as const;
    expect(slotProblem({ required, minutes: 0, zone: 'Mars/Base' })).toBe('Pick the time of the 1:1.');
    const dayMissing = [
      ['14:00', 'Pick the time of the 1:1.'],
      ['', 'Pick the day the series starts.'],
    ] as const;
    expect(slotProblem({ required: dayMissing, zone: 'UTC' })).toBe('Pick the day the series starts.');
  });

  it('checks the length only when the form asks for one', () => {
    for (const minutes of [null, 0, 481, 2.5]) {
      expect(slotProblem({ required: [], minutes, zone: 'UTC' })).toBe(
        'A 1:1 lasts between 1 and 480 minutes.',
      );
    }
    expect(slotProblem({ required: [], minutes: 480, zone: 'UTC' })).toBeNull();
    expect(slotProblem({ required: [], zone: 'UTC' })).toBeNull();
  });

  it('refuses a zone this computer does not know, after the other fields', () => {
    expect(slotProblem({ required: [], minutes: 30, zone: 'Mars/Base' })).toBe(
      '"Mars/Base" is not a time zone this computer knows.',
    );
    expect(slotProblem({ required: [], zone: ' Europe/Paris ' })).toBeNull();
  });
});
