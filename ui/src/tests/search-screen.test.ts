import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchRequest, SearchResults } from '../lib/bindings';
import Search from '../lib/Search.svelte';
import { newSearchMemory, type SearchMemory } from '../lib/search-results';
import { searchGroup as group, searchHit as hit, searchResults as results } from './builders';
import { PEOPLE, mockBackend, type Call } from './fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const TERMS = results().terms;

type Handler = (request: SearchRequest) => SearchResults | Promise<SearchResults>;

async function renderSearch(
  handler: Handler = () => results(),
  props: { query?: string; memory?: SearchMemory } = {},
): Promise<{
  calls: Call[];
  navigate: ReturnType<typeof vi.fn>;
  memory: SearchMemory;
  user: ReturnType<typeof userEvent.setup>;
}> {
  const calls = mockBackend({
    list_people: () => PEOPLE,
    search: (args) => handler((args as { request: SearchRequest }).request),
  });
  const navigate = vi.fn();
  const memory = props.memory ?? newSearchMemory();
  render(Search, { props: { query: props.query ?? '', memory, navigate } });
  await screen.findByRole('heading', { level: 1, name: 'Search' });
  return { calls, navigate, memory, user: userEvent.setup() };
}

function requests(calls: Call[]): SearchRequest[] {
  return calls
    .filter((call) => call.cmd === 'search')
    .map((call) => (call.args as { request: SearchRequest }).request);
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function field(): HTMLInputElement {
  return byId('search-input') as HTMLInputElement;
}

describe('search screen: typing', () => {
  it('offers the closest words when nothing matched, and searches them on a click', async () => {
    const { calls, user } = await renderSearch((request) =>
      request.query === 'carr'
        ? results({ groups: [], total: 0, shown: 0, suggestion: 'career' })
        : results(),
    );
    await user.type(field(), 'carr{Enter}');
    await waitFor(() => expect(byId('search-count')).toHaveTextContent('No matches'));
    await user.click(within(byId('search-suggestion')).getByRole('button', { name: 'career' }));
    await waitFor(() => expect(field()).toHaveValue('career'));
    await waitFor(() => expect(requests(calls).at(-1)).toEqual({ query: 'career' }));
    expect(document.getElementById('search-suggestion')).not.toBeInTheDocument();
  });

  it('opens on an empty field with the syntax explained, and searches nothing', async () => {
    const { calls } = await renderSearch();
    expect(field()).toHaveFocus();
    expect(field()).toHaveAttribute('type', 'search');
    const help = byId('search-help');
    for (const example of ['"career path"', '-holiday', 'raise OR promotion', 'promot*']) {
      expect(within(help).getByText(example)).toBeInTheDocument();
    }
    for (const example of ['person:Ada', 'kind:private', 'date:2025-Q3', 'last:90d']) {
      expect(within(help).getByText(example)).toBeInTheDocument();
    }
    expect(requests(calls)).toEqual([]);
  });

  it('searches once typing settles, and shows the hits grouped by 1:1', async () => {
    const { calls, user } = await renderSearch();
    await user.type(field(), 'billing');
    await waitFor(() => expect(byId('search-count')).toHaveTextContent('1 match'));
    // One search for the settled text, none for each letter.
    expect(requests(calls)).toEqual([{ query: 'billing' }]);
    expect(document.getElementById('search-help')).not.toBeInTheDocument();

    const groups = byId('search-results').querySelectorAll('li.search-group');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveTextContent('Ada Okafor');
    expect(groups[0]).toHaveTextContent('Thu 21 Nov 2024');
    const item = byId('search-results').querySelector<HTMLElement>('li.search-hit')!;
    expect(item).toHaveAttribute('data-source-id', 'm-1');
    expect(item).toHaveTextContent('Shared notes');
    expect(item).toHaveTextContent('Talked about the billing migration');
    expect(within(item).getByText('billing').tagName).toBe('MARK');
    expect(within(item).getByText('Shared')).toHaveClass('badge');
  });

  it('runs at once on Enter', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls, user } = await renderSearch();
    await user.type(field(), 'billing{Enter}');
    await waitFor(() => expect(requests(calls)).toHaveLength(1));
    expect(document.getElementById('search-count')).toBeInTheDocument();
    // The pending debounce was dropped with it.
    await vi.advanceTimersByTimeAsync(500);
    expect(requests(calls)).toHaveLength(1);
  });

  it('never shows the answer to an older query', async () => {
    let releaseSlow: (value: SearchResults) => void = () => undefined;
    const { user } = await renderSearch((request) =>
      request.query === 'bill'
        ? new Promise<SearchResults>((resolve) => (releaseSlow = resolve))
        : results({ groups: [group({ person_name: 'Ben Moreau', person_id: 'p-ben' })] }),
    );
    await user.type(field(), 'bill{Enter}');
    await user.type(field(), 'ing{Enter}');
    await waitFor(() => expect(byId('search-results')).toHaveTextContent('Ben Moreau'));
    releaseSlow(results({ groups: [group({ person_name: 'Chen Li', person_id: 'p-chen' })] }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(byId('search-results')).toHaveTextContent('Ben Moreau');
    expect(byId('search-results')).not.toHaveTextContent('Chen Li');
  });

  it("shows the query's mistake under the field", async () => {
    const { user } = await renderSearch(() => {
      throw {
        code: 'invalid_input',
        message: 'A quote is not closed: add the closing " or remove the opening one.',
      };
    });
    await user.type(field(), '"career{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('id', 'search-error');
    expect(alert).toHaveTextContent('A quote is not closed');
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById('search-results')).not.toBeInTheDocument();
  });

  it('says when nothing matches', async () => {
    const { user } = await renderSearch(() => results({ groups: [] }));
    await user.type(field(), 'holiday{Enter}');
    await waitFor(() =>
      expect(byId('search-count')).toHaveTextContent('No matches for “holiday”'),
    );
  });
});

describe('search screen: chips', () => {
  it('sends what the chips hold, and searches again when one changes', async () => {
    const { calls, user } = await renderSearch();
    await user.type(field(), 'billing{Enter}');
    await waitFor(() => expect(requests(calls)).toHaveLength(1));

    await waitFor(() => expect(byId('search-person')).toHaveTextContent('Ada Okafor'));
    await user.selectOptions(byId('search-person'), 'p-ada');
    await user.selectOptions(byId('search-kind'), 'Notes');
    await user.selectOptions(byId('search-meeting-kind'), 'urgent');
    await user.selectOptions(byId('search-order'), 'Best match');
    await waitFor(() =>
      expect(requests(calls).at(-1)).toEqual({
        query: 'billing',
        person_id: 'p-ada',
        kinds: ['shared', 'private', 'prep'],
        meeting_kind: 'urgent',
        best_match_first: true,
      }),
    );
  });

  it('takes two days for a custom period', async () => {
    const { calls, user } = await renderSearch(undefined, { query: 'billing' });
    expect(document.getElementById('search-from')).not.toBeInTheDocument();
    await user.selectOptions(byId('search-period'), 'Custom…');
    const from = byId('search-from') as HTMLInputElement;
    const to = byId('search-to') as HTMLInputElement;
    await user.type(from, '2024-01-01');
    await user.type(to, '2024-03-31');
    await waitFor(() =>
      expect(requests(calls).at(-1)).toEqual({
        query: 'billing',
        from: '2024-01-01',
        to: '2024-03-31',
      }),
    );
  });

  it('counts the last days from today', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date('2025-05-14T10:00:00') });
    const { calls, user } = await renderSearch(undefined, { query: 'billing' });
    await user.selectOptions(byId('search-period'), 'Last 90 days');
    await waitFor(() =>
      expect(requests(calls).at(-1)).toEqual({
        query: 'billing',
        from: '2025-02-14',
        to: '2025-05-14',
      }),
    );
  });
});

