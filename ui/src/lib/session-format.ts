// Labels and small computations for the prepare, session and end-of-session
// screens. Times of a 1:1 are shown in the 1:1's own time zone, the one it was
// scheduled in, so "2:00 PM" means the same thing as on the invite.

import type {
  ActionItem,
  ActionItemView,
  AgendaItem,
  CancelledBy,
  Frequency,
  LocalSlot,
  Meeting,
  MeetingStatus,
  NextPlan,
  NextProposal,
  Owner,
  StatusChange,
} from './bindings';
import type { Marked } from './icons';
import { ACTION_STATUS_MARKS, FREQUENCY_RHYTHMS, OVERDUE_MARK } from './labels';
import {
  formatClock as clockTime,
  dateTimeFormat,
  dayMonthIn,
  formatMinutes,
  minutesBetween,
  systemTimeZone,
  zonedDateTime,
} from './time';

const LOCALE = 'en-US';

function safeZone(zone: string): string | undefined {
  try {
    dateTimeFormat(LOCALE, { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function parts(at: Date, zone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  const timeZone = safeZone(zone) ?? systemTimeZone();
  const format = dateTimeFormat(LOCALE, { ...options, timeZone });
  for (const part of format.formatToParts(at)) out[part.type] = part.value;
  return out;
}

/** "2:00 PM" or "14:00", as the computer's locale writes times. */
export function formatTime(iso: string, zone: string): string {
  return clockTime(iso, zone);
}

/** "21 Nov" or "21 Nov 2024", in the 1:1's zone. */
function dayMonth(at: Date, zone: string, withYear: boolean): string {
  return dayMonthIn(at, safeZone(zone) ?? systemTimeZone(), withYear);
}

/** "21 Nov 2024". */
export function formatDate(iso: string, zone: string): string {
  return dayMonth(new Date(iso), zone, true);
}

/** "5 Dec". */
export function formatDayMonth(iso: string, zone: string): string {
  return dayMonth(new Date(iso), zone, false);
}

/** " (Europe/Paris)" when the zone is not this computer's, so a remote 1:1 is
 * not misread: named as Today and the person page name it (formatWhenWithZone). */
function zoneNote(zone: string): string {
  return zone === systemTimeZone() || safeZone(zone) === undefined ? '' : ` (${zone})`;
}

/** "28 Nov 2024 2:00 PM" (plus the zone when it is not the local one). */
export function formatDateTime(iso: string, zone: string): string {
  return `${formatDate(iso, zone)} ${formatTime(iso, zone)}${zoneNote(zone)}`;
}

/** "Thu 5 Dec 2024, 2:00 PM". */
export function formatLongDateTime(iso: string, zone: string): string {
  const p = parts(new Date(iso), zone, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${formatTime(iso, zone)}${zoneNote(zone)}`;
}

/** The calendar date and wall-clock time of an instant in a zone, as a slot. */
export function localSlot(iso: string, zone: string): LocalSlot {
  const { date, time } = zonedDateTime(iso, safeZone(zone) ?? systemTimeZone());
  return { date, time, time_zone: zone };
}

/** Days from the calendar date of `fromMs` to that of `iso`, both in `zone`. */
export function calendarDaysBetween(fromMs: number, iso: string, zone: string): number {
  const day = (at: Date): number => {
    const slot = localSlot(at.toISOString(), zone);
    return Date.parse(`${slot.date}T00:00:00Z`) / 86_400_000;
  };
  return Math.round(day(new Date(iso)) - day(new Date(fromMs)));
}

/** "today", "yesterday", "7 days ago". */
export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "tomorrow", "1 week from today", "10 days from today" ("3 days ago" when past). */
export function fromToday(days: number): string {
  if (days === 0) return 'today';
  if (days < 0) return days === -1 ? 'yesterday' : `${-days} days ago`;
  if (days === 1) return 'tomorrow';
  if (days % 7 === 0) {
    const weeks = days / 7;
    return `${weeks} ${weeks === 1 ? 'week' : 'weeks'} from today`;
  }
  return `${days} days from today`;
}

/**
 * The badge next to the prepare title: how soon the 1:1 is. "In progress",
 * "In 15 min", "Today 2:00 PM", "Tomorrow 2:00 PM", "Thu 2:00 PM", "12 Dec".
 */
export function meetingBadge(
  meeting: { scheduled_start: string; time_zone: string; status: MeetingStatus },
  nowMs: number,
): string {
  if (meeting.status === 'in_progress') return 'In progress';
  const start = Date.parse(meeting.scheduled_start);
  const minutes = Math.round((start - nowMs) / 60_000);
  if (minutes <= 0 && minutes > -15) return 'Now';
  if (minutes > 0 && minutes <= 60) return `In ${minutes} min`;
  const days = calendarDaysBetween(nowMs, meeting.scheduled_start, meeting.time_zone);
  const time = formatTime(meeting.scheduled_start, meeting.time_zone);
  if (days === 0) return minutes < 0 ? `Was due ${time}` : `Today ${time}`;
  if (days === 1) return `Tomorrow ${time}`;
  if (days > 1 && days < 7) {
    const p = parts(new Date(start), meeting.time_zone, { weekday: 'short' });
    return `${p.weekday} ${time}`;
  }
  return formatDayMonth(meeting.scheduled_start, meeting.time_zone);
}

// --- Durations and the timer ------------------------------------------------------

/** "32 min" for a 1:1 held, "30 min planned" for one that was not. */
export function meetingLength(
  meeting: Pick<Meeting, 'started_at' | 'ended_at' | 'planned_minutes'>,
): string {
  if (meeting.started_at && meeting.ended_at) {
    return formatMinutes(minutesBetween(meeting.started_at, meeting.ended_at));
  }
  return `${formatMinutes(meeting.planned_minutes)} planned`;
}

/** "00:47:23". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** Seconds from the stored start to the end, or to now while it runs. */
export function elapsedSeconds(startedAt: string | null, endedAt: string | null, nowMs: number): number {
  if (startedAt === null) return 0;
  const end = endedAt === null ? nowMs : Date.parse(endedAt);
  return Math.max(0, Math.floor((end - Date.parse(startedAt)) / 1000));
}

/** "2:02:11 PM" or "14:02:11", local time, for the save indicator. */
export function formatSavedAt(iso: string): string {
  return clockTime(iso, systemTimeZone(), undefined, true);
}

// --- The agenda against the clock -------------------------------------------------

export type AgendaTiming = 'done' | 'current' | 'over' | 'upcoming';

export interface AgendaSlot {
  id: string;
  /** Minutes into the 1:1 the item is planned to start and end. */
  from: number;
  to: number;
  timing: AgendaTiming;
  /** Whole minutes past the item's box, when it is over (0 in its first minute over). */
  overBy: number;
}

export interface AgendaTimeline {
  slots: AgendaSlot[];
  plannedMinutes: number;
  /** True once the clock is past the planned total. */
  overtime: boolean;
  /** Whole minutes past the planned total. */
  overBy: number;
}

/** "Over by 4 min", or "Time up" in the first minute over. */
export function overLabel(minutes: number, prefix: boolean): string {
  if (minutes < 1) return 'Time up';
  return prefix ? `Over by ${minutes} min` : `${minutes} min over`;
}

/**
 * Lays the agenda's time boxes end to end from the start of the 1:1 and says,
 * at `elapsed` seconds, which item the clock is on and which unchecked items
 * have run past their box.
 */
export function agendaTimeline(agenda: readonly AgendaItem[], elapsed: number): AgendaTimeline {
  const minutes = elapsed / 60;
  let cursor = 0;
  const slots = agenda.map((item): AgendaSlot => {
    const from = cursor;
    const to = cursor + Math.max(0, item.minutes);
    cursor = to;
    let timing: AgendaTiming = 'upcoming';
    let overBy = 0;
    if (item.done) timing = 'done';
    else if (to > from && minutes > to) {
      timing = 'over';
      overBy = Math.floor(minutes - to);
    } else if (to > from && minutes >= from) timing = 'current';
    return { id: item.id, from, to, timing, overBy };
  });
  const overtime = cursor > 0 && minutes > cursor;
  return { slots, plannedMinutes: cursor, overtime, overBy: overtime ? Math.floor(minutes - cursor) : 0 };
}

// --- People and action items -------------------------------------------------------

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * Who asked to cancel, as it reads after "Cancelled": "by you", "by Ada". Null for a
 * cancellation recorded before Rapport asked, which is then told as it always was.
 */
export function cancelledBy(by: CancelledBy | null, personName: string): string | null {
  switch (by) {
    case 'manager':
      return 'by you';
    case 'report':
      return `by ${personName}`;
    case null:
      return null;
  }
}

/** "Cancelled by Ada: Offsite"; "Cancelled: Offsite" when who is not known. */
export function cancellationText(
  lead: string,
  meeting: Pick<Meeting, 'cancelled_by' | 'cancel_reason'>,
  personName: string,
): string {
  const who = cancelledBy(meeting.cancelled_by, personName);
  const head = who ? `${lead} ${who}` : lead;
  return meeting.cancel_reason ? `${head}: ${meeting.cancel_reason}` : head;
}

/** The IC's first name, or "You" for the manager. */
export function ownerLabel(owner: Owner, personName: string): string {
  return owner === 'manager' ? 'You' : firstName(personName);
}

/** "Done", "Partial", "Overdue", "Escalated" with their icons; "Open", "Dropped" bare. */
export function statusLabel(item: Pick<ActionItemView, 'status' | 'overdue'>): Marked {
  const closed = item.status === 'done' || item.status === 'dropped';
  if (item.overdue && !closed) return OVERDUE_MARK;
  return ACTION_STATUS_MARKS[item.status];
}

/** "1 Dec" (with the year when it is not this year), or "Ongoing". */
export function dueLabel(dueOn: string | null, nowMs: number = Date.now()): string {
  if (dueOn === null) return 'Ongoing';
  const at = new Date(`${dueOn}T12:00:00Z`);
  return dayMonth(at, 'UTC', at.getUTCFullYear() !== new Date(nowMs).getFullYear());
}

/**
 * The latest move of an item's due date, or null when it never moved. A move is
 * a change that kept the status and changed the date: a status change carries
 * the date too, so only those where the status stayed put count.
 */
export function lastDueMove(
  history: readonly StatusChange[],
): { from: string | null; to: string | null } | null {
  for (let index = history.length - 1; index > 0; index -= 1) {
    const change = history[index];
    const before = history[index - 1];
    if (!change || !before) continue;
    if (change.status === before.status && change.due_on !== before.due_on) {
      return { from: before.due_on, to: change.due_on };
    }
  }
  return null;
}

/** "New due date: 1 Dec (was 24 Nov)", "Now ongoing (was due 24 Nov)". */
export function dueMoveLabel(
  move: { from: string | null; to: string | null },
  nowMs: number = Date.now(),
): string {
  if (move.to === null) return `Now ongoing (was due ${dueLabel(move.from, nowMs)})`;
  const was = move.from === null ? 'was ongoing' : `was ${dueLabel(move.from, nowMs)}`;
  return `New due date: ${dueLabel(move.to, nowMs)} (${was})`;
}

/**
 * "Ada · Open · Due 5 Dec": an action item of a past 1:1, read after its title,
 * in parts to show with " · " between them; the status keeps its icon.
 */
export function actionFacts(
  item: Pick<ActionItem, 'owner' | 'status' | 'due_on'>,
  personName: string,
  nowMs: number = Date.now(),
): Marked[] {
  return [
    { icon: null, tone: null, text: ownerLabel(item.owner, personName) },
    ACTION_STATUS_MARKS[item.status],
    { icon: null, tone: null, text: `Due ${dueLabel(item.due_on, nowMs)}` },
  ];
}

// --- The next 1:1 -----------------------------------------------------------------

export type NextChoice = 'recurring' | 'one_time' | 'custom' | 'none';

/** "Recurring weekly". */
export function recurringLabel(frequency: Frequency): string {
  return `Recurring ${FREQUENCY_RHYTHMS[frequency]}`;
}

/** "Thu 5 Dec 2024, 2:00 PM (1 week from today)". */
export function suggestionLabel(proposal: NextProposal, nowMs: number): string {
  const days = calendarDaysBetween(nowMs, proposal.start, proposal.time_zone);
  return `${formatLongDateTime(proposal.start, proposal.time_zone)} (${fromToday(days)})`;
}

/**
 * The plan for the next 1:1 from the choice on screen, or a message saying what
 * is missing. A custom date and time are read in the suggestion's zone.
 */
export function planFor(
  choice: NextChoice,
  proposal: NextProposal | null,
  custom: { date: string; time: string },
  fallbackZone: string,
): NextPlan | { problem: string } {
  switch (choice) {
    case 'none':
      return { mode: 'none' };
    case 'recurring':
      return { mode: 'recurring' };
    case 'one_time':
      if (!proposal) return { problem: 'There is no suggested date; pick one under Custom.' };
      return { mode: 'one_time', slot: localSlot(proposal.start, proposal.time_zone) };
    case 'custom': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(custom.date) || !/^\d{2}:\d{2}/.test(custom.time)) {
        return { problem: 'Pick a date and a time for the next 1:1.' };
      }
      return {
        mode: 'one_time',
        slot: {
          date: custom.date,
          time: custom.time.slice(0, 5),
          time_zone: proposal?.time_zone ?? fallbackZone,
        },
      };
    }
  }
}
