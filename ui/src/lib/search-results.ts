// The search screen's logic apart from its markup: what the chips ask for,
// how a further page joins the one shown, what the count line says and where
// a hit leads.

import type {
  MeetingKind,
  SearchGroup,
  SearchHit,
  SearchRequest,
  SearchResults,
  TextKind,
} from './bindings';
import { periodRange, type Period } from './periods';
import type { Route } from './route';
import type { PlainDate } from './time';

/** The kind chip's choices: one kind of text, or a few that belong together. */
export type KindChoice =
  | 'any'
  | 'notes'
  | 'shared'
  | 'private'
  | 'prep'
  | 'agenda'
  | 'action'
  | 'win'
  | 'concern'
  | 'accomplishment'
  | 'topic'
  | 'feedback'
  | 'growth'
  | 'focus';

export const KIND_CHOICE_LABELS: Record<KindChoice, string> = {
  any: 'Any',
  notes: 'Notes',
  shared: 'Shared notes',
  private: 'Private notes',
  prep: 'Prep notes',
  agenda: 'Agenda',
  action: 'Action items',
  win: 'Wins',
  concern: 'Concerns',
  accomplishment: 'Accomplishments',
  topic: 'Topics',
  feedback: 'Feedback',
  growth: 'Growth plans',
  focus: 'Focus areas',
};

export const KIND_CHOICES: KindChoice[] = Object.keys(KIND_CHOICE_LABELS) as KindChoice[];

/** The kinds of text a choice searches; undefined for all of them. */
export function kindsOf(choice: KindChoice): TextKind[] | undefined {
  switch (choice) {
    case 'any':
      return undefined;
    case 'notes':
      return ['shared', 'private', 'prep'];
    case 'topic':
      return ['topic', 'backlog'];
    default:
      return [choice];
  }
}

/** What the chips beside the field hold. */
export type SearchChips = {
  /** '' for anyone. */
  personId: string;
  period: Period;
  customFrom: string;
  customTo: string;
  kind: KindChoice;
  /** '' for any kind of 1:1. */
  meetingKind: MeetingKind | '';
  bestMatchFirst: boolean;
};

export const DEFAULT_CHIPS: SearchChips = {
  personId: '',
  period: 'any',
  customFrom: '',
  customTo: '',
  kind: 'any',
  meetingKind: '',
  bestMatchFirst: false,
};

/**
 * The last search of the window, so that coming back to the search screen
 * (Ctrl+K after reading a hit) finds it as it was. The shell holds it: it is
 * gone when the window locks, and nothing about it is ever stored.
 */
export type SearchMemory = {
  query: string;
  chips: SearchChips;
  /** The hit opened last, focused again on the way back. */
  opened: { sourceId: string; kind: TextKind } | null;
};

export function newSearchMemory(): SearchMemory {
  return { query: '', chips: { ...DEFAULT_CHIPS }, opened: null };
}

/** The request for a query and the chips, its first page. */
export function searchRequest(query: string, chips: SearchChips, today: PlainDate): SearchRequest {
  const request: SearchRequest = { query };
  if (chips.personId !== '') request.person_id = chips.personId;
  const { from, to } = periodRange(chips.period, today, {
    from: chips.customFrom,
    to: chips.customTo,
  });
  if (from) request.from = from;
  if (to) request.to = to;
  const kinds = kindsOf(chips.kind);
  if (kinds) request.kinds = kinds;
  if (chips.meetingKind !== '') request.meeting_kind = chips.meetingKind;
  if (chips.bestMatchFirst) request.best_match_first = true;
  return request;
}

function sameGroup(a: SearchGroup, b: SearchGroup): boolean {
  return a.person_id === b.person_id && a.meeting_id === b.meeting_id && a.date === b.date;
}

/**
 * The results shown so far with the next page after them. A 1:1 whose hits
 * run over the page break stays one group.
 */
export function appendPage(shown: SearchResults, next: SearchResults): SearchResults {
  const groups = shown.groups.map((group) => ({ ...group, hits: [...group.hits] }));
  const [first, ...rest] = next.groups;
  const last = groups[groups.length - 1];
  if (first && last && sameGroup(last, first)) {
    last.hits.push(...first.hits);
    groups.push(...rest);
  } else {
    groups.push(...next.groups);
  }
  return {
    ...shown,
    groups,
    total: next.total,
    shown: shown.shown + next.shown,
  };
}

const COUNT = new Intl.NumberFormat('en-US');

/** "12 matches", "No matches for “raise”", "Showing 50 of 1,234". */
export function countLine(results: SearchResults, query: string): string {
  if (results.total === 0) return `No matches for “${query.trim()}”`;
  if (results.total > results.shown) {
    return `Showing ${COUNT.format(results.shown)} of ${COUNT.format(results.total)}`;
  }
  return results.total === 1 ? '1 match' : `${COUNT.format(results.total)} matches`;
}

/**
 * Where a hit opens: its 1:1, scrolled to the text and with the words
 * marked; a text outside any 1:1 (a focus area, a highlight logged on its
 * own) opens the person's page.
 */
export function hitRoute(group: SearchGroup, hit: SearchHit, terms: SearchResults['terms']): Route {
  if (group.meeting_id === null) return { screen: 'person', personId: group.person_id };
  return {
    screen: 'meeting',
    meetingId: group.meeting_id,
    terms,
    focus: hit.kind,
    sourceId: hit.source_id,
  };
}
