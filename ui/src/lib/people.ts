import type { Level } from './bindings';

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
