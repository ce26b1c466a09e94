import type { Term, TextKind } from './bindings';

// Where the main pane is. The shell owns the current route; screens move
// between each other through `navigate`.
export type Route =
  | { screen: 'today' }
  /** The numbers across the team for a period. */
  | { screen: 'team' }
  | { screen: 'person'; personId: string }
  | { screen: 'prepare'; personId: string }
  | { screen: 'session'; meetingId: string }
  | { screen: 'templates' }
  | { screen: 'settings' }
  /** An empty query takes up the last search since the window was unlocked, if any. */
  | { screen: 'search'; query: string }
  | { screen: 'history'; personId: string }
  /** A person's review packet for a period. */
  | { screen: 'review'; personId: string }
  /**
   * One 1:1 to read. Opened from a search hit: the words to mark, the kind of
   * text to scroll to, and the record (agenda item, action item, highlight)
   * the hit came from.
   */
  | { screen: 'meeting'; meetingId: string; terms?: Term[]; focus?: TextKind; sourceId?: string };

export type Navigate = (route: Route) => void;
