import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHIPS,
  appendPage,
  countLine,
  hitRoute,
  kindsOf,
  searchRequest,
} from './search-results';
import {
  searchGroup as group,
  searchHit as hit,
  searchResults as results,
} from '../tests/builders';

describe('search results: requests', () => {
  it('sends only the query when no chip is set', () => {
    expect(searchRequest('billing', DEFAULT_CHIPS, '2025-05-14')).toEqual({ query: 'billing' });
  });

  it('adds what the chips hold', () => {
    expect(
      searchRequest(
        'billing',
        {
          personId: 'p-ada',
          period: 'last_30',
          customFrom: '',
          customTo: '',
          kind: 'notes',
          meetingKind: 'urgent',
          bestMatchFirst: true,
        },
        '2025-05-14',
      ),
    ).toEqual({
      query: 'billing',
      person_id: 'p-ada',
      from: '2025-04-15',
      to: '2025-05-14',
      kinds: ['shared', 'private', 'prep'],
      meeting_kind: 'urgent',
      best_match_first: true,
    });
  });

  it('maps each kind choice to the kinds of text it searches', () => {
    expect(kindsOf('any')).toBeUndefined();
    expect(kindsOf('notes')).toEqual(['shared', 'private', 'prep']);
    expect(kindsOf('action')).toEqual(['action']);
    expect(kindsOf('focus')).toEqual(['focus']);
  });
});

describe('search results: pages', () => {
  it('joins a 1:1 split by the page break into one group', () => {
    const first = results({
      groups: [group({ meeting_id: 'm-0', hits: [hit(9)] }), group({ hits: [hit(1)] })],
      total: 3,
      shown: 2,
    });
    const next = results({ groups: [group({ hits: [hit(2)] })], total: 3, offset: 2, shown: 1 });
    const joined = appendPage(first, next);
    expect(joined.groups).toHaveLength(2);
    expect(joined.groups[1]?.hits.map((h) => h.row)).toEqual([1, 2]);
    expect(joined.shown).toBe(3);
    expect(joined.offset).toBe(0);
    // The page shown is not changed in place.
    expect(first.groups[1]?.hits).toHaveLength(1);
  });

  it('keeps groups apart when the person, the 1:1 or the day differ', () => {
    const first = results({ total: 4, shown: 1 });
    for (const other of [
      group({ person_id: 'p-ben' }),
      group({ meeting_id: 'm-2' }),
      group({ meeting_id: null, date: '2024-11-22' }),
    ]) {
      expect(appendPage(first, results({ groups: [other], offset: 1 })).groups).toHaveLength(2);
    }
  });

  it('joins two highlights of one person and one day outside any 1:1', () => {
    const loose = { meeting_id: null, meeting_status: null } as const;
    const first = results({ groups: [group({ ...loose, hits: [hit(1)] })], total: 2 });
    const next = results({ groups: [group({ ...loose, hits: [hit(2)] })], offset: 1 });
    expect(appendPage(first, next).groups).toHaveLength(1);
  });
});

describe('search results: the count line', () => {
  it('counts matches, or says there are none', () => {
    expect(countLine(results({ total: 0, shown: 0, groups: [] }), ' raise ')).toBe(
      'No matches for “raise”',
    );
    expect(countLine(results({ total: 1, shown: 1 }), 'raise')).toBe('1 match');
    expect(countLine(results({ total: 12, shown: 12 }), 'raise')).toBe('12 matches');
  });

  it('says how many are shown when there are more', () => {
    expect(countLine(results({ total: 1234, shown: 50 }), 'raise')).toBe('Showing 50 of 1,234');
  });
});

describe('search results: where a hit leads', () => {
  it('opens the 1:1 at the hit, with the words to mark', () => {
    const found = results();
    const agenda = hit(3, { kind: 'agenda', source_id: 'a-1' });
    expect(hitRoute(group(), agenda, found.terms)).toEqual({
      screen: 'meeting',
      meetingId: 'm-1',
      terms: found.terms,
      focus: 'agenda',
      sourceId: 'a-1',
    });
  });

  it("opens the person's page for a text outside any 1:1", () => {
    const focus = hit(4, { kind: 'focus', source_id: 'p-ada', visibility: 'not_shared' });
    expect(hitRoute(group({ meeting_id: null }), focus, [])).toEqual({
      screen: 'person',
      personId: 'p-ada',
    });
  });
});
