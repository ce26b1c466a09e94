import { describe, expect, it } from 'vitest';
import type { Bucket } from './bindings';
import {
  bucketName,
  bucketTick,
  heatSummary,
  heatTitle,
  heatTone,
  moodSummary,
  percentOf,
  rateLabel,
  shortDay,
  signed,
} from './team-format';

function bucket(counts: Partial<Bucket>): Bucket {
  return {
    start: '2026-11-02',
    due: 0,
    held: 0,
    cancelled: 0,
    missed: 0,
    items_due: 0,
    items_done: 0,
    ...counts,
  };
}

describe('team format', () => {
  it('writes no rate when nothing was due, and rounds down like the core', () => {
    expect(rateLabel(null)).toBe('—');
    expect(rateLabel(0)).toBe('0%');
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(1, 0)).toBeNull();
  });

  it('signs a change with a true minus', () => {
    expect(signed(1)).toBe('+1');
    expect(signed(-2)).toBe('−2');
    expect(signed(0)).toBe('0');
  });

  it('tells the mood in words', () => {
    expect(moodSummary([])).toBe('No check-ins');
    expect(moodSummary([{ on: '2026-11-01', score: 6 }])).toBe('Mood 6 at 1 check-in');
    expect(
      moodSummary([
        { on: '2026-10-01', score: 6 },
        { on: '2026-10-15', score: 5 },
        { on: '2026-11-01', score: 4 },
      ]),
    ).toBe('Mood 6 → 4 over 3 check-ins');
  });

  it('names weeks by their Monday and months by themselves', () => {
    expect(bucketTick('2026-11-02', 'week')).toBe('2 Nov');
    expect(bucketTick('2026-11-01', 'month')).toBe('Nov 2026');
    expect(bucketName('2026-11-02', 'week')).toBe('Week of 2 Nov');
    expect(shortDay('2026-09-01', '2026-11-20')).toBe('1 Sept');
    expect(shortDay('2025-09-01', '2026-11-20')).toBe('1 Sept 2025');
  });

  it('colours a rhythm cell by what happened to the 1:1s due', () => {
    expect(heatTone(bucket({}))).toBe('none');
    expect(heatTone(bucket({ due: 2, held: 2 }))).toBe('held');
    expect(heatTone(bucket({ due: 2, held: 1, cancelled: 1 }))).toBe('some');
    expect(heatTone(bucket({ due: 1, missed: 1 }))).toBe('lost');
    expect(heatTitle(bucket({ due: 2, held: 1, cancelled: 1 }), 'week')).toBe(
      'Week of 2 Nov: 1 held, 1 cancelled',
    );
    expect(heatTitle(bucket({ start: '2026-11-01' }), 'month')).toBe('Nov 2026: nothing due');
    expect(
      heatSummary([bucket({ due: 1, held: 1 }), bucket({}), bucket({ due: 1, missed: 1 })], 'month'),
    ).toBe('1 month all held, 1 month with none held, 1 month with nothing due');
  });
});
