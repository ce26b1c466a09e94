import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgendaTimeline } from '../lib/session-format';
import SessionTimer from '../lib/SessionTimer.svelte';
import { settle, START, useClock } from './loop-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

function timeline(overrides: Partial<AgendaTimeline> = {}): AgendaTimeline {
  return { slots: [], plannedMinutes: 30, overtime: false, overBy: 0, ...overrides };
}

function shown(): string {
  return screen.getByRole('timer', { name: 'Elapsed time' }).textContent ?? '';
}

describe('session timer', () => {
  it('counts from the stored start while the 1:1 runs', async () => {
    useClock('2024-11-28T13:12:05Z');
    render(SessionTimer, { startedAt: START, endedAt: null, running: true, timeline: timeline() });
    await settle();
    expect(shown()).toBe('00:12:05');
    await vi.advanceTimersByTimeAsync(3000);
    expect(shown()).toBe('00:12:08');
  });

  it('stands still at the stored end', async () => {
    useClock('2024-11-28T15:00:00Z');
    render(SessionTimer, {
      startedAt: START,
      endedAt: '2024-11-28T13:47:23Z',
      running: false,
      timeline: timeline(),
    });
    await settle();
    await vi.advanceTimersByTimeAsync(3000);
    expect(shown()).toBe('00:47:23');
  });

  it('shows zero before the 1:1 has a start', async () => {
    useClock();
    render(SessionTimer, { startedAt: null, endedAt: null, running: false, timeline: null });
    await settle();
    expect(shown()).toBe('00:00:00');
  });

  it('shows the planned length, then the overrun once past it', async () => {
    useClock('2024-11-28T13:12:05Z');
    const { rerender } = render(SessionTimer, {
      startedAt: START,
      endedAt: null,
      running: true,
      timeline: timeline(),
    });
    await settle();
    expect(document.getElementById('session-planned')).toHaveTextContent('Planned 30 min');
    await rerender({ timeline: timeline({ overtime: true, overBy: 4 }) });
    expect(document.getElementById('session-planned')).toBeNull();
    expect(document.getElementById('session-overrun')).toHaveTextContent('Over by 4 min');
  });

  it('reports the elapsed seconds to the screen that lays the agenda against them', async () => {
    useClock('2024-11-28T13:12:05Z');
    const seen: number[] = [];
    render(SessionTimer, {
      startedAt: START,
      endedAt: null,
      running: true,
      timeline: timeline(),
      get elapsed() {
        return seen.at(-1) ?? 0;
      },
      set elapsed(value: number) {
        seen.push(value);
      },
    });
    await settle();
    expect(seen.at(-1)).toBe(725);
  });
});
