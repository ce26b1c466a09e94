import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import type { DetailRequest, PersonStats, StatsDetail, StatsPeriod, TeamStats, Totals } from '../lib/bindings';
import Team from '../lib/Team.svelte';
import { formatDate } from '../lib/time';
import { today } from './builders';
import { PEOPLE, mockBackend, status, type Call } from './fixtures';
import { iconsIn } from './icons';
import {
  detailItem,
  detailMeeting,
  personStats,
  statsDetail,
  teamStats,
  totals,
  weeks,
} from './team-builders';

// Today is Friday 20 November 2026 wherever the tests run.
const NOW = new Date('2026-11-20T12:00:00Z');
const LAST_90: StatsPeriod = { from: '2026-08-23', to: '2026-11-20' };

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  clearMocks();
});

/** A row's totals from what happened, summed the way the core sums them. */
function counted(happened: {
  held: number;
  cancelledByMe: number;
  cancelledByThem: number;
  missed: number;
  itemsDue: number;
  itemsDone: number;
  onTime: number;
  openTheirs: number;
  openMine: number;
  overdueTheirs: number;
  overdueMine: number;
  moods: number[];
}): Totals {
  const cancelled = happened.cancelledByMe + happened.cancelledByThem;
  const due = happened.held + cancelled + happened.missed;
  const moodSum = happened.moods.reduce((sum, score) => sum + score, 0);
  return totals({
    due,
    held: happened.held,
    cancelled,
    cancelled_by_me: happened.cancelledByMe,
    cancelled_by_them: happened.cancelledByThem,
    missed: happened.missed,
    completion_percent: due > 0 ? Math.floor((happened.held * 100) / due) : null,
    items_due: happened.itemsDue,
    items_done: happened.itemsDone,
    items_on_time: happened.onTime,
    action_completion_percent:
      happened.itemsDue > 0 ? Math.floor((happened.itemsDone * 100) / happened.itemsDue) : null,
    items_open: happened.openTheirs + happened.openMine,
    items_open_theirs: happened.openTheirs,
    items_open_mine: happened.openMine,
    items_overdue: happened.overdueTheirs + happened.overdueMine,
    items_overdue_theirs: happened.overdueTheirs,
    items_overdue_mine: happened.overdueMine,
    mood_checks: happened.moods.length,
    mood_average: happened.moods.length > 0 ? Math.round((moodSum / happened.moods.length) * 10) / 10 : null,
  });
}

function sum(a: Totals, b: Totals): Totals {
  const add = (key: keyof Totals): number => Number(a[key] ?? 0) + Number(b[key] ?? 0);
  const due = add('due');
  const itemsDue = add('items_due');
  const checks = add('mood_checks');
  const moodSum = (a.mood_average ?? 0) * a.mood_checks + (b.mood_average ?? 0) * b.mood_checks;
  return totals({
    due,
    held: add('held'),
    cancelled: add('cancelled'),
    cancelled_by_me: add('cancelled_by_me'),
    cancelled_by_them: add('cancelled_by_them'),
    missed: add('missed'),
    completion_percent: due > 0 ? Math.floor((add('held') * 100) / due) : null,
    items_due: itemsDue,
    items_done: add('items_done'),
    items_on_time: add('items_on_time'),
    action_completion_percent: itemsDue > 0 ? Math.floor((add('items_done') * 100) / itemsDue) : null,
    items_open: add('items_open'),
    items_open_theirs: add('items_open_theirs'),
    items_open_mine: add('items_open_mine'),
    items_overdue: add('items_overdue'),
    items_overdue_theirs: add('items_overdue_theirs'),
    items_overdue_mine: add('items_overdue_mine'),
    mood_checks: checks,
    mood_average: checks > 0 ? Math.round((moodSum / checks) * 10) / 10 : null,
  });
}

