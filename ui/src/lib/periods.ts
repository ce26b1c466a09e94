// The periods the search, history and review packet filters offer, as calendar days where
// the manager is. Both ends are included, like the query language's date:
// and last: filters, so "Last 30 days" here and last:30d typed agree.

import { addDays, type PlainDate } from './time';

export type Period =
  | 'any'
  | 'last_30'
  | 'last_90'
  | 'this_quarter'
  | 'last_quarter'
  | 'this_year'
  | 'last_12_months'
  | 'last_year'
  | 'custom';

export const PERIOD_LABELS: Record<Period, string> = {
  any: 'Any time',
  last_30: 'Last 30 days',
  last_90: 'Last 90 days',
  this_quarter: 'This quarter',
  last_quarter: 'Last quarter',
  this_year: 'This year',
  last_12_months: 'Last 12 months',
  last_year: 'Last year',
  custom: 'Custom…',
};

export const PERIODS: Period[] = Object.keys(PERIOD_LABELS) as Period[];

/** From and to, either left out when the period is open on that side. */
export type DateRange = { from?: PlainDate; to?: PlainDate };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of the quarter `quarter` (0 to 3) of `year`. */
function quarterRange(year: number, quarter: number): Required<DateRange> {
  const first = quarter * 3 + 1;
  const last = first + 2;
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
  };
}

/**
 * The days a period covers, counted from `today`. A custom period takes the
 * two days typed; one left empty (or not a whole date yet) leaves that side open.
 */
export function periodRange(
  period: Period,
  today: PlainDate,
  custom: { from: string; to: string } = { from: '', to: '' },
): DateRange {
  const [year = 1970, month = 1] = today.split('-').map(Number);
  const quarter = Math.floor((month - 1) / 3);
  switch (period) {
    case 'any':
      return {};
    case 'last_30':
      return { from: addDays(today, -29), to: today };
    case 'last_90':
      return { from: addDays(today, -89), to: today };
    case 'this_quarter':
      return quarterRange(year, quarter);
    case 'last_quarter':
      return quarter === 0 ? quarterRange(year - 1, 3) : quarterRange(year, quarter - 1);
    case 'this_year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'last_12_months':
      return { from: addDays(today, -364), to: today };
    case 'last_year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'custom': {
      const range: DateRange = {};
      if (DAY.test(custom.from)) range.from = custom.from;
      if (DAY.test(custom.to)) range.to = custom.to;
      return range;
    }
  }
}
