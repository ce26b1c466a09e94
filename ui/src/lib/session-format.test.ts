import { describe, expect, it } from 'vitest';
import type { AgendaItem, NextProposal } from './bindings';
import { systemTimeZone } from './time';
import {
  actionFacts,
  agendaTimeline,
  calendarDaysBetween,
  daysAgo,
  dueLabel,
  dueMoveLabel,
  elapsedSeconds,
  firstName,
  formatClock,
  formatDate,
  formatDateTime,
  formatLongDateTime,
  formatTime,
  fromToday,
  lastDueMove,
  localSlot,
  meetingBadge,
  meetingLength,
  overLabel,
  ownerLabel,
  planFor,
  recurringLabel,
  statusLabel,
  suggestionLabel,
} from './session-format';

const PARIS = 'Europe/Paris';
// Thu 28 Nov 2024, 2:00 PM in Paris.
const START = '2024-11-28T13:00:00Z';

function item(id: string, minutes: number, done = false): AgendaItem {
  return { id, title: id, minutes, prompts: [], done };
}

describe('dates and times', () => {
  it('formats in the 1:1 time zone', () => {
    expect(formatDate(START, PARIS)).toBe('28 Nov 2024');
    expect(formatTime(START, PARIS)).toBe('2:00 PM');
    expect(formatTime(START, 'America/New_York')).toBe('8:00 AM');
    expect(formatLongDateTime('2024-12-05T13:00:00Z', PARIS)).toMatch(/^Thu 5 Dec 2024, 2:00 PM/);
  });

  it('names a zone that is not the computer\'s the way the lists do', () => {
    const away = systemTimeZone() === PARIS ? 'Asia/Tokyo' : PARIS;
    expect(formatDateTime(START, away).endsWith(`M (${away})`)).toBe(true);
    expect(formatLongDateTime(START, away).endsWith(`M (${away})`)).toBe(true);
    expect(formatDateTime(START, systemTimeZone())).not.toContain('(');
  });

  it('gives the local date and time of a slot', () => {
    expect(localSlot(START, PARIS)).toEqual({ date: '2024-11-28', time: '14:00', time_zone: PARIS });
    expect(localSlot('2024-11-28T23:30:00Z', PARIS)).toEqual({
      date: '2024-11-29',
      time: '00:30',
      time_zone: PARIS,
    });
  });

  it('counts calendar days in the zone, not 24-hour periods', () => {
    const lateEvening = Date.parse('2024-11-28T22:30:00Z'); // 23:30 in Paris
    expect(calendarDaysBetween(lateEvening, '2024-11-28T23:30:00Z', PARIS)).toBe(1);
    expect(calendarDaysBetween(Date.parse(START), '2024-12-05T13:00:00Z', PARIS)).toBe(7);
  });

  it('says how long ago and how far ahead', () => {
    expect(daysAgo(0)).toBe('today');
    expect(daysAgo(1)).toBe('yesterday');
    expect(daysAgo(7)).toBe('7 days ago');
    expect(fromToday(1)).toBe('tomorrow');
    expect(fromToday(7)).toBe('1 week from today');
    expect(fromToday(14)).toBe('2 weeks from today');
    expect(fromToday(10)).toBe('10 days from today');
    expect(fromToday(0)).toBe('today');
    expect(fromToday(-1)).toBe('yesterday');
    expect(fromToday(-3)).toBe('3 days ago');
  });

  it.each([
    ['2024-11-28T12:45:00Z', 'In 15 min'],
    ['2024-11-28T13:00:00Z', 'Now'],
    ['2024-11-28T08:00:00Z', 'Today 2:00 PM'],
    ['2024-11-28T14:00:00Z', 'Was due 2:00 PM'],
    ['2024-11-27T13:00:00Z', 'Tomorrow 2:00 PM'],
    ['2024-11-25T13:00:00Z', 'Thu 2:00 PM'],
    ['2024-11-01T13:00:00Z', '28 Nov'],
  ])('badges a 1:1 at 2:00 PM seen at %s as %j', (now, badge) => {
    const meeting = { scheduled_start: START, time_zone: PARIS, status: 'scheduled' as const };
    expect(meetingBadge(meeting, Date.parse(now))).toBe(badge);
  });

  it('badges a running 1:1 as in progress', () => {
    const meeting = { scheduled_start: START, time_zone: PARIS, status: 'in_progress' as const };
    expect(meetingBadge(meeting, Date.parse(START))).toBe('In progress');
  });
});

