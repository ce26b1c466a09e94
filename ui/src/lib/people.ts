import { LEVEL_PROPOSALS, type Cadence, type Level } from './bindings';

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


/** How long a 1:1 is proposed to last for a level, in minutes. */
export function proposedDurationMinutes(level: Level): number {
  return LEVEL_PROPOSALS[level].duration_minutes;
}
