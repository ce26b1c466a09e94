import type { Cadence, Level } from './bindings';

const LEVEL_LABELS: Record<Level, string> = {
  junior: 'Junior',
  confirmed: 'Confirmed',
  senior: 'Senior',
  staff_plus: 'Staff+',
};

/** The human label of a career level. */
export function levelLabel(level: Level): string {
  return LEVEL_LABELS[level];
}

/** "1 person", "6 people". */
export function peopleCount(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

// The recommended cadence by level from the career framework. The backend
// applies the same table; the person form shows it while a level is chosen.
const PROPOSED_CADENCE: Record<Level, Cadence> = {
  junior: 'weekly',
  confirmed: 'weekly',
  senior: 'biweekly',
  staff_plus: 'biweekly',
};

const PROPOSED_CAREER_TALK_DAYS: Record<Level, number> = {
  junior: 14,
  confirmed: 30,
  senior: 30,
  staff_plus: 60,
};

/** How often 1:1s are proposed for a level. */
export function proposedCadence(level: Level): Cadence {
  return PROPOSED_CADENCE[level];
}

/** How often a career conversation is proposed for a level, in days. */
export function proposedCareerTalkDays(level: Level): number {
  return PROPOSED_CAREER_TALK_DAYS[level];
}

export const LEVELS: Level[] = ['junior', 'confirmed', 'senior', 'staff_plus'];
