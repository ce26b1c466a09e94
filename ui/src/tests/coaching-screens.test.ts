// The coaching toolkit where it is used: the person page, the preparation
// and the running 1:1.
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Prep, SessionView } from '../lib/bindings';
import PersonPage from '../lib/PersonPage.svelte';
import Prepare from '../lib/Prepare.svelte';
import Session from '../lib/Session.svelte';
import { TEMPLATES, careerProgress, personPage } from './builders';
import { QUESTIONS, feedback, growthPlan, moodCheck, moodSeries } from './coaching-builders';
import { mockBackend, type Call } from './fixtures';
import { meeting, prep, sessionView, settle, useClock } from './loop-fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

type Handlers = Record<string, (args: unknown) => unknown>;

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function argsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

describe('person page: coaching', () => {
  async function renderPage(handlers: Handlers = {}) {
    const page = personPage({
      growth_plans: [growthPlan()],
      feedback: [
        feedback(),
        feedback({
          id: 'f-given',
          status: 'given',
          given_on: '2024-11-14',
          tone: 'constructive',
          sbi: undefined,
          private_sbi: { situation: 'At stand-up', behaviour: 'Late', impact: 'QA waited', request: null },
        }),
      ],
      moods: moodSeries([7, 6, 4]),
      career_series: careerProgress({
        step: 1,
        summary: 'Step 1 of 3 (Life story), last held 2 months ago',
        next_template_name: 'Career conversation 2: Future dreams',
      }),
    });
    const calls = mockBackend({
      get_person_page: () => page,
      list_templates: () => TEMPLATES,
      ...handlers,
    });
    render(PersonPage, { props: { personId: 'p-ada', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
    await screen.findByRole('heading', { level: 1, name: /Ada Okafor/ });
    return { calls, user: userEvent.setup() };
  }

  it('shows the growth plans, the feedback, the mood trend and the career series', async () => {
    await renderPage();
    const growth = byId('person-growth');
    expect(within(growth).getByRole('heading', { level: 2 })).toHaveTextContent('Growth plans');
    expect(within(growth).getByRole('article', { name: 'Lead a cross-team project' })).toBeInTheDocument();
    expect(within(growth).getByRole('button', { name: 'New growth plan' })).toBeInTheDocument();

    const section = byId('person-feedback');
    const entries = within(section).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Planned');
    expect(entries[1]).toHaveTextContent('Private');
    expect(within(section).getByRole('button', { name: 'Log feedback' })).toBeInTheDocument();

    expect(within(byId('person-mood')).getByRole('img')).toHaveAccessibleName(
      'Mood over the last 3 check-ins: 7, 6, 4',
    );
    expect(byId('person-career-series')).toHaveTextContent(
      'Step 1 of 3 (Life story), last held 2 months ago · Next: Career conversation 2: Future dreams',
    );
  });

  it('logs feedback from the page', async () => {
    const { calls, user } = await renderPage({
      add_feedback: () => feedback({ id: 'f-new', sbi: { situation: 'New S', behaviour: 'B', impact: 'I', request: null } }),
    });
    await user.click(byId('person-feedback-log'));
    await user.type(byId('person-feedback-situation'), 'New S');
    await user.type(byId('person-feedback-behaviour'), 'B');
    await user.type(byId('person-feedback-impact'), 'I');
    await user.click(byId('person-feedback-save'));
    expect(argsOf(calls, 'add_feedback')).toHaveLength(1);
    expect(await within(byId('person-feedback')).findByText('New S')).toBeInTheDocument();
    expect(within(byId('person-feedback')).getAllByRole('listitem')).toHaveLength(3);
  });
});

describe('prepare screen: coaching', () => {
  async function renderPrep(data: Prep, handlers: Handlers = {}) {
    useClock();
    const calls = mockBackend({
      get_prep: () => data,
      save_prep_notes: () => null,
      list_questions: () => QUESTIONS,
      ...handlers,
    });
    render(Prepare, { personId: 'p-ada', navigate: vi.fn() });
    await settle();
    return { calls, user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }) };
  }

  it('shows each active plan with its next checkpoint, planned feedback, mood and the career series', async () => {
    await renderPrep(
      prep({
        growth_plans: [growthPlan()],
        planned_feedback: [feedback()],
        moods: moodSeries([5, 6]),
        career_series: careerProgress(),
      }),
    );
    const growth = byId('prepare-growth');
    expect(growth).toHaveTextContent('Lead a cross-team project');
    // Seen on 28 Nov 2024: the kick-off is due on 15 Dec.
    expect(growth).toHaveTextContent('Next: Runs the kick-off · 15 Dec (due in 17 days)');
    expect(within(byId('prepare-feedback')).getByRole('heading')).toHaveTextContent('Feedback to give');
    expect(byId('prepare-feedback')).toHaveTextContent('You walked the team through the trade-offs');
    expect(within(byId('prepare-mood')).getByRole('img')).toHaveAccessibleName(
      'Mood over the last 2 check-ins: 5, 6',
    );
    expect(byId('prepare-career-series')).toHaveTextContent(
      'Not started yet · Next: Career conversation 1: Life story',
    );
  });

  it('inserts a question from the bank as a new line of the prep notes, and saves it', async () => {
    const { calls, user } = await renderPrep(prep());
    await user.click(byId('prepare-questions'));
    await settle();
    const row = screen.getByText("What's been challenging?").closest('li') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Insert' }));
    expect(byId('prep-notes')).toHaveValue("- Start with wins\n- What's been challenging?");
    await vi.advanceTimersByTimeAsync(3000);
    expect(argsOf(calls, 'save_prep_notes')).toEqual([
      { meetingId: 'm-now', notes: "- Start with wins\n- What's been challenging?" },
    ]);
  });
});

describe('prepare screen: a question on the agenda', () => {
  it('adds a question from the bank as the last item of the planned agenda', async () => {
    useClock();
    const planned = [
      { id: 'ag-1', title: 'Wins', minutes: 5, prompts: ['Recent wins'], done: false },
    ];
    const calls = mockBackend({
      get_prep: () => prep({ planned_agenda: planned }),
      list_questions: () => QUESTIONS,
      set_agenda: () => [
        ...planned,
        { id: 'ag-2', title: "What's been challenging?", minutes: 0, prompts: [], done: false },
      ],
    });
    render(Prepare, { personId: 'p-ada', navigate: vi.fn() });
    await settle();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(byId('prepare-questions'));
    await settle();
    const row = screen.getByText("What's been challenging?").closest('li') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Add to agenda' }));
    await settle();
    expect(argsOf(calls, 'set_agenda')).toEqual([
      {
        meetingId: 'm-now',
        items: [
          { id: 'ag-1', title: 'Wins', minutes: 5, prompts: ['Recent wins'], done: false },
          { id: null, title: "What's been challenging?", minutes: 0, prompts: [], done: false },
        ],
      },
    ]);
    expect(byId('prepare-agenda-items')).toHaveTextContent("What's been challenging?");
  });
});

describe('session screen: coaching', () => {
  async function renderSession(view: SessionView, handlers: Handlers = {}) {
    useClock('2024-11-28T13:12:05Z');
    const calls = mockBackend({
      get_session: () => view,
      save_notes: () => new Date().toISOString(),
      list_questions: () => QUESTIONS,
      ...handlers,
    });
    render(Session, { meetingId: 'm-now', navigate: vi.fn() });
    await settle();
    return { calls, user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }) };
  }

  it('records the check-in of this 1:1 from the mood row', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      record_mood: () => moodCheck(7, { meeting_id: 'm-now' }),
    });
    const row = byId('session-mood');
    await user.click(within(row).getByRole('radio', { name: 'Mood 7 of 10' }));
    expect(argsOf(calls, 'record_mood')).toEqual([
      { meetingId: 'm-now', input: { score: 7, word: null, shareable: false } },
    ]);
    expect(within(row).getByRole('radio', { name: 'Mood 7 of 10' })).toHaveAttribute('aria-checked', 'true');
  });

  it('marks planned feedback given in this 1:1', async () => {
    const { calls, user } = await renderSession(sessionView({ feedback: [feedback()] }), {
      edit_feedback: () => feedback({ status: 'given', given_on: '2024-11-28', meeting_id: 'm-now' }),
    });
    await user.click(within(byId('session-feedback')).getByRole('button', { name: 'Mark given' }));
    expect(argsOf(calls, 'edit_feedback')).toEqual([
      {
        feedbackId: 'f-1',
        input: expect.objectContaining({ status: 'given', meeting_id: 'm-now' }),
      },
    ]);
  });

  it('inserts a question into the shared notes, which save as typed ones do', async () => {
    const { calls, user } = await renderSession(
      sessionView({ meeting: meeting({ status: 'in_progress', started_at: '2024-11-28T13:00:00Z', shared_notes: 'Wins' }) }),
    );
    await user.click(byId('session-questions'));
    await settle();
    const row = screen.getByText('What is the hardest part of your job right now?').closest('li') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Insert' }));
    expect(byId('live-notes')).toHaveValue('Wins\n- What is the hardest part of your job right now?');
    await vi.advanceTimersByTimeAsync(3000);
    expect(argsOf(calls, 'save_notes')).toEqual([
      {
        meetingId: 'm-now',
        patch: { shared_notes: 'Wins\n- What is the hardest part of your job right now?' },
      },
    ]);
  });

  it('adds a GROW section to the shared notes', async () => {
    const { calls, user } = await renderSession(
      sessionView({ meeting: meeting({ status: 'in_progress', started_at: '2024-11-28T13:00:00Z', shared_notes: 'Wins' }) }),
    );
    await user.click(byId('session-grow'));
    const expected = 'Wins\n## GROW\n- Goal: \n- Reality: \n- Options: \n- Will: ';
    expect(byId('live-notes')).toHaveValue(expected);
    await vi.advanceTimersByTimeAsync(3000);
    expect(argsOf(calls, 'save_notes')).toEqual([
      { meetingId: 'm-now', patch: { shared_notes: expected } },
    ]);
  });
});