describe('timer', () => {
  it('formats hours, minutes and seconds', () => {
    expect(formatClock(0)).toBe('00:00:00');
    expect(formatClock(47 * 60 + 23)).toBe('00:47:23');
    expect(formatClock(3 * 3600 + 5)).toBe('03:00:05');
    expect(formatClock(-4)).toBe('00:00:00');
  });

  it('counts from the stored start, to the end once ended', () => {
    const now = Date.parse('2024-11-28T13:10:05Z');
    expect(elapsedSeconds('2024-11-28T13:00:00Z', null, now)).toBe(605);
    expect(elapsedSeconds('2024-11-28T13:00:00Z', '2024-11-28T13:47:23Z', now)).toBe(2843);
    expect(elapsedSeconds(null, null, now)).toBe(0);
  });
});

describe('agendaTimeline', () => {
  const agenda = [item('wins', 5), item('review', 5), item('blockers', 15)];

  it('puts the clock on the item whose box it is in', () => {
    const timeline = agendaTimeline(agenda, 7 * 60);
    expect(timeline.slots.map((slot) => slot.timing)).toEqual(['over', 'current', 'upcoming']);
    expect(timeline.slots[0]).toMatchObject({ from: 0, to: 5, overBy: 2 });
    expect(timeline.slots[1]).toMatchObject({ from: 5, to: 10, overBy: 0 });
    expect(timeline.plannedMinutes).toBe(25);
    expect(timeline.overtime).toBe(false);
    expect(timeline.overBy).toBe(0);
  });

  it('does not flag checked items', () => {
    const timeline = agendaTimeline([item('wins', 5, true), ...agenda.slice(1)], 7 * 60);
    expect(timeline.slots.map((slot) => slot.timing)).toEqual(['done', 'current', 'upcoming']);
  });

  it('reports the overrun of the whole 1:1 in whole minutes', () => {
    const timeline = agendaTimeline(agenda, 29 * 60 + 50);
    expect(timeline.overtime).toBe(true);
    expect(timeline.overBy).toBe(4);
    expect(timeline.slots[2]).toMatchObject({ timing: 'over', overBy: 4 });
  });

  it('is in overtime but not a minute over just after the planned end', () => {
    const timeline = agendaTimeline(agenda, 25 * 60 + 20);
    expect(timeline.overtime).toBe(true);
    expect(timeline.overBy).toBe(0);
    expect(agendaTimeline(agenda, 25 * 60).overtime).toBe(false);
  });

  it('labels an overrun', () => {
    expect(overLabel(4, true)).toBe('Over by 4 min');
    expect(overLabel(2, false)).toBe('2 min over');
    expect(overLabel(0, true)).toBe('Time up');
  });

  it('never flags an item without a time box', () => {
    const timeline = agendaTimeline([item('open', 0)], 60 * 60);
    expect(timeline.slots[0]?.timing).toBe('upcoming');
    expect(timeline.overtime).toBe(false);
  });
});

