import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionItem, MeetingView as ViewData, Term, TextKind } from '../lib/bindings';
import MeetingView from '../lib/MeetingView.svelte';
import { highlight, meeting, person } from './builders';
import { mockBackend, type Call } from './fixtures';
import { iconsIn } from './icons';

let scrolled: Element[] = [];

beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
});

afterEach(() => {
  clearMocks();
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'a-1',
    person_id: 'p-ada',
    meeting_id: 'm-past',
    title: 'Draft the billing plan',
    owner: 'ic',
    due_on: '2024-11-30',
    status: 'open',
    priority: null,
    created_at: '2024-11-21T14:00:00Z',
    updated_at: '2024-11-21T14:00:00Z',
    history: [],
    ...overrides,
  };
}

function view(overrides: Partial<ViewData> = {}): ViewData {
  return {
    person: person(),
    meeting: meeting({
      id: 'm-past',
      status: 'completed',
      scheduled_start: '2024-11-21T13:00:00Z',
      started_at: '2024-11-21T13:02:00Z',
      ended_at: '2024-11-21T13:34:00Z',
      time_zone: 'Europe/Paris',
      agenda: [
        { id: 'ag-1', title: 'Billing status', minutes: 10, prompts: [], done: true },
        { id: 'ag-2', title: 'Career', minutes: 15, prompts: [], done: false },
      ],
      shared_notes: '## Billing\n\nThe **Réunion** billing export ships in Q1.',
      private_notes: 'Worried about *billing* workload.',
      private_prep_notes: 'Ask about the billing on-call.',
    }),
    action_items: [
      actionItem(),
      actionItem({
        id: 'a-2',
        title: 'Book the offsite',
        owner: 'manager',
        status: 'done',
        due_on: null,
      }),
    ],
    highlights: [
      highlight({ id: 'h-1', meeting_id: 'm-past', text: 'Shipped billing export' }),
      highlight({
        id: 'h-2',
        meeting_id: 'm-past',
        kind: 'concern',
        text: undefined,
        private_text: 'Seems tired',
      }),
    ],
    ...overrides,
  };
}

