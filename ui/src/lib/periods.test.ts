import { describe, expect, it } from 'vitest';
import { periodRange } from './periods';

describe('periods', () => {
  const today = '2025-05-14';

  it('leaves any time open', () => {
    expect(periodRange('any', today)).toEqual({});
  });

  it('counts the last days with today included, like last:30d', () => {
    expect(periodRange('last_30', today)).toEqual({ from: '2025-04-15', to: '2025-05-14' });
    expect(periodRange('last_90', today)).toEqual({ from: '2025-02-14', to: '2025-05-14' });
  });

  it('covers the whole quarter and year', () => {
    expect(periodRange('this_quarter', today)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(periodRange('last_quarter', today)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(periodRange('this_year', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('goes back into last year from the first quarter', () => {
    expect(periodRange('last_quarter', '2025-02-01')).toEqual({
      from: '2024-10-01',
      to: '2024-12-31',
    });
    expect(periodRange('this_quarter', '2024-11-30')).toEqual({
      from: '2024-10-01',
      to: '2024-12-31',
    });
  });

  it('takes the custom days typed, leaving an empty side open', () => {
    expect(periodRange('custom', today, { from: '2025-01-10', to: '2025-02-20' })).toEqual({
      from: '2025-01-10',
      to: '2025-02-20',
    });
    expect(periodRange('custom', today, { from: '', to: '2025-02-20' })).toEqual({
      to: '2025-02-20',
    });
    expect(periodRange('custom', today)).toEqual({});
  });

  it('counts the last twelve months and last year for review season', () => {
    expect(periodRange('last_12_months', '2026-12-04')).toEqual({ from: '2025-12-05', to: '2026-12-04' });
    expect(periodRange('last_year', '2026-12-04')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
