// The words the app uses for the backend's enum values, in one place so that a
// list, a form and a summary never disagree.
import type {
  ActionStatus,
  Cadence,
  Frequency,
  HighlightKind,
  MeetingFormat,
  MeetingKind,
  Series,
  Weekday,
} from './bindings';
import { formatMinutes, shortTime } from './time';

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
};

export const CADENCES: Cadence[] = ['weekly', 'biweekly', 'monthly'];

/** The cadence inside a sentence: "1:1s every two weeks". */
export const CADENCE_RHYTHMS: Record<Cadence, string> = {
  weekly: 'every week',
  biweekly: 'every two weeks',
  monthly: 'every month',
};

export const FREQUENCIES: Frequency[] = ['weekly', 'biweekly', 'monthly'];

export const FREQUENCY_LABELS: Record<Frequency, string> = CADENCE_LABELS;

/** The series frequency that holds 1:1s at a cadence. */
export function frequencyFor(cadence: Cadence): Frequency {
  return cadence;
}

export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const FORMATS: MeetingFormat[] = ['in_person', 'video', 'phone'];

export const FORMAT_LABELS: Record<MeetingFormat, string> = {
  in_person: 'In person',
  video: 'Video call',
  phone: 'Phone',
};

export const MEETING_KINDS: MeetingKind[] = ['regular', 'urgent', 'requested'];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  regular: 'Regular',
  urgent: 'Urgent (performance)',
  requested: 'Requested by IC',
};

export const ACTION_STATUSES: ActionStatus[] = ['open', 'partial', 'done', 'escalated', 'dropped'];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  partial: 'Partial',
  done: 'Done',
  escalated: 'Escalated',
  dropped: 'Dropped',
};

export const HIGHLIGHT_KINDS: HighlightKind[] = ['win', 'concern', 'accomplishment'];

export const HIGHLIGHT_KIND_LABELS: Record<HighlightKind, string> = {
  win: 'Win',
  concern: 'Concern',
  accomplishment: 'Accomplishment',
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
  const when =
    series.frequency === 'monthly'
      ? `Monthly on the ${monthlyOrdinal(series.starts_on, series.weekday)} ${weekday}`
      : `${FREQUENCY_LABELS[series.frequency]} on ${weekday}`;
  const at = `${shortTime(series.local_time)} (${series.time_zone})`;
  return `${when} at ${at}, ${formatMinutes(series.duration_minutes)}`;
}