async function renderView(
  data: ViewData = view(),
  props: { terms?: Term[]; focus?: TextKind; sourceId?: string } = {},
): Promise<{
  calls: Call[];
  navigate: ReturnType<typeof vi.fn>;
  user: ReturnType<typeof userEvent.setup>;
}> {
  const calls = mockBackend({ get_meeting_view: () => data });
  const navigate = vi.fn();
  render(MeetingView, { props: { meetingId: 'm-past', navigate, ...props } });
  await screen.findByRole('heading', { level: 1 });
  return { calls, navigate, user: userEvent.setup() };
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

const BILLING: Term[] = [{ text: 'billing', phrase: false, prefix: false }];

describe('meeting view', () => {
  it('shows the 1:1 in full, read-only', async () => {
    const { calls } = await renderView();
    expect(calls).toEqual([{ cmd: 'get_meeting_view', args: { meetingId: 'm-past' } }]);
    expect(byId('meeting-title')).toHaveTextContent('Ada Okafor — Thu 21 Nov 2024');
    expect(byId('meeting-facts')).toHaveTextContent(/Regular · Video call · .* · 32 min/);
    expect(byId('meeting-status')).toHaveTextContent('Completed');

    const agenda = byId('meeting-agenda');
    expect(iconsIn(agenda.querySelector('[data-source-id="ag-1"]'))).toEqual(['circle-check']);
    expect(iconsIn(agenda.querySelector('[data-source-id="ag-2"]'))).toEqual(['circle']);
    expect(agenda.querySelector('[data-source-id="ag-2"]')).toHaveTextContent('not covered');

    const shared = byId('meeting-shared');
    expect(within(shared).getByRole('heading', { name: 'Billing' })).toBeInTheDocument();
    expect(within(shared).getByText('Réunion').tagName).toBe('STRONG');

    expect(byId('meeting-private')).toHaveTextContent('Private — never shared');
    expect(byId('meeting-private')).toHaveTextContent('Worried about billing workload.');
    expect(byId('meeting-prep')).toHaveTextContent('Private — never shared');
    expect(byId('meeting-prep')).toHaveTextContent('Ask about the billing on-call.');

    const actions = byId('meeting-actions');
    expect(actions.querySelector('[data-source-id="a-1"]')).toHaveTextContent(
      /Draft the billing plan.*Ada · Open · Due 30 Nov 2024/,
    );
    expect(actions.querySelector('[data-source-id="a-2"]')).toHaveTextContent(
      /You · Done · Due Ongoing/,
    );
    expect(iconsIn(actions.querySelector('[data-source-id="a-1"]'))).toEqual([]);
    expect(iconsIn(actions.querySelector('[data-source-id="a-2"]'))).toEqual(['circle-check']);

    const highlights = byId('meeting-highlights');
    expect(highlights.querySelector('[data-source-id="h-2"]')).toHaveTextContent(
      /Seems tired.*Private.*Concern/,
    );
    // Nothing is marked when the 1:1 was not opened from a search.
    expect(document.querySelector('mark')).toBeNull();
    expect(document.getElementById('meeting-search')).not.toBeInTheDocument();
  });

  it('says why a cancelled 1:1 did not happen', async () => {
    await renderView(
      view({
        meeting: meeting({ status: 'cancelled', cancel_reason: 'Ada was ill', topic: 'Billing' }),
      }),
    );
    expect(byId('meeting-status')).toHaveTextContent('Cancelled Ada was ill');
    expect(byId('meeting-topic')).toHaveTextContent('Topic: Billing');
  });

  it('says who asked to cancel, when it is known, marking only the reason', async () => {
    await renderView(
      view({
        meeting: meeting({ status: 'cancelled', cancel_reason: 'Ada at a conference', cancelled_by: 'report' }),
      }),
      { terms: [{ text: 'ada', phrase: false, prefix: false }], focus: 'cancel_reason' },
    );
    expect(byId('meeting-status')).toHaveTextContent('Cancelled by Ada: Ada at a conference');
    await waitFor(() => expect(byId('meeting-status').querySelector('mark')).not.toBeNull());
    expect(Array.from(byId('meeting-status').querySelectorAll('mark'), (m) => m.textContent)).toEqual([
      'Ada',
    ]);
  });

  it('says when the manager cancelled', async () => {
    await renderView(
      view({
        meeting: meeting({ status: 'cancelled', cancel_reason: 'Offsite', cancelled_by: 'manager' }),
      }),
    );
    expect(byId('meeting-status')).toHaveTextContent('Cancelled by you: Offsite');
  });

  it('links to the person and to the full history', async () => {
    const { navigate, user } = await renderView();
    await user.click(byId('meeting-person'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'person', personId: 'p-ada' });
    await user.click(byId('meeting-history'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'history', personId: 'p-ada' });
  });

  it('leads on to a 1:1 not held yet', async () => {
    const scheduled = view({ meeting: meeting({ status: 'scheduled' }) });
    const { navigate, user } = await renderView(scheduled);
    expect(byId('meeting-status')).toHaveTextContent('Not started');
    await user.click(byId('meeting-prepare'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'prepare', personId: 'p-ada' });
  });

  it('marks the words searched in every section, and scrolls to the hit', async () => {
    const { navigate, user } = await renderView(view(), {
      terms: [...BILLING, { text: 'reunion', phrase: false, prefix: false }],
      focus: 'private',
    });
    await waitFor(() => expect(document.querySelector('mark.search-mark')).not.toBeNull());
    const marked = (id: string): string[] =>
      [...byId(id).querySelectorAll('mark.search-mark')].map((mark) => mark.textContent ?? '');
    expect(marked('meeting-shared')).toEqual(['Billing', 'Réunion', 'billing']);
    expect(marked('meeting-private')).toEqual(['billing']);
    expect(marked('meeting-prep')).toEqual(['billing']);
    expect(marked('meeting-agenda')).toEqual(['Billing']);
    expect(marked('meeting-actions')).toEqual(['billing']);
    expect(marked('meeting-highlights')).toEqual(['billing']);
    // The title and the links are not the 1:1's text.
    expect(marked('meeting-header')).toEqual([]);

    expect(scrolled).toEqual([byId('meeting-private').querySelector('mark')]);
    expect(Element.prototype.scrollIntoView).toHaveBeenCalledWith({ block: 'center' });

    await user.click(byId('meeting-search'));
    expect(navigate).toHaveBeenCalledWith({ screen: 'search', query: '' });
  });

  it('scrolls to the record the hit came from', async () => {
    await renderView(view(), { terms: BILLING, focus: 'action', sourceId: 'a-2' });
    // The item has no marked word: the item itself is scrolled to.
    await waitFor(() =>
      expect(scrolled).toEqual([byId('meeting-actions').querySelector('[data-source-id="a-2"]')]),
    );
  });

  it('scrolls to the header for a topic', async () => {
    await renderView(
      view({ meeting: meeting({ topic: 'Billing roadmap' }) }),
      { terms: BILLING, focus: 'topic' },
    );
    await waitFor(() => expect(scrolled).toEqual([byId('meeting-topic').querySelector('mark')]));
  });

  it('explains a 1:1 that cannot be opened', async () => {
    mockBackend({
      get_meeting_view: () => {
        throw { code: 'not_found', message: 'That 1:1 does not exist.' };
      },
    });
    render(MeetingView, { props: { meetingId: 'm-gone', navigate: vi.fn() } });
    expect(await screen.findByRole('alert')).toHaveTextContent('That 1:1 does not exist.');
  });
});
