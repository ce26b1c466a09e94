import { describe, expect, it } from 'vitest';
import { customPeriod, isTeamPreset, presetPeriod, TEAM_PERIODS } from './team-periods';

describe('team periods', () => {
  it('offers the presets in order, the last 90 days among them, then a custom period', () => {
    expect(TEAM_PERIODS).toEqual([
      'last_30',
      'last_90',
      'this_quarter',
      'last_quarter',
      'last_12_months',
      'custom',
    ]);
    expect(isTeamPreset('last_90')).toBe(true);
    expect(isTeamPreset('custom')).toBe(false);
    expect(isTeamPreset('any')).toBe(false);
  });

  it('counts the last days with today included', () => {
    expect(presetPeriod('last_30', '2026-11-20')).toEqual({ from: '2026-10-22', to: '2026-11-20' });
    // 9 days of August, 30 of September, 31 of October and 20 of November.
    expect(presetPeriod('last_90', '2026-11-20')).toEqual({ from: '2026-08-23', to: '2026-11-20' });
  });

  it('runs this quarter from its first day to today', () => {
    expect(presetPeriod('this_quarter', '2026-11-20')).toEqual({
      from: '2026-10-01',
      to: '2026-11-20',
    });
  });

  it('takes the whole previous quarter', () => {
    expect(presetPeriod('last_quarter', '2026-11-20')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
  });

  it('turns at the quarter boundary', () => {
    // The last day of a quarter still belongs to it…
    expect(presetPeriod('this_quarter', '2026-03-31')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(presetPeriod('last_quarter', '2026-03-31')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    // …and the next day starts the next one, a single day long.
    expect(presetPeriod('this_quarter', '2026-04-01')).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
    expect(presetPeriod('last_quarter', '2026-04-01')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('counts February 29 in a leap year', () => {
    // 365 days from 2024-03-01 to 2025-02-28, with no February 29 among them…
    expect(presetPeriod('last_12_months', '2025-02-28')).toEqual({
      from: '2024-03-01',
      to: '2025-02-28',
    });
    // …while 365 days up to February 29 start on March 2.
    expect(presetPeriod('last_12_months', '2024-02-29')).toEqual({
      from: '2023-03-02',
      to: '2024-02-29',
    });
    // The first quarter of 2024 has 91 days: Jan 2 is 89 days before Mar 31.
    expect(presetPeriod('last_90', '2024-03-31')).toEqual({ from: '2024-01-02', to: '2024-03-31' });
    expect(presetPeriod('last_quarter', '2024-05-10')).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(presetPeriod('last_30', '2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
  });

  it('takes a custom period once both days are whole dates, in any order', () => {
    expect(customPeriod('2026-01-10', '2026-02-20')).toEqual({ from: '2026-01-10', to: '2026-02-20' });
    expect(customPeriod('2026-03-01', '2026-02-01')).toEqual({ from: '2026-03-01', to: '2026-02-01' });
    expect(customPeriod('', '2026-02-20')).toBeNull();
    expect(customPeriod('2026-01-10', '2026-02')).toBeNull();
  });
});
