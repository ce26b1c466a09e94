// Data for the prepare → session → end screens: Ada's weekly 1:1, Thursday
// 28 Nov 2024 at 2:00 PM in Paris, seen at 1:45 PM.
import { vi } from 'vitest';
import type {
  ActionItemView,
  AgendaItem,
  EndSummary,
  Highlight,
  Meeting,
  Person,
  PersonSummary,
  Prep,
  SessionView,
} from '../lib/bindings';
import { careerProgress, snapshot } from './builders';

export const ZONE = 'Europe/Paris';
/** 1:45 PM in Paris. */
export const NOW = '2024-11-28T12:45:00Z';
/** 2:00 PM in Paris. */
export const START = '2024-11-28T13:00:00Z';

export function useClock(at: string = NOW): void {
  vi.useFakeTimers({ now: new Date(at) });
}

export const ADA: Person = {
  id: 'p-ada',
  name: 'Ada Okafor',
  email: 'ada@example.com',
  role: 'Backend engineer',
  level: 'senior',
  start_date: '2022-03-01',
  focus_areas: ['System design'],
  cadence: null,
  career_talk_every_days: null,
  default_template_id: null,
  archived: false,
  created_at: '2024-01-01T09:00:00Z',
  updated_at: '2024-01-01T09:00:00Z',
};

export const ADA_SUMMARY: PersonSummary = {
  id: ADA.id,
  name: ADA.name,
  email: ADA.email,
  role: ADA.role,
  level: ADA.level,
  archived: false,
};

export const AGENDA: AgendaItem[] = [
  { id: 'ag-1', title: 'Wins & Celebrations', minutes: 5, prompts: ['Recent wins'], done: false },
  { id: 'ag-2', title: 'Action Items Review', minutes: 5, prompts: [], done: false },
  { id: 'ag-3', title: 'Challenges & Blockers', minutes: 15, prompts: [], done: false },
];

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-now',
    person_id: ADA.id,
    series_id: 's-ada',
    kind: 'regular',
    topic: null,
    scheduled_start: START,
    original_start: null,
    planned_minutes: 45,
    time_zone: ZONE,
    format: 'in_person',
    status: 'scheduled',
    started_at: null,
    ended_at: null,
    cancel_reason: null,
    cancelled_by: null,
    template_id: null,
    agenda: [],
    shared_notes: '',
    private_notes: '',
    private_prep_notes: '- Start with wins',
    created_at: '2024-11-01T09:00:00Z',
    updated_at: '2024-11-01T09:00:00Z',
    ...overrides,
  };
}

export function action(overrides: Partial<ActionItemView> = {}): ActionItemView {
  return {
    overdue: false,
    days_overdue: null,
    id: 'a-1',
    person_id: ADA.id,
    meeting_id: 'm-last',
    title: 'Improve submission quality',
    owner: 'ic',
    due_on: '2024-11-28',
    status: 'open',
    priority: null,
    created_at: '2024-11-21T13:30:00Z',
    updated_at: '2024-11-21T13:30:00Z',
    history: [],
    ...overrides,
  };
}

function highlight(overrides: Partial<Highlight>): Highlight {
  return {
    id: 'h-1',
    person_id: ADA.id,
    meeting_id: null,
    kind: 'win',
    occurred_on: '2024-11-27',
    created_at: '2024-11-27T10:00:00Z',
    ...overrides,
  };
}

export const LAST: Meeting = meeting({
  id: 'm-last',
  scheduled_start: '2024-11-21T13:00:00Z',
  status: 'completed',
  started_at: '2024-11-21T13:00:00Z',
  ended_at: '2024-11-21T13:42:00Z',
  private_prep_notes: '',
});

export function prep(overrides: Partial<Prep> = {}): Prep {
  return {
    person: ADA,
    cadence: 'weekly',
    career_talk_every_days: 90,
    meeting: meeting(),
    last: LAST,
    days_since_last: 7,
    completed_count: 18,
    average_minutes: 42,
    action_items: [
      action({ id: 'a-done', title: 'Improve submission quality', status: 'done' }),
      action({
        id: 'a-partial',
        title: 'Follow up on stale Google jobs',
        status: 'partial',
        due_on: '2024-11-25',
      }),
      action({
        id: 'a-overdue',
        title: 'Complete LinkedIn training',
        due_on: '2024-11-26',
        overdue: true,
        days_overdue: 2,
      }),
      action({ id: 'a-mine', title: 'Introduce Ada to the platform lead', owner: 'manager', due_on: null }),
    ],
    wins: [
      highlight({ id: 'h-win', text: 'Shipped the billing migration' }),
      highlight({ id: 'h-private-win', private_text: 'Handled a tense review calmly', occurred_on: '2024-11-25' }),
    ],
    concerns: [highlight({ id: 'h-concern', kind: 'concern', text: 'Review backlog growing' })],
    cancelled_last_60_days: 0,
    talking_points: [
      { kind: 'overdue', text: 'Complete LinkedIn training: need help or just time?', reason: '1 action item overdue by 2 days' },
      { kind: 'career', text: 'Career development: what next?', reason: 'no career talk in 95 days' },
    ],
    topics: [],
    planned_agenda: [],
    growth_plans: [],
    planned_feedback: [],
    moods: [],
    career_series: careerProgress(),
    snapshot: snapshot({}, NOW.slice(0, 10)),
    ...overrides,
  };
}

/** A 1:1 started at 2:00 PM and running. */
export function runningMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return meeting({
    status: 'in_progress',
    started_at: START,
    agenda: AGENDA.map((item) => ({ ...item })),
    shared_notes: '',
    private_notes: '',
    ...overrides,
  });
}

export function sessionView(overrides: Partial<SessionView> = {}): SessionView {
  return {
    meeting: runningMeeting(),
    person: ADA_SUMMARY,
    action_items: [
      action({ id: 'a-carried', title: 'Complete LinkedIn training', overdue: true, days_overdue: 2, due_on: '2024-11-26' }),
    ],
    topics: [],
    next_start: null,
    mood: null,
    feedback: [],
    elapsed_seconds: 0,
    now: START,
    ...overrides,
  };
}

export function endSummary(overrides: Partial<EndSummary> = {}): EndSummary {
  return {
    meeting: runningMeeting({
      ended_at: '2024-11-28T13:47:23Z',
      shared_notes: 'WINS:\n- Billing migration shipped',
      private_notes: 'Seems tired; ask about workload',
    }),
    person: ADA_SUMMARY,
    duration_seconds: 47 * 60 + 23,
    agenda_done: 3,
    agenda_total: 3,
    action_items: [
      action({ id: 'a-new-1', meeting_id: 'm-now', title: 'Practice 3 client follow-up calls', due_on: '2024-12-05' }),
      action({ id: 'a-new-2', meeting_id: 'm-now', title: 'Escalate Google jobs', owner: 'manager', due_on: null }),
    ],
    shared_preview: '# 1:1 Ada Okafor\n\n## Notes\n\nWINS:\n- Billing migration shipped\n',
    next: {
      start: '2024-12-05T13:00:00Z',
      time_zone: ZONE,
      frequency: 'weekly',
      existing_meeting_id: null,
    },
    ...overrides,
  };
}

/** Lets mocked backend answers and the screen's updates run (fake timers stay put). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await vi.advanceTimersByTimeAsync(0);
}
