// The checks a form makes before it asks the backend to book a 1:1: the same
// words in every dialog, and no request that the backend would only refuse.
import { LIMITS } from './bindings';
import { isValidTimeZone } from './time';

export const MIN_MINUTES = 1;
// Defined in Rust, where the backend checks it again.
export const MAX_MINUTES = LIMITS.maxMeetingMinutes;

export interface SlotFields {
  /** The date and time fields in the order the form shows them, each with what to say when empty. */
  required: readonly (readonly [value: string, missing: string])[];
  /** The planned length, when the form asks for one. */
  minutes?: number | null;
  /** The IANA zone as typed. */
  zone: string;
}

function isPlannedLength(minutes: number | null): boolean {
  return minutes !== null && Number.isInteger(minutes) && minutes >= MIN_MINUTES && minutes <= MAX_MINUTES;
}

/** What is wrong with a 1:1's day, time, length and zone, first problem first; null when nothing. */
export function slotProblem(fields: SlotFields): string | null {
  for (const [value, missing] of fields.required) {
    if (value === '') return missing;
  }
  if (fields.minutes !== undefined && !isPlannedLength(fields.minutes)) {
    return `A 1:1 lasts between ${MIN_MINUTES} and ${MAX_MINUTES} minutes.`;
  }
  if (!isValidTimeZone(fields.zone.trim())) {
    return `"${fields.zone}" is not a time zone this computer knows.`;
  }
  return null;
}
