import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewPacket as Packet } from '../lib/bindings';
import ReviewPacket from '../lib/ReviewPacket.svelte';
import { checkpoint } from './coaching-builders';
import { mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

function packet(overrides: Partial<Packet> = {}): Packet {
  return {
    person_id: 'p-ada',
    person_name: 'Ada Okafor',
    role: 'Backend engineer',
    level: 'senior',
    manager_name: 'Sam',
    from: '2024-07-01',
    to: '2024-09-30',
    prepared_on: '2024-10-02',
    shareable: false,
    attendance: {
      held: 10,
      cancelled: 1,
      moved: 0,
      average_minutes: 40,
      planned_minutes: 45,
      career_conversations: [],
      cancellations: [],
    },
    highlights: [],
    actions: { opened: 0, done: 0, dropped: 0, completion_percent: null, still_open: [], closed: [] },
    focus_areas: [],
    feedback: [],
    growth_plans: [],
    moods: [],
    excerpts: [],
    ...overrides,
  };
}

function section(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

describe('review packet: coaching', () => {
  it('shows the feedback given, the growth plans and the moods, marking private ones', async () => {
    mockBackend({
      get_review_packet: () =>
        packet({
          feedback: [
            {
              date: '2024-08-12',
              tone: 'positive',
              sbi: { situation: 'At the demo', behaviour: 'Calm answers', impact: 'Client signed', request: null },
              private: false,
              meeting_id: null,
            },
            {
              date: '2024-09-02',
              tone: 'constructive',
              sbi: { situation: 'At stand-up', behaviour: 'Late', impact: 'QA waited', request: 'Be on time' },
              private: true,
              meeting_id: null,
            },
          ],
          growth_plans: [
            {
              goal: 'Lead a cross-team project',
              status: 'active',
              private: true,
              checkpoints: [checkpoint({ due_on: '2024-09-15', title: 'Kick-off held', status: 'met' })],
            },
          ],
          moods: [
            { date: '2024-08-01', score: 7, word: 'good', private: false },
            { date: '2024-09-01', score: 5, word: null, private: true },
          ],
        }),
    });
    render(ReviewPacket, { props: { personId: 'p-ada', navigate: vi.fn() } });

    const feedback = await screen.findByRole('region', { name: 'Feedback given' });
    const [given, privateOne] = within(feedback).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(given).toHaveTextContent('Positive');
    expect(given).toHaveTextContent('At the demo — Calm answers — Client signed');
    expect(given).not.toHaveTextContent('Private');
    expect(privateOne).toHaveTextContent('Private');
    expect(privateOne).toHaveTextContent('Request: Be on time');

    const plans = section('review-growth');
    expect(within(plans).getByRole('heading', { level: 2 })).toHaveTextContent('Growth plans');
    expect(plans).toHaveTextContent('Lead a cross-team project');
    expect(plans).toHaveTextContent('Private');
    expect(plans).toHaveTextContent('Kick-off held — met');

    const moods = section('review-moods');
    expect(within(moods).getByRole('heading', { level: 2 })).toHaveTextContent('Mood and energy');
    expect(moods).toHaveTextContent('2 check-ins, average 6.0 out of 10 (from 7 to 5)');
    const [first, second] = within(moods).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('7/10 · good');
    expect(first).not.toHaveTextContent('Private');
    expect(second).toHaveTextContent('Private');
  });

  it('says when the period has none of them', async () => {
    mockBackend({ get_review_packet: () => packet() });
    render(ReviewPacket, { props: { personId: 'p-ada', navigate: vi.fn() } });
    expect(await screen.findByText('None recorded.')).toBeInTheDocument();
    expect(section('review-growth')).toHaveTextContent('None in this period.');
    expect(section('review-moods')).toHaveTextContent('No check-ins in this period.');
  });
});
