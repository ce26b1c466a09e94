import { LEVEL_PROPOSALS, LEVELS, type Cadence, type Level } from './bindings';

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

/** How often 1:1s are proposed for a level. */
export function proposedCadence(level: Level): Cadence {
  return LEVEL_PROPOSALS[level].cadence;
}

/** How often a career conversation is proposed for a level, in days. */
export function proposedCareerTalkDays(level: Level): number {
  return LEVEL_PROPOSALS[level].career_talk_days;
}

export { LEVELS };