describe('action items', () => {
  it('names the owner', () => {
    expect(firstName('  Ada Okafor ')).toBe('Ada');
    expect(ownerLabel('ic', 'Ada Okafor')).toBe('Ada');
    expect(ownerLabel('manager', 'Ada Okafor')).toBe('You');
  });

  it.each([
    [{ status: 'done', overdue: false }, { icon: 'circle-check', tone: 'success', text: 'Done' }],
    [{ status: 'partial', overdue: false }, { icon: 'contrast', tone: null, text: 'Partial' }],
    [{ status: 'open', overdue: true }, { icon: 'clock-alert', tone: 'danger', text: 'Overdue' }],
    [{ status: 'partial', overdue: true }, { icon: 'clock-alert', tone: 'danger', text: 'Overdue' }],
    [{ status: 'escalated', overdue: false }, { icon: 'triangle-alert', tone: 'warning', text: 'Escalated' }],
    [{ status: 'open', overdue: false }, { icon: null, tone: null, text: 'Open' }],
    [{ status: 'dropped', overdue: false }, { icon: null, tone: null, text: 'Dropped' }],
  ] as const)('labels %j as %j', (item, label) => {
    expect(statusLabel(item)).toEqual(label);
  });

  it('never calls an overdue item done or dropped', () => {
    expect(statusLabel({ status: 'done', overdue: true }).text).toBe('Done');
    expect(statusLabel({ status: 'dropped', overdue: true }).text).toBe('Dropped');
  });

  it('shows due dates short, with the year only when it is another year', () => {
    const now = Date.parse('2024-11-28T12:00:00Z');
    expect(dueLabel(null, now)).toBe('Ongoing');
    expect(dueLabel('2024-12-01', now)).toBe('1 Dec');
    expect(dueLabel('2025-01-07', now)).toBe('7 Jan 2025');
  });

  it('sums up an action item of a past 1:1 after its title', () => {
    const now = Date.parse('2024-11-28T12:00:00Z');
    const mine = { owner: 'manager', status: 'done', due_on: null } as const;
    const theirs = { owner: 'ic', status: 'open', due_on: '2024-12-05' } as const;
    const words = (item: typeof mine | typeof theirs) =>
      actionFacts(item, 'Ada Okafor', now).map((part) => part.text).join(' · ');
    expect(words(theirs)).toBe('Ada · Open · Due 5 Dec');
    expect(words(mine)).toBe('You · Done · Due Ongoing');
    // Only the status carries an icon, the same one as in the status column.
    expect(actionFacts(mine, 'Ada Okafor', now).map((part) => part.icon)).toEqual([
      null,
      'circle-check',
      null,
    ]);
  });

  it('finds the last due-date move: same status, another date', () => {
    const at = '2024-11-21T13:30:00Z';
    expect(lastDueMove([])).toBeNull();
    expect(lastDueMove([{ status: 'open', due_on: '2024-11-24', changed_at: at }])).toBeNull();
    // A status change that carries the date along is not a move.
    expect(
      lastDueMove([
        { status: 'open', due_on: '2024-11-24', changed_at: at },
        { status: 'partial', due_on: '2024-11-30', changed_at: at },
      ]),
    ).toBeNull();
    expect(
      lastDueMove([
        { status: 'open', due_on: '2024-11-20', changed_at: at },
        { status: 'open', due_on: '2024-11-24', changed_at: at },
        { status: 'open', due_on: '2024-12-01', changed_at: at },
        { status: 'done', due_on: '2024-12-01', changed_at: at },
      ]),
    ).toEqual({ from: '2024-11-24', to: '2024-12-01' });
  });

  it('says where the due date moved', () => {
    const now = Date.parse('2024-11-28T12:00:00Z');
    expect(dueMoveLabel({ from: '2024-11-24', to: '2024-12-01' }, now)).toBe(
      'New due date: 1 Dec (was 24 Nov)',
    );
    expect(dueMoveLabel({ from: null, to: '2024-12-01' }, now)).toBe('New due date: 1 Dec (was ongoing)');
    expect(dueMoveLabel({ from: '2024-11-24', to: null }, now)).toBe('Now ongoing (was due 24 Nov)');
  });
});

describe('the length of a 1:1', () => {
  it('is the time it took once held, the time planned before', () => {
    const planned = { started_at: null, ended_at: null, planned_minutes: 30 };
    expect(meetingLength(planned)).toBe('30 min planned');
    expect(meetingLength({ ...planned, started_at: START })).toBe('30 min planned');
    expect(
      meetingLength({ ...planned, started_at: START, ended_at: '2024-11-28T13:47:00Z' }),
    ).toBe('47 min');
  });
});

describe('next 1:1', () => {
  const proposal: NextProposal = {
    start: '2024-12-05T13:00:00Z',
    time_zone: PARIS,
    frequency: 'weekly',
    existing_meeting_id: null,
  };

  it('labels the suggestion and the recurring choice', () => {
    expect(suggestionLabel(proposal, Date.parse(START))).toMatch(
      /^Thu 5 Dec 2024, 2:00 PM.*\(1 week from today\)$/,
    );
    expect(recurringLabel('weekly')).toBe('Recurring weekly');
    expect(recurringLabel('biweekly')).toBe('Recurring every two weeks');
  });

  it('turns the choice into a plan', () => {
    const none = { date: '', time: '' };
    expect(planFor('recurring', proposal, none, 'UTC')).toEqual({ mode: 'recurring' });
    expect(planFor('none', proposal, none, 'UTC')).toEqual({ mode: 'none' });
    expect(planFor('one_time', proposal, none, 'UTC')).toEqual({
      mode: 'one_time',
      slot: { date: '2024-12-05', time: '14:00', time_zone: PARIS },
    });
    expect(planFor('custom', proposal, { date: '2024-12-06', time: '09:30' }, 'UTC')).toEqual({
      mode: 'one_time',
      slot: { date: '2024-12-06', time: '09:30', time_zone: PARIS },
    });
  });

  it('asks for what is missing', () => {
    expect(planFor('custom', proposal, { date: '2024-12-06', time: '' }, 'UTC')).toEqual({
      problem: 'Pick a date and a time for the next 1:1.',
    });
    expect(planFor('one_time', null, { date: '', time: '' }, 'UTC')).toHaveProperty('problem');
    expect(planFor('custom', null, { date: '2024-12-06', time: '09:30' }, 'Asia/Tokyo')).toEqual({
      mode: 'one_time',
      slot: { date: '2024-12-06', time: '09:30', time_zone: 'Asia/Tokyo' },
    });
  });
});
