// The words the app uses for the backend's enum values, in one place so that a
// list, a form and a summary never disagree. Each map is a Record over the enum
// the bindings generate from Rust: when Rust adds a value, the type check fails
// here until it has its words. The lists of choices are read off those maps, so
// no list can miss a value either.
import {
  LEVELS,
  type ActionStatus,
  type Cadence,
  type Frequency,
  type HighlightKind,
  type Level,
  type MeetingFormat,
  type MeetingKind,
  type MeetingStatus,
  type Priority,
  type Series,
  type ShareFormat,
  type TextKind,
  type Visibility,
  type Weekday,
} from './bindings';
import type { IconName, Marked, Tone } from './icons';
import { formatMinutes, formatTimeOfDay } from './time';

/** The values of an enum in the order its labels are written. */
function valuesOf<T extends string>(labels: Record<T, string>): T[] {
  return Object.keys(labels) as T[];
}

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
};

export const CADENCES: Cadence[] = valuesOf(CADENCE_LABELS);

/** The cadence inside a sentence: "1:1s every two weeks". */
export const CADENCE_RHYTHMS: Record<Cadence, string> = {
  weekly: 'every week',
  biweekly: 'every two weeks',
  monthly: 'every month',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  ...CADENCE_LABELS,
  twice_weekly: 'Twice a week',
};

export const FREQUENCIES: Frequency[] = valuesOf(FREQUENCY_LABELS);

/** The frequency inside a sentence: "Recurring every two weeks". */
export const FREQUENCY_RHYTHMS: Record<Frequency, string> = {
  weekly: 'weekly',
  biweekly: 'every two weeks',
  monthly: 'monthly',
  twice_weekly: 'twice a week',
};

/** The series frequency that holds 1:1s at a cadence. */
export function frequencyFor(cadence: Cadence): Frequency {
  return cadence;
}

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Monday first, as the backend numbers them. */
export const WEEKDAYS: Weekday[] = valuesOf(WEEKDAY_LABELS);

export const FORMAT_LABELS: Record<MeetingFormat, string> = {
  in_person: 'In person',
  video: 'Video call',
  phone: 'Phone',
};

export const FORMATS: MeetingFormat[] = valuesOf(FORMAT_LABELS);

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  regular: 'Regular',
  urgent: 'Urgent (performance)',
  requested: 'Requested by IC',
};

export const MEETING_KINDS: MeetingKind[] = valuesOf(MEETING_KIND_LABELS);

/** A 1:1's state, as the badge beside its title says it. */
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  partial: 'Partial',
  done: 'Done',
  escalated: 'Escalated',
  dropped: 'Dropped',
};

export const ACTION_STATUSES: ActionStatus[] = valuesOf(ACTION_STATUS_LABELS);

/**
 * The status column of the meeting screens: an icon before the statuses a
 * glance should find (what got done, half done or pushed up).
 */
export const ACTION_STATUS_MARKS: Record<ActionStatus, Marked> = {
  open: { icon: null, tone: null, text: 'Open' },
  partial: { icon: 'contrast', tone: null, text: 'Partial' },
  done: { icon: 'circle-check', tone: 'success', text: 'Done' },
  escalated: { icon: 'triangle-alert', tone: 'warning', text: 'Escalated' },
  dropped: { icon: null, tone: null, text: 'Dropped' },
};

/** Stands in for the status of an open item past its due date. */
export const OVERDUE_MARK: Marked = { icon: 'clock-alert', tone: 'danger', text: 'Overdue' };

export const PRIORITY_LABELS: Record<Priority, string> = {
  p1: 'P1',
  p2: 'P2',
};

export const PRIORITIES: Priority[] = valuesOf(PRIORITY_LABELS);

export const HIGHLIGHT_KIND_LABELS: Record<HighlightKind, string> = {
  win: 'Win',
  concern: 'Concern',
  accomplishment: 'Accomplishment',
};

