import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry, HistoryPage, HistoryRequest } from '../lib/bindings';
import History from '../lib/History.svelte';
import { meeting, person } from './builders';
import { mockBackend, type Call } from './fixtures';

afterEach(() => {
  clearMocks();
});

function entry(index: number): HistoryEntry {
  const day = new Date(Date.UTC(2024, 10, 28) - index * 7 * 86_400_000);
  const start = day.toISOString().replace('.000', '');
  return {
    meeting: meeting({
      id: `m-${index}`,
      status: 'completed',
      scheduled_start: start,
      started_at: start,
      ended_at: new Date(day.getTime() + 30 * 60_000).toISOString(),
      shared_notes: `Notes of week ${index}`,
    }),
    action_items:
      index === 0
        ? [
            {
              id: 'a-1',
              person_id: 'p-ada',
              meeting_id: 'm-0',
              title: 'Draft the migration plan',
              owner: 'ic',
              due_on: '2024-12-05',
              status: 'open',
              priority: null,
              created_at: start,
              updated_at: start,
              history: [],
            },
          ]
        : [],
  };
}

/** A backend with `total` past 1:1s, paged as asked. */
function pages(total: number): (request: HistoryRequest) => HistoryPage {
  return (request) => {
    const offset = request.offset ?? 0;
    const limit = request.limit ?? 25;
    const count = Math.max(0, Math.min(limit, total - offset));
    return {
      person: person(),
      entries: Array.from({ length: count }, (_, at) => entry(offset + at)),
      total,
      offset,
    };
  };
}

async function renderHistory(
  handler: (request: HistoryRequest) => HistoryPage = pages(60),
): Promise<{
  calls: Call[];
  navigate: ReturnType<typeof vi.fn>;
  user: ReturnType<typeof userEvent.setup>;
}> {
  const calls = mockBackend({
    get_history: (args) => handler((args as { request: HistoryRequest }).request),
  });
  const navigate = vi.fn();
  render(History, { props: { personId: 'p-ada', navigate } });
  await screen.findByRole('heading', { level: 1 });
  return { calls, navigate, user: userEvent.setup() };
}

function requests(calls: Call[]): HistoryRequest[] {
  return calls.map((call) => (call.args as { request: HistoryRequest }).request);
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function items(): HTMLElement[] {
  return [...byId('history-list').querySelectorAll<HTMLElement>('li.history-item')];
}

describe('full history', () => {
  it('shows the newest page of 1:1s', async () => {
    const { calls } = await renderHistory();
    expect(byId('history-title')).toHaveTextContent('Ada Okafor — full history');
    expect(requests(calls)).toEqual([{ person_id: 'p-ada', offset: 0, limit: 25 }]);
    expect(items()).toHaveLength(25);
    expect(items()[0]).toHaveAttribute('data-meeting-id', 'm-0');
    expect(byId('history-range')).toHaveTextContent('1–25 of 60');
    expect(byId('history-newer')).toBeDisabled();
    expect(byId('history-older')).toBeEnabled();
  });

  it('pages back and forth', async () => {
    const { calls, user } = await renderHistory();
    await user.click(byId('history-older'));
    await waitFor(() => expect(byId('history-range')).toHaveTextContent('26–50 of 60'));
    await user.click(byId('history-older'));
    await waitFor(() => expect(byId('history-range')).toHaveTextContent('51–60 of 60'));
    expect(items()).toHaveLength(10);
    expect(byId('history-older')).toBeDisabled();
    await user.click(byId('history-newer'));
    await waitFor(() => expect(byId('history-range')).toHaveTextContent('26–50 of 60'));
    expect(requests(calls).map((request) => request.offset)).toEqual([0, 25, 50, 25]);
  });

  it('filters by status, kind and period, from the newest again', async () => {
    const { calls, user } = await renderHistory();
    await user.click(byId('history-older'));
    await waitFor(() => expect(byId('history-range')).toHaveTextContent('26–50 of 60'));
    await user.selectOptions(byId('history-status'), 'Cancelled');
    await waitFor(() =>
      expect(requests(calls).at(-1)).toMatchObject({ status: 'cancelled', offset: 0 }),
    );
    await user.selectOptions(byId('history-kind'), 'urgent');
    await waitFor(() =>
      expect(requests(calls).at(-1)).toEqual({
        person_id: 'p-ada',
        offset: 0,
        limit: 25,
        status: 'cancelled',
        kind: 'urgent',
      }),
    );
    await user.selectOptions(byId('history-status'), 'Held');
    await waitFor(() => expect(requests(calls).at(-1)).toMatchObject({ status: 'completed' }));
    await user.selectOptions(byId('history-period'), 'Custom…');
    await user.type(byId('history-from'), '2024-01-01');
    await waitFor(() => expect(requests(calls).at(-1)).toMatchObject({ from: '2024-01-01' }));
  });

  it('says when no 1:1 matches the filters', async () => {
    const { user } = await renderHistory((request) =>
      pages(request.status === 'cancelled' ? 0 : 3)(request),
    );
    await user.selectOptions(byId('history-status'), 'Cancelled');
    await waitFor(() =>
      expect(byId('history-empty')).toHaveTextContent('No 1:1 matches these filters.'),
    );
    expect(document.getElementById('history-range')).not.toBeInTheDocument();
  });

  it("expands a 1:1 to its notes and action items, and opens it", async () => {
    const { navigate, user } = await renderHistory();
    const first = items()[0]!;
    // The row itself, before its Share menu button.
    await user.click(within(first).getAllByRole('button', { expanded: false })[0]!);
    expect(within(first).getByRole('region', { name: 'Shared notes' })).toHaveTextContent(
      'Notes of week 0',
    );
    expect(within(first).getByRole('region', { name: 'Action items' })).toHaveTextContent(
      /Draft the migration plan.*Ada · Open · Due 5 Dec 2024/,
    );
    await user.click(within(first).getByRole('button', { name: /^Open/ }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'meeting', meetingId: 'm-0' });
  });

  it('goes back to the person', async () => {
    const { navigate, user } = await renderHistory();
    await user.click(byId('history-person'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'person', personId: 'p-ada' });
  });
});
