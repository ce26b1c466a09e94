// The periods the Team screen offers, as calendar days where the manager is.
// They are the filters' periods, except that the Team screen looks back: a
// quarter under way runs to today, since the days ahead have nothing due yet.

import type { StatsPeriod } from './bindings';
import { periodRange, type Period } from './periods';
import type { PlainDate } from './time';

export const TEAM_PERIODS = [
  'last_30',
  'last_90',
  'this_quarter',
  'last_quarter',
  'last_12_months',
  'custom',
] as const satisfies readonly Period[];

export type TeamPeriod = (typeof TEAM_PERIODS)[number];
export type TeamPreset = Exclude<TeamPeriod, 'custom'>;

export const DEFAULT_TEAM_PERIOD: TeamPreset = 'last_90';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isTeamPreset(period: Period): period is TeamPreset {
  return period !== 'custom' && (TEAM_PERIODS as readonly Period[]).includes(period);
}

/** The first and last day of a preset, seen from `today`. */
export function presetPeriod(preset: TeamPreset, today: PlainDate): StatsPeriod {
  const { from = today, to = today } = periodRange(preset, today);
  return { from, to: preset === 'this_quarter' ? today : to };
}

/**
 * A custom period once both days are whole dates. Their order is not checked
 * here: the core says what is wrong with a period, in its own words.
 */
export function customPeriod(from: string, to: string): StatsPeriod | null {
  return DAY.test(from) && DAY.test(to) ? { from, to } : null;
}