describe('search screen: results', () => {
  it('shows more, keeping a 1:1 cut by the page break in one group', async () => {
    const first = results({
      groups: [group({ meeting_id: 'm-0', hits: [hit(9, { source_id: 'm-0' })] }), group()],
      total: 3,
    });
    const second = results({
      groups: [group({ hits: [hit(2, { kind: 'private', visibility: 'private' })] })],
      total: 3,
      offset: 2,
    });
    const { calls, user } = await renderSearch(
      (request) => ((request.offset ?? 0) === 0 ? first : second),
      { query: 'billing' },
    );
    await waitFor(() => expect(byId('search-count')).toHaveTextContent('Showing 2 of 3'));
    await user.click(byId('search-more'));
    await waitFor(() => expect(byId('search-count')).toHaveTextContent('3 matches'));
    expect(requests(calls).at(-1)).toEqual({ query: 'billing', offset: 2 });
    const groups = byId('search-results').querySelectorAll('li.search-group');
    expect(groups).toHaveLength(2);
    expect(groups[1]?.querySelectorAll('li.search-hit')).toHaveLength(2);
    expect(within(groups[1] as HTMLElement).getByText('Private')).toHaveClass('badge-warning');
    expect(document.getElementById('search-more')).not.toBeInTheDocument();
    // The keyboard carries on from the first new hit.
    expect(groups[1]?.querySelectorAll('button')[1]).toHaveFocus();
  });

  it('opens the 1:1 of a hit at its text, with the words to mark', async () => {
    const agenda = hit(3, { kind: 'agenda', source_id: 'ag-1' });
    const { navigate, memory, user } = await renderSearch(
      () => results({ groups: [group({ hits: [agenda] })] }),
      { query: 'billing' },
    );
    const item = await waitFor(() =>
      byId('search-results').querySelector<HTMLElement>('li.search-hit[data-source-id="ag-1"]')!,
    );
    expect(item).toHaveTextContent('Agenda');
    await user.click(within(item).getByRole('button'));
    expect(navigate).toHaveBeenCalledWith({
      screen: 'meeting',
      meetingId: 'm-1',
      terms: TERMS,
      focus: 'agenda',
      sourceId: 'ag-1',
    });
    expect(memory).toMatchObject({
      query: 'billing',
      opened: { sourceId: 'ag-1', kind: 'agenda' },
    });
  });

  it("opens the person's page for a focus area", async () => {
    const focus = hit(4, { kind: 'focus', source_id: 'p-ada', visibility: 'not_shared' });
    const { navigate, user } = await renderSearch(
      () => results({ groups: [group({ meeting_id: null, meeting_status: null, hits: [focus] })] }),
      { query: 'billing' },
    );
    const item = await waitFor(() =>
      byId('search-results').querySelector<HTMLElement>('li.search-hit')!,
    );
    expect(item).toHaveTextContent('Focus area');
    expect(item).toHaveTextContent('Not shared');
    await user.click(within(item).getByRole('button'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'person', personId: 'p-ada' });
  });

  it('marks a cancelled 1:1', async () => {
    await renderSearch(
      () => results({ groups: [group({ meeting_status: 'cancelled' })] }),
      { query: 'billing' },
    );
    await waitFor(() =>
      expect(byId('search-results').querySelector('li.search-group')).toHaveTextContent(
        'Cancelled',
      ),
    );
  });

  it('lists people whose name matches, above the hits', async () => {
    const { navigate, user } = await renderSearch(
      () => results({ people: [PEOPLE[0]!] }),
      { query: 'ada' },
    );
    const people = await waitFor(() => byId('search-people'));
    await user.click(within(people).getByRole('button', { name: /Ada Okafor/ }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'person', personId: 'p-ada' });
  });

  it('walks the people and the hits with the arrow keys, Enter opens', async () => {
    const { navigate, user } = await renderSearch(
      () =>
        results({
          people: [PEOPLE[0]!],
          groups: [group({ hits: [hit(1), hit(2, { kind: 'private', visibility: 'private' })] })],
        }),
      { query: 'ada' },
    );
    await waitFor(() => byId('search-people'));
    const buttons = [
      ...document.querySelectorAll<HTMLElement>('#search-people button, li.search-hit button'),
    ];
    expect(buttons).toHaveLength(3);
    await user.keyboard('{ArrowDown}');
    expect(buttons[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(buttons[2]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ screen: 'meeting', focus: 'shared' }),
    );
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(field()).toHaveFocus();
  });

  it('takes up the last search again, with the hit opened last focused', async () => {
    const memory = newSearchMemory();
    memory.query = 'billing';
    memory.chips.kind = 'private';
    // The shared and private notes of one 1:1 have the same source: the kind tells them apart.
    memory.opened = { sourceId: 'm-1', kind: 'private' };
    const { calls } = await renderSearch(
      () =>
        results({
          groups: [group({ hits: [hit(1), hit(2, { kind: 'private', visibility: 'private' })] })],
        }),
      { memory },
    );
    expect(field()).toHaveValue('billing');
    expect(byId('search-kind')).toHaveValue('private');
    await waitFor(() =>
      expect(document.querySelector('li.search-hit[data-kind="private"] button')).toHaveFocus(),
    );
    expect(requests(calls)).toEqual([{ query: 'billing', kinds: ['private'] }]);
  });
});