export const HIGHLIGHT_KINDS: HighlightKind[] = valuesOf(HIGHLIGHT_KIND_LABELS);

/** The icon before a highlight, the same on every screen that lists them. */
export const HIGHLIGHT_ICONS: Record<HighlightKind, { icon: IconName; tone: Tone }> = {
  win: { icon: 'party-popper', tone: 'success' },
  accomplishment: { icon: 'trending-up', tone: 'success' },
  concern: { icon: 'triangle-alert', tone: 'warning' },
};

/** What a search hit is: the label beside its snippet. */
export const TEXT_KIND_LABELS: Record<TextKind, string> = {
  shared: 'Shared notes',
  private: 'Private notes',
  prep: 'Prep notes',
  agenda: 'Agenda',
  action: 'Action item',
  win: 'Win',
  concern: 'Concern',
  accomplishment: 'Accomplishment',
  topic: 'Topic',
  cancel_reason: 'Cancel reason',
  focus: 'Focus area',
  backlog: 'Topic to raise',
  feedback: 'Feedback',
  growth: 'Growth plan',
  mood: 'Mood',
};

/** Whether a search hit's text reaches the person, as its badge says. */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  shared: 'Shared',
  private: 'Private',
  not_shared: 'Not shared',
};

export const LEVEL_LABELS: Record<Level, string> = {
  junior: 'Junior',
  confirmed: 'Confirmed',
  senior: 'Senior',
  staff_plus: 'Staff+',
};

// The bindings list the levels themselves, in the order Rust declares them.
export { LEVELS };

/** How a shared artefact went out, in the share log: "e-mail draft", "copied". */
export const SHARE_FORMAT_LABELS: Record<ShareFormat, string> = {
  md: 'Markdown file',
  html: 'HTML page',
  txt: 'text file',
  eml: 'e-mail draft',
  ics: 'calendar file',
  clipboard: 'copied',
};

/** How often career conversations happen: "Every two weeks", "Every 45 days". */
export function careerRhythmLabel(days: number): string {
  switch (days) {
    case 1:
      return 'Every day';
    case 7:
      return 'Every week';
    case 14:
      return 'Every two weeks';
    case 30:
      return 'Every month';
    case 60:
      return 'Every two months';
    case 90:
      return 'Every quarter';
    default:
      return `Every ${days} days`;
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/**
 * Which weekday of the month a monthly series keeps: the one of its first
 * occurrence on or after its start, a fifth one counting as the fourth (the
 * backend's rule, so that every month has one).
 */
export function monthlyOrdinal(startsOn: string, weekday: Weekday): string {
  const [year, month, day] = startsOn.split('-').map(Number);
  const start = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  const target = (WEEKDAYS.indexOf(weekday) + 1) % 7;
  const ahead = (target - start.getUTCDay() + 7) % 7;
  const anchorDay = start.getUTCDate() + ahead;
  const anchor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), anchorDay));
  const index = Math.min(Math.floor((anchor.getUTCDate() - 1) / 7), 3);
  return ORDINALS[index] ?? 'fourth';
}

/** "Weekly on Thursday at 14:00 (Europe/Paris), 30 min". */
export function describeSeries(series: Series): string {
  const weekday = WEEKDAY_LABELS[series.weekday];
  const second = series.second_weekday ? WEEKDAY_LABELS[series.second_weekday] : null;
  const when =
    series.frequency === 'monthly'
      ? `Monthly on the ${series.last_of_month ? 'last' : monthlyOrdinal(series.starts_on, series.weekday)} ${weekday}`
      : series.frequency === 'twice_weekly' && second
        ? `Twice a week, on ${weekday} and ${second}`
        : `${FREQUENCY_LABELS[series.frequency]} on ${weekday}`;
  const at = `${formatTimeOfDay(series.local_time)} (${series.time_zone})`;
  return `${when} at ${at}, ${formatMinutes(series.duration_minutes)}`;
}
