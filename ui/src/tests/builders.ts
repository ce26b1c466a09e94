// Typed builders for what the backend returns around the 1:1 loop. Each gives a
// realistic value that a test overrides only where it matters.
import type {
  ActionItemView,
  CareerProgress,
  DuePerson,
  Highlight,
  Meeting,
  OverdueItem,
  PerformanceSnapshot,
  Person,
  PersonPage,
  PersonSummary,
  SearchGroup,
  SearchHit,
  SearchResults,
  Series,
  SnapshotWindow,
  TemplateView,
  Today,
  Topic,
  UpcomingMeeting,
} from '../lib/bindings';
import { addDays } from '../lib/time';

export const NOW = '2024-11-27T09:00:00Z';
const CREATED = '2024-01-15T09:00:00Z';

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 'p-ada',
    name: 'Ada Okafor',
    email: 'ada@example.com',
    role: 'Backend engineer',
    level: 'senior',
    start_date: '2023-03-01',
    focus_areas: ['Lead the billing migration', 'Mentor the new hires'],
    cadence: null,
    career_talk_every_days: null,
    default_template_id: null,
    archived: false,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

/** The person of a sidebar summary, with everything else defaulted. */
export function personOf(summary: PersonSummary): Person {
  return person({
    id: summary.id,
    name: summary.name,
    email: summary.email,
    role: summary.role,
    level: summary.level,
    archived: summary.archived,
  });
}

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-next',
    person_id: 'p-ada',
    series_id: 's-weekly',
    kind: 'regular',
    topic: null,
    scheduled_start: '2024-11-28T13:00:00Z',
    original_start: null,
    planned_minutes: 30,
    time_zone: 'Europe/Paris',
    format: 'video',
    status: 'scheduled',
    started_at: null,
    ended_at: null,
    cancel_reason: null,
    cancelled_by: null,
    template_id: 'standard-weekly',
    agenda: [],
    shared_notes: '',
    private_notes: '',
    private_prep_notes: '',
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

