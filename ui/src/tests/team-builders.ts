// Typed builders for what the backend returns to the Team screen. Each gives
// a quiet, realistic value that a test overrides only where it matters.
import type {
  Bucket,
  DetailItem,
  DetailMeeting,
  PersonStats,
  StatsDetail,
  TeamStats,
  Totals,
} from '../lib/bindings';

export function totals(overrides: Partial<Totals> = {}): Totals {
  return {
    due: 0,
    held: 0,
    cancelled: 0,
    cancelled_by_me: 0,
    cancelled_by_them: 0,
    missed: 0,
    moved: 0,
    upcoming: 0,
    completion_percent: null,
    average_minutes: null,
    average_planned_minutes: null,
    agenda_items: 0,
    agenda_done: 0,
    items_due: 0,
    items_done: 0,
    items_on_time: 0,
    action_completion_percent: null,
    items_open: 0,
    items_open_theirs: 0,
    items_open_mine: 0,
    items_overdue: 0,
    items_overdue_theirs: 0,
    items_overdue_mine: 0,
    items_opened: 0,
    items_closed: 0,
    wins: 0,
    concerns: 0,
    mood_checks: 0,
    mood_average: null,
    ...overrides,
  };
}

export function bucket(overrides: Partial<Bucket> = {}): Bucket {
  return {
    start: '2026-11-02',
    due: 0,
    held: 0,
    cancelled: 0,
    missed: 0,
    items_due: 0,
    items_done: 0,
    ...overrides,
  };
}

/** Consecutive weeks from the Monday `first`, each given its counts in order. */
export function weeks(first: string, counts: Partial<Bucket>[]): Bucket[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return counts.map((count, index) =>
    bucket({
      ...count,
      start: new Date(start + index * 7 * 86_400_000).toISOString().slice(0, 10),
    }),
  );
}

export function personStats(overrides: Partial<PersonStats> = {}): PersonStats {
  return {
    person_id: 'p-ada',
    name: 'Ada Okafor',
    archived: false,
    totals: totals(),
    last_held_on: null,
    days_since_last: null,
    cadence_days: 7,
    last_career_talk_on: null,
    career_every_days: 90,
    career_overdue: false,
    moods: [],
    mood_change: null,
    cancellations: [],
    buckets: [],
    flags: [],
    ...overrides,
  };
}

export function teamStats(overrides: Partial<TeamStats> = {}): TeamStats {
  return {
    period: { from: '2026-08-23', to: '2026-11-20' },
    phrase: 'in the last 90 days',
    as_of: '2026-11-20',
    unit: 'week',
    people: [],
    team: totals(),
    team_buckets: [],
    ...overrides,
  };
}

export function detailMeeting(overrides: Partial<DetailMeeting> = {}): DetailMeeting {
  return {
    meeting_id: 'm-1',
    person_id: 'p-ada',
    person_name: 'Ada Okafor',
    scheduled_start: '2026-11-03T14:00:00Z',
    time_zone: 'UTC',
    status: 'completed',
    moved_from: null,
    cancelled_by: null,
    cancel_reason: null,
    held_minutes: 28,
    planned_minutes: 30,
    ...overrides,
  };
}

export function detailItem(overrides: Partial<DetailItem> = {}): DetailItem {
  return {
    item_id: 'a-1',
    person_id: 'p-ada',
    person_name: 'Ada Okafor',
    title: 'Draft the migration plan',
    owner: 'ic',
    due_on: '2026-11-06',
    status: 'open',
    done_on: null,
    ...overrides,
  };
}

export function statsDetail(overrides: Partial<StatsDetail> = {}): StatsDetail {
  return {
    title: '1:1s held: Ada Okafor, in the last 90 days',
    meetings: [],
    items: [],
    ...overrides,
  };
}