// Ada: 5 held, one I cancelled; 6 items due, 5 done (4 on time); two
// overdue, one each; her mood went from 6 to 4.
const ADA_TOTALS = counted({
  held: 5,
  cancelledByMe: 1,
  cancelledByThem: 0,
  missed: 0,
  itemsDue: 6,
  itemsDone: 5,
  onTime: 4,
  openTheirs: 2,
  openMine: 1,
  overdueTheirs: 1,
  overdueMine: 1,
  moods: [6, 5, 4],
});
// Ben: 2 held, two he cancelled and one missed; no action item due.
const BEN_TOTALS = counted({
  held: 2,
  cancelledByMe: 0,
  cancelledByThem: 2,
  missed: 1,
  itemsDue: 0,
  itemsDone: 0,
  onTime: 0,
  openTheirs: 0,
  openMine: 0,
  overdueTheirs: 0,
  overdueMine: 0,
  moods: [],
});

const BEN_REASON = '1:1s held 40% in the last 90 days (2 of 5), under the 80% target';
const ADA_CAREER = 'No career conversation in 80 days (due every 60 days)';

function ada(overrides: Partial<PersonStats> = {}): PersonStats {
  return personStats({
    person_id: 'p-ada',
    name: 'Ada Okafor',
    totals: { ...ADA_TOTALS, average_minutes: 27.6, average_planned_minutes: 30, agenda_items: 15, agenda_done: 12 },
    last_held_on: '2026-11-11',
    days_since_last: 9,
    cadence_days: 7,
    last_career_talk_on: '2026-09-01',
    career_every_days: 60,
    career_overdue: true,
    moods: [
      { on: '2026-09-01', score: 6 },
      { on: '2026-10-01', score: 5 },
      { on: '2026-11-01', score: 4 },
    ],
    mood_change: 4 - 6,
    cancellations: [
      { meeting_id: 'm-ada-c', on: '2026-10-13', by: 'manager', reason: 'Offsite all day' },
    ],
    buckets: weeks('2026-08-17', [
      { due: 1, held: 1 },
      { due: 1, held: 1, items_due: 2, items_done: 2 },
      {},
      { due: 2, held: 1, cancelled: 1, items_due: 2, items_done: 1 },
      { due: 1, held: 1 },
      { due: 1, held: 1, items_due: 2, items_done: 2 },
    ]),
    flags: [{ rule: 'career_overdue', text: 'Career development', reason: ADA_CAREER }],
    ...overrides,
  });
}

function ben(overrides: Partial<PersonStats> = {}): PersonStats {
  return personStats({
    person_id: 'p-ben',
    name: 'Ben Adeyemi',
    totals: BEN_TOTALS,
    last_held_on: '2026-11-16',
    days_since_last: 4,
    cadence_days: 14,
    last_career_talk_on: '2026-10-20',
    career_every_days: 90,
    cancellations: [
      { meeting_id: 'm-ben-1', on: '2026-09-08', by: 'report', reason: 'Sick day' },
      { meeting_id: 'm-ben-2', on: '2026-10-06', by: 'report', reason: 'Customer call ran over' },
    ],
    buckets: weeks('2026-08-17', [
      { due: 1, cancelled: 1 },
      { due: 1, held: 1 },
      {},
      { due: 1, missed: 1 },
      { due: 1, cancelled: 1 },
      { due: 1, held: 1 },
    ]),
    flags: [{ rule: 'completion', text: '1:1s keep slipping', reason: BEN_REASON }],
    ...overrides,
  });
}

