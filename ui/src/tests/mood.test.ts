import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MoodCheck, MoodInput } from '../lib/bindings';
import MoodPicker from '../lib/MoodPicker.svelte';
import MoodTrend from '../lib/MoodTrend.svelte';
import { moodCheck, moodSeries } from './coaching-builders';
import { mockBackend, type Call } from './fixtures';

afterEach(() => {
  clearMocks();
});

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function argsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

/** Answers record_mood as the store does: private unless shareable. */
function recorded(args: unknown): MoodCheck {
  const { input } = args as { input: MoodInput };
  const mood = { score: input.score, word: input.word };
  return moodCheck(input.score, {
    meeting_id: 'm-now',
    ...(input.shareable ? { mood, private_mood: undefined } : { private_mood: mood }),
  });
}

describe('mood picker', () => {
  function renderPicker(mood: MoodCheck | null = null) {
    const calls = mockBackend({ record_mood: recorded, clear_mood: () => null });
    render(MoodPicker, { props: { meetingId: 'm-now', mood } });
    return { calls, user: userEvent.setup() };
  }

  it('offers ten scores as one radio group, with the sharing off', () => {
    renderPicker();
    const group = screen.getByRole('radiogroup');
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.id)).toEqual(
      Array.from({ length: 10 }, (_, index) => `mood-${index + 1}`),
    );
    expect(within(group).getByRole('radio', { name: 'Mood 7 of 10' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    expect(byId('mood-shareable')).not.toBeChecked();
    expect(screen.getByText('Private unless you tick this')).toBeInTheDocument();
  });

  it('records the score picked at once, private by default, and shows it', async () => {
    const { calls, user } = renderPicker();
    await user.type(byId('mood-word'), 'tired');
    await user.click(screen.getByRole('radio', { name: 'Mood 4 of 10' }));

    expect(argsOf(calls, 'record_mood')).toEqual([
      { meetingId: 'm-now', input: { score: 4, word: 'tired', shareable: false } },
    ]);
    expect(screen.getByRole('radio', { name: 'Mood 4 of 10' })).toHaveAttribute('aria-checked', 'true');
    expect(byId('mood-recorded')).toHaveTextContent('Recorded 4/10 · tired');
    expect(byId('mood-recorded')).toHaveTextContent('Private');
  });

  it('records again as shareable when the box is ticked after a score', async () => {
    const { calls, user } = renderPicker();
    await user.click(screen.getByRole('radio', { name: 'Mood 8 of 10' }));
    await user.click(byId('mood-shareable'));
    expect(argsOf(calls, 'record_mood')).toEqual([
      { meetingId: 'm-now', input: { score: 8, word: null, shareable: false } },
      { meetingId: 'm-now', input: { score: 8, word: null, shareable: true } },
    ]);
    expect(byId('mood-recorded')).not.toHaveTextContent('Private');
  });

  it('starts from the recorded check-in and clears it', async () => {
    const { calls, user } = renderPicker(
      moodCheck(6, { mood: { score: 6, word: 'busy' }, private_mood: undefined }),
    );
    expect(screen.getByRole('radio', { name: 'Mood 6 of 10' })).toHaveAttribute('aria-checked', 'true');
    expect(byId('mood-word')).toHaveValue('busy');
    expect(byId('mood-shareable')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(argsOf(calls, 'clear_mood')).toEqual([{ meetingId: 'm-now' }]);
    expect(screen.getByRole('radio', { name: 'Mood 6 of 10' })).toHaveAttribute('aria-checked', 'false');
  });
});

describe('mood trend', () => {
  it('draws one dot per check-in, labels the last, and says the scores in words', () => {
    render(MoodTrend, { props: { moods: moodSeries([7, 7, 6, 5, 6, 4]) } });
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName('Mood over the last 6 check-ins: 7, 7, 6, 5, 6, 4');
    expect(chart.querySelectorAll('circle.mood-dot')).toHaveLength(6);
    expect(chart.querySelector('text.last')).toHaveTextContent('4');
  });

  it('puts a higher score higher up', () => {
    render(MoodTrend, { props: { moods: moodSeries([2, 9]) } });
    const [low, high] = Array.from(document.querySelectorAll('circle.mood-dot')).map((dot) =>
      Number(dot.getAttribute('cy')),
    );
    expect(high).toBeLessThan(low ?? 0);
  });

  it('says when there is nothing to draw', () => {
    render(MoodTrend, { props: { moods: [] } });
    expect(screen.getByText('No check-ins yet.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