export function series(overrides: Partial<Series> = {}): Series {
  return {
    id: 's-weekly',
    person_id: 'p-ada',
    frequency: 'weekly',
    weekday: 'thu',
    second_weekday: null,
    last_of_month: false,
    local_time: '14:00:00',
    time_zone: 'Europe/Paris',
    duration_minutes: 30,
    format: 'video',
    template_id: null,
    starts_on: '2024-01-18',
    ends_on: null,
    sequence: 0,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

export function action(overrides: Partial<ActionItemView> = {}): ActionItemView {
  return {
    id: 'a-1',
    person_id: 'p-ada',
    meeting_id: 'm-past',
    title: 'Draft the migration plan',
    owner: 'ic',
    due_on: '2024-11-30',
    status: 'open',
    priority: null,
    created_at: '2024-11-14T14:00:00Z',
    updated_at: '2024-11-14T14:00:00Z',
    history: [{ status: 'open', due_on: '2024-11-30', changed_at: '2024-11-14T14:00:00Z' }],
    overdue: false,
    days_overdue: null,
    ...overrides,
  };
}

export function highlight(overrides: Partial<Highlight> = {}): Highlight {
  return {
    id: 'h-1',
    person_id: 'p-ada',
    meeting_id: null,
    kind: 'win',
    occurred_on: '2024-11-20',
    text: 'Shipped the invoice export',
    created_at: '2024-11-20T10:00:00Z',
    ...overrides,
  };
}

export function personPage(overrides: Partial<PersonPage> = {}): PersonPage {
  return {
    person: person(),
    cadence: 'biweekly',
    career_talk_every_days: 30,
    series: [series()],
    next_meeting: meeting(),
    open_mine: [],
    open_theirs: [],
    topics: [],
    feedback: [],
    growth_plans: [],
    moods: [],
    career_series: careerProgress(),
    highlights: [],
    history: [],
    history_total: 0,
    cancelled_last_60_days: 0,
    shared: [],
    ...overrides,
  };
}

export function template(overrides: Partial<TemplateView> = {}): TemplateView {
  const items = overrides.items ?? [
    { title: 'Check-in', minutes: 5, prompts: ['How are you, really?'] },
    { title: 'Their topics', minutes: 15, prompts: [] },
    { title: 'Action items', minutes: 10, prompts: ['What did we promise?'] },
  ];
  return {
    id: 'standard-weekly',
    name: 'Standard weekly',
    description: 'The everyday 1:1.',
    builtin: true,
    total_minutes: items.reduce((sum, item) => sum + item.minutes, 0),
    ...overrides,
    items,
  };
}

export const TEMPLATES: TemplateView[] = [
  template(),
  template({
    id: 'performance-improvement',
    name: 'Performance improvement',
    description: 'For an urgent performance conversation.',
    items: [{ title: 'Expectations', minutes: 20, prompts: [] }],
  }),
  template({
    id: 't-mine',
    name: 'Friday sync',
    description: 'Short and sweet.',
    builtin: false,
    items: [
      { title: 'Wins', minutes: 5, prompts: ['What went well?'] },
      { title: 'Blockers', minutes: 10, prompts: [] },
    ],
  }),
];

export function upcoming(overrides: Partial<UpcomingMeeting> = {}): UpcomingMeeting {
  return {
    meeting_id: 'm-next',
    person_id: 'p-ada',
    person_name: 'Ada Okafor',
    scheduled_start: '2024-11-27T13:00:00Z',
    time_zone: 'UTC',
    planned_minutes: 30,
    status: 'scheduled',
    kind: 'regular',
    topic: null,
    started_at: null,
    ...overrides,
  };
}

export function overdue(overrides: Partial<OverdueItem> = {}): OverdueItem {
  return {
    item: action({ id: 'a-late', due_on: '2024-11-24', overdue: true, days_overdue: 3 }),
    person_name: 'Ada Okafor',
    ...overrides,
  };
}

export function due(overrides: Partial<DuePerson> = {}): DuePerson {
  return {
    person_id: 'p-ben',
    name: 'Ben Moreau',
    cadence: 'weekly',
    last_meeting: '2024-11-04T10:00:00Z',
    days_since_last: 23,
    next_meeting: null,
    ...overrides,
  };
}

export function today(overrides: Partial<Today> = {}): Today {
  return {
    now: NOW,
    upcoming: [],
    overdue: [],
    due_people: [],
    people_count: 3,
    reminder_banner: null,
    next_after_week: null,
    ...overrides,
  };
}

export function searchHit(row: number, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    row,
    source_id: 'm-1',
    kind: 'shared',
    visibility: 'shared',
    snippet: [
      { text: 'Talked about the ', hit: false },
      { text: 'billing', hit: true },
      { text: ' migration', hit: false },
    ],
    ...overrides,
  };
}

export function searchGroup(overrides: Partial<SearchGroup> = {}): SearchGroup {
  return {
    person_id: 'p-ada',
    person_name: 'Ada Okafor',
    meeting_id: 'm-1',
    meeting_status: 'completed',
    date: '2024-11-21',
    hits: [searchHit(1)],
    ...overrides,
  };
}

/** One page of results, all of them shown unless told otherwise. */
export function searchResults(overrides: Partial<SearchResults> = {}): SearchResults {
  const groups = overrides.groups ?? [searchGroup()];
  const shown = groups.reduce((sum, group) => sum + group.hits.length, 0);
  return {
    groups,
    total: shown,
    offset: 0,
    shown,
    people: [],
    terms: [{ text: 'billing', phrase: false, prefix: false }],
    suggestion: null,
    ...overrides,
  };
}

/** An open topic Ada asked to talk about. */
export function topic(overrides: Partial<Topic> = {}): Topic {
  return {
    id: 't-1',
    person_id: 'p-ada',
    raised_by: 'theirs',
    text: 'Conference budget for next year',
    created_at: '2024-11-22T08:00:00Z',
    discussed_at: null,
    discussed_in: null,
    ...overrides,
  };
}

/** The career conversation series, not started. */
export function careerProgress(overrides: Partial<CareerProgress> = {}): CareerProgress {
  return {
    step: 0,
    steps: 3,
    step_name: null,
    last_held_on: null,
    days_since: null,
    next_template_id: 'builtin-career-1-life-story',
    next_template_name: 'Career conversation 1: Life story',
    summary: 'Not started yet',
    ...overrides,
  };
}

/** One window of the performance snapshot: the `days` days up to and including `to`. */
export function snapshotWindow(
  days: number,
  to: string,
  overrides: Partial<SnapshotWindow> = {},
): SnapshotWindow {
  return {
    label: `Last ${days} days`,
    period: { from: addDays(to, -(days - 1)), to },
    held: 1,
    due: 1,
    items_opened: 2,
    items_closed: 1,
    items_overdue: 1,
    wins: 2,
    concerns: 1,
    mood_checks: 0,
    mood_average: null,
    ...overrides,
  };
}

/**
 * The last 7 and 30 days up to `to`: a steady month with one 1:1 missed and no
 * mood check-in in the last week.
 */
export function snapshot(
  overrides: Partial<PerformanceSnapshot> = {},
  to: string = NOW.slice(0, 10),
): PerformanceSnapshot {
  return {
    heading: 'Performance snapshot',
    windows: [
      snapshotWindow(7, to),
      snapshotWindow(30, to, {
        held: 3,
        due: 4,
        items_opened: 5,
        items_closed: 4,
        wins: 4,
        concerns: 2,
        mood_checks: 3,
        mood_average: 3.7,
      }),
    ],
    ...overrides,
  };
}