function stats(overrides: Partial<TeamStats> = {}): TeamStats {
  const people = [ada(), ben()];
  const [first, second] = people as [PersonStats, PersonStats];
  return teamStats({
    period: LAST_90,
    people,
    team: sum(first.totals, second.totals),
    team_buckets: first.buckets.map((week, index) => {
      const other = second.buckets[index] ?? week;
      return {
        start: week.start,
        due: week.due + other.due,
        held: week.held + other.held,
        cancelled: week.cancelled + other.cancelled,
        missed: week.missed + other.missed,
        items_due: week.items_due + other.items_due,
        items_done: week.items_done + other.items_done,
      };
    }),
    ...overrides,
  });
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not on screen`);
  return element;
}

function row(personId: string): HTMLElement {
  const found = byId('team-table').querySelector<HTMLElement>(`tr[data-person-id="${personId}"]`);
  if (!found) throw new Error(`no row for ${personId}`);
  return found;
}

/** The row's cells in order, without its name. */
function cells(personId: string): string[] {
  return Array.from(row(personId).querySelectorAll('td')).map((cell) =>
    (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

function periods(calls: Call[]): StatsPeriod[] {
  return calls
    .filter((call) => call.cmd === 'get_team_stats')
    .map((call) => (call.args as { period: StatsPeriod }).period);
}

function detailRequests(calls: Call[]): DetailRequest[] {
  return calls
    .filter((call) => call.cmd === 'get_stats_detail')
    .map((call) => (call.args as { request: DetailRequest }).request);
}

async function renderTeam(
  handlers: {
    stats?: (period: StatsPeriod) => TeamStats;
    detail?: (request: DetailRequest) => StatsDetail;
  } = {},
): Promise<{ calls: Call[]; navigate: ReturnType<typeof vi.fn>; user: ReturnType<typeof userEvent.setup> }> {
  const calls = mockBackend({
    get_team_stats: (args) => (handlers.stats ?? (() => stats()))((args as { period: StatsPeriod }).period),
    get_stats_detail: (args) =>
      (handlers.detail ?? (() => statsDetail()))((args as { request: DetailRequest }).request),
  });
  const navigate = vi.fn();
  render(Team, { props: { navigate } });
  await waitFor(() => expect(document.getElementById('team-table')).toBeInTheDocument());
  return { calls, navigate, user: userEvent.setup() };
}

describe('team screen', () => {
  it('asks for the last 90 days and titles them with the core’s phrase', async () => {
    const { calls } = await renderTeam();
    expect(periods(calls)).toEqual([LAST_90]);
    expect(byId('team-period')).toHaveValue('last_90');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Team in the last 90 days');
  });

  it('shows each person’s numbers and the team’s', async () => {
    await renderTeam();
    const table = byId('team-table');
    expect(table.querySelector('caption')).toHaveTextContent('Numbers in the last 90 days');
    expect(within(table).getByRole('columnheader', { name: /Held/ })).toHaveAttribute('scope', 'col');
    expect(within(table).getByRole('columnheader', { name: '1:1s' })).toHaveAttribute('scope', 'colgroup');

    // Ada: 5 of 6 held is 83%; 5 of 6 items done, 4 on time; open 2 + 1;
    // overdue 1 + 1; 9 days since her last weekly 1:1; mood 6 → 4.
    const held = Math.floor((5 * 100) / 6);
    expect(row('p-ada').querySelector('th')).toHaveTextContent('Ada Okafor');
    expect(cells('p-ada')).toEqual([
      `5 of 6 · ${held}%`,
      '1 me 1 · them 0',
      '0 moved 0',
      '9 d / 7 , over the cadence',
      '28 / 30 agenda 12 of 15',
      `5 of 6 · ${held}% 4 on time`,
      '3 theirs 2 · mine 1',
      '2 theirs 1 · mine 1',
      '1 Sept overdue',
      '−2 · avg 5.0',
    ]);
    expect(byId('team-mood-p-ada')).toHaveAccessibleName('Mood 6 → 4 over 3 check-ins');
    // Over the cadence: a warning icon before the days.
    expect(iconsIn(row('p-ada').querySelector('.since'))).toEqual(['triangle-alert']);

    // Ben: 2 of 5 held is 40%; nothing was due, so no rate; within his cadence.
    expect(cells('p-ben')).toEqual([
      '2 of 5 · 40%',
      '2 me 0 · them 2',
      '1 moved 0',
      '4 d / 14',
      '— / —',
      '0 of 0 · — 0 on time',
      '0',
      '0',
      '20 Oct kept',
      '—',
    ]);

    // The team: 7 of 11 held is 63%, 5 of 6 items.
    expect(row('team').querySelector('th')).toHaveTextContent('Team');
    expect(cells('team')).toEqual([
      `7 of 11 · ${Math.floor(700 / 11)}%`,
      '3 me 1 · them 2',
      '1 moved 0',
      '—',
      '— / —',
      `5 of 6 · ${held}% 4 on time`,
      '3 theirs 2 · mine 1',
      '2 theirs 1 · mine 1',
      '1 overdue',
      'avg 5.0',
    ]);
  });

  it('marks a rate under its line and a 1:1 overdue for its cadence', async () => {
    await renderTeam();
    expect(row('p-ben').querySelector('.rate')).toHaveClass('under');
    expect(row('p-ada').querySelector('.rate')).not.toHaveClass('under');
    expect(row('p-ada').querySelector('.since')).toHaveClass('over');
    expect(row('p-ben').querySelector('.since')).not.toHaveClass('over');
  });

  it('lists who needs attention with the reasons written out', async () => {
    await renderTeam();
    const flags = byId('team-flags');
    expect(within(flags).getByRole('heading')).toHaveTextContent('Needs attention');
    const [first, second] = within(flags).getAllByRole('listitem').filter((item) =>
      item.classList.contains('flag-person'),
    ) as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('Ada Okafor');
    expect(first).toHaveTextContent(`Career talk overdue ${ADA_CAREER}`);
    expect(second).toHaveTextContent('Ben Adeyemi');
    expect(second).toHaveTextContent(`1:1s under 80% ${BEN_REASON}`);
    // The row carries the same badges.
    expect(within(row('p-ben')).getByText('1:1s under 80%')).toHaveClass('badge');
  });

  it('lists the cancellation reasons by person', async () => {
    await renderTeam();
    const reasons = byId('team-cancellations');
    expect(reasons.querySelector('summary')).toHaveTextContent('Cancellation reasons (3)');
    const items = Array.from(reasons.querySelectorAll('li')).map((item) =>
      (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual([
      'Tue 13 Oct Cancelled by me Offsite all day',
      `${formatDate('2026-09-08')} Cancelled by them Sick day`,
      'Tue 6 Oct Cancelled by them Customer call ran over',
    ]);
  });

  it('asks for the period chosen', async () => {
    const { calls, user } = await renderTeam();
    await user.selectOptions(byId('team-period'), 'Last 30 days');
    await user.selectOptions(byId('team-period'), 'This quarter');
    await user.selectOptions(byId('team-period'), 'Last quarter');
    await user.selectOptions(byId('team-period'), 'Last 12 months');
    await waitFor(() => expect(periods(calls)).toHaveLength(5));
    expect(periods(calls).slice(1)).toEqual([
      { from: '2026-10-22', to: '2026-11-20' },
      { from: '2026-10-01', to: '2026-11-20' },
      { from: '2026-07-01', to: '2026-09-30' },
      { from: '2025-11-21', to: '2026-11-20' },
    ]);
  });

  it('applies a custom period, and keeps the numbers when the core refuses one', async () => {
    const refusal = 'The period starts on 10 Nov 2026 after it ends on 1 Nov 2026: give the earlier day first.';
    const { calls, user } = await renderTeam({
      stats: (period) => {
        if (period.from > period.to) throw { code: 'invalid', message: refusal };
        if (period.from === LAST_90.from) return stats();
        return stats({ period, phrase: 'from 1 Oct 2026 to 31 Oct 2026' });
      },
    });
    await user.selectOptions(byId('team-period'), 'Custom…');
    // It starts from the period on screen, and waits for Apply.
    expect(byId('team-from')).toHaveValue(LAST_90.from);
    expect(byId('team-to')).toHaveValue(LAST_90.to);
    expect(periods(calls)).toHaveLength(1);

    await user.clear(byId('team-from'));
    await user.type(byId('team-from'), '2026-11-10');
    await user.clear(byId('team-to'));
    await user.type(byId('team-to'), '2026-11-01');
    await user.click(byId('team-apply'));
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(periods(calls).at(-1)).toEqual({ from: '2026-11-10', to: '2026-11-01' });
    expect(cells('p-ada')[0]).toBe('5 of 6 · 83%');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('in the last 90 days');

    await user.clear(byId('team-from'));
    await user.type(byId('team-from'), '2026-10-01');
    await user.clear(byId('team-to'));
    await user.type(byId('team-to'), '2026-10-31');
    await user.click(byId('team-apply'));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('from 1 Oct 2026 to 31 Oct 2026'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(periods(calls).at(-1)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('opens the 1:1s behind a person’s number, each leading to its 1:1', async () => {
    const { calls, navigate, user } = await renderTeam({
      detail: () =>
        statsDetail({
          title: '1:1s held: Ada Okafor, in the last 90 days',
          meetings: [
            detailMeeting({ meeting_id: 'm-1', held_minutes: 28, planned_minutes: 30 }),
            detailMeeting({ meeting_id: 'm-2', scheduled_start: '2026-11-10T14:00:00Z', held_minutes: 31 }),
          ],
        }),
    });
    await user.click(byId('stat-held-p-ada'));
    const dialog = await screen.findByRole('dialog', { name: '1:1s held: Ada Okafor, in the last 90 days' });
    expect(detailRequests(calls)).toEqual([{ period: LAST_90, person_id: 'p-ada', measure: 'held' }]);
    const rows = dialog.querySelectorAll<HTMLElement>('.detail-meeting');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Ada Okafor');
    expect(rows[0]).toHaveTextContent('Held');
    expect(rows[0]).toHaveTextContent('28 of 30 min');

    await user.click(within(rows[1] as HTMLElement).getByRole('button'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'meeting', meetingId: 'm-2' });
  });

  it('opens the team’s cancellations with who cancelled and why', async () => {
    const { calls, user } = await renderTeam({
      detail: () =>
        statsDetail({
          title: '1:1s cancelled: the team, in the last 90 days',
          meetings: [
            detailMeeting({
              meeting_id: 'm-ben-1',
              person_id: 'p-ben',
              person_name: 'Ben Adeyemi',
              status: 'cancelled',
              cancelled_by: 'report',
              cancel_reason: 'Sick day',
              held_minutes: null,
            }),
          ],
        }),
    });
    await user.click(byId('stat-cancelled-team'));
    const dialog = await screen.findByRole('dialog');
    expect(detailRequests(calls)).toEqual([{ period: LAST_90, person_id: null, measure: 'cancelled' }]);
    const meeting = within(dialog).getByRole('listitem');
    expect(meeting).toHaveClass('detail-meeting');
    expect(meeting).toHaveTextContent('Ben Adeyemi');
    expect(meeting).toHaveTextContent('Cancelled by them');
    expect(meeting).toHaveTextContent('Sick day');
    expect(meeting).toHaveTextContent('30 min planned');
  });

  it('opens the action items behind a number, each leading to its person', async () => {
    const { calls, navigate, user } = await renderTeam({
      detail: () =>
        statsDetail({
          title: 'My overdue action items: Ada Okafor, in the last 90 days',
          items: [detailItem({ item_id: 'a-9', title: 'Book the design review', owner: 'manager' })],
        }),
    });
    await user.click(byId('stat-items_overdue_mine-p-ada'));
    const dialog = await screen.findByRole('dialog');
    expect(detailRequests(calls)).toEqual([
      { period: LAST_90, person_id: 'p-ada', measure: 'items_overdue_mine' },
    ]);
    const item = dialog.querySelector<HTMLElement>('.detail-item');
    expect(item).toHaveTextContent('Book the design review');
    expect(item).toHaveTextContent('Mine');
    expect(item).toHaveTextContent(`Due ${formatDate('2026-11-06')}`);
    expect(item).toHaveTextContent('Open');
    await user.click(within(item as HTMLElement).getByRole('button'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'person', personId: 'p-ada' });
  });

  it('says when nothing is behind a number', async () => {
    const { user } = await renderTeam();
    await user.click(byId('stat-missed-p-ada'));
    expect(await screen.findByText('Nothing behind this number in the period.')).toBeInTheDocument();
    await user.click(byId('team-detail-close'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('charts the team, or the person selected', async () => {
    const { navigate, user } = await renderTeam();
    const charts = byId('team-charts');
    expect(byId('team-chart-held-title')).toHaveTextContent('1:1s held, % of due — Team');
    expect(byId('team-chart-items-title')).toHaveTextContent('Action items done, % of due — Team');
    const [heldChart, itemsChart] = within(charts).getAllByRole('img') as [HTMLElement, HTMLElement];
    expect(heldChart).toHaveAccessibleName(
      `1:1s held, % of due for the team, week by week: ${Math.floor(700 / 11)}% overall (7 of 11) ` +
        'against the 80% target; lowest 33% in the week of 7 Sept.',
    );
    expect(itemsChart).toHaveAccessibleName(/^Action items done, % of due for the team, week by week: 83% overall \(5 of 6\)/);
    // A target line, and one point per week with something due.
    expect(within(charts).getAllByText('80% target')).toHaveLength(2);
    expect(byId('team-chart-held').querySelectorAll('circle')).toHaveLength(5);

    await user.click(byId('team-select-p-ada'));
    expect(byId('team-chart-held-title')).toHaveTextContent('1:1s held, % of due — Ada Okafor');
    expect(byId('team-charts-title')).toHaveTextContent('Over time — Ada Okafor');
    expect(byId('team-select-p-ada')).toHaveAttribute('aria-pressed', 'true');
    expect(row('p-ada')).toHaveClass('selected');

    await user.click(byId('team-chart-reset'));
    expect(byId('team-chart-held-title')).toHaveTextContent('1:1s held, % of due — Team');

    await user.click(byId('team-person-p-ben'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'person', personId: 'p-ben' });
  });

  it('lets go of a person who is not in the new numbers', async () => {
    const { user } = await renderTeam({
      stats: (period) =>
        period.from === LAST_90.from ? stats() : stats({ period, people: stats().people.slice(1) }),
    });
    await user.click(byId('team-select-p-ada'));
    expect(byId('team-charts-title')).toHaveTextContent('Over time — Ada Okafor');
    await user.selectOptions(byId('team-period'), 'Last 30 days');
    await waitFor(() => expect(byId('team-charts-title')).toHaveTextContent('Over time — Team'));
    // Back to a period with her in it, she is not selected again behind the manager's back.
    await user.selectOptions(byId('team-period'), 'Last 90 days');
    await waitFor(() => expect(row('p-ada')).toBeInTheDocument());
    expect(byId('team-charts-title')).toHaveTextContent('Over time — Team');
    expect(row('p-ada')).not.toHaveClass('selected');
  });

  it('starts a custom period from the one on screen each time', async () => {
    const { user } = await renderTeam({
      stats: (period) => stats({ period }),
    });
    await user.selectOptions(byId('team-period'), 'Custom…');
    expect(byId('team-from')).toHaveValue(LAST_90.from);
    await user.selectOptions(byId('team-period'), 'Last 30 days');
    await waitFor(() => expect(screen.getByText(formatDate('2026-10-22'), { exact: false })).toBeInTheDocument());
    await user.selectOptions(byId('team-period'), 'Custom…');
    expect(byId('team-from')).toHaveValue('2026-10-22');
    expect(byId('team-to')).toHaveValue('2026-11-20');
  });

  it('draws one rhythm cell per week, titled with what happened', async () => {
    await renderTeam();
    const strip = byId('team-rhythm-p-ada');
    expect(strip).toHaveAttribute('role', 'img');
    expect(strip).toHaveAccessibleName(
      'Rhythm for Ada Okafor, week by week: 4 weeks all held, 1 week with some cancelled or missed, 1 week with nothing due',
    );
    const cellsOf = Array.from(strip.querySelectorAll('rect'));
    expect(cellsOf).toHaveLength(6);
    expect(cellsOf.map((cell) => cell.querySelector('title')?.textContent)).toEqual([
      'Week of 17 Aug: 1 held',
      'Week of 24 Aug: 1 held',
      'Week of 31 Aug: nothing due',
      'Week of 7 Sept: 1 held, 1 cancelled',
      'Week of 14 Sept: 1 held',
      'Week of 21 Sept: 1 held',
    ]);
    const tones = cellsOf.map((cell) =>
      Array.from(cell.classList).find((name) => name.startsWith('tone-')),
    );
    expect(tones).toEqual(['tone-held', 'tone-held', 'tone-none', 'tone-some', 'tone-held', 'tone-held']);
    expect(byId('team-rhythm-p-ben').querySelectorAll('rect')[0]).toHaveClass('tone-lost');
    expect(byId('team-rhythm-team').querySelectorAll('rect')).toHaveLength(6);
  });

  it('fits a year of weeks in the strip', async () => {
    const year = weeks('2025-11-17', Array.from({ length: 53 }, () => ({ due: 1, held: 1 })));
    const { user } = await renderTeam({
      stats: (period) => stats({ period, people: [ada({ buckets: year })], team_buckets: year }),
    });
    await user.selectOptions(byId('team-period'), 'Last 12 months');
    await waitFor(() => expect(byId('team-rhythm-p-ada').querySelectorAll('rect')).toHaveLength(53));
    // 53 cells of 12 px, the last without its gap: narrower than an 1100 px window's pane.
    expect(Number(byId('team-rhythm-p-ada').getAttribute('width'))).toBe(53 * 12 - 2);
  });

  it('tells how to add someone when the team is empty', async () => {
    mockBackend({ get_team_stats: () => stats({ people: [], team: totals(), team_buckets: [] }) });
    render(Team, { props: { navigate: vi.fn() } });
    expect(await screen.findByText(/No one on the team yet/)).toHaveTextContent('+ Add person');
    expect(document.getElementById('team-table')).not.toBeInTheDocument();
  });

  it('says it is loading until the numbers come', async () => {
    let answer: (value: TeamStats) => void = () => undefined;
    mockBackend({ get_team_stats: () => new Promise<TeamStats>((resolve) => (answer = resolve)) });
    render(Team, { props: { navigate: vi.fn() } });
    expect(await screen.findByText('Loading…')).toHaveAttribute('aria-busy', 'true');
    answer(stats());
    await waitFor(() => expect(document.getElementById('team-table')).toBeInTheDocument());
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});

describe('team in the sidebar', () => {
  it('opens from the sidebar, under Today', async () => {
    mockBackend({
      app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
      list_people: () => PEOPLE,
      get_today: () => today({ people_count: 3 }),
      get_team_stats: () => stats(),
    });
    render(App);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons.map((button) => button.id)).toEqual(['nav-today', 'nav-team']);
    const user = userEvent.setup();
    await user.click(byId('nav-team'));
    expect(await screen.findByRole('heading', { level: 1, name: /^Team/ })).toBeInTheDocument();
    expect(byId('nav-team')).toHaveAttribute('aria-current', 'page');
    expect(byId('nav-today')).not.toHaveAttribute('aria-current');
    await waitFor(() => expect(document.getElementById('team-table')).toBeInTheDocument());
  });
});
