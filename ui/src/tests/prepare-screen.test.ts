import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionInput, AgendaItem, AgendaItemInput, Prep } from '../lib/bindings';
import Prepare from '../lib/Prepare.svelte';
import { highlight, snapshot, snapshotWindow } from './builders';
import { mockBackend, type Call } from './fixtures';
import { iconsIn } from './icons';
import { action, meeting, prep, sessionView, settle, useClock } from './loop-fixtures';

beforeEach(() => {
  useClock();
});

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

async function renderPrep(data: Prep = prep(), handlers: Record<string, (args: unknown) => unknown> = {}) {
  const calls: Call[] = mockBackend({
    get_prep: () => data,
    save_prep_notes: () => null,
    ...handlers,
  });
  const navigate = vi.fn();
  render(Prepare, { personId: 'p-ada', navigate });
  await settle();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { calls, navigate, user };
}

function callsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

describe('prepare screen', () => {
  it('shows the header facts: title, how soon, last and next 1:1, count', async () => {
    const { calls } = await renderPrep();
    expect(callsOf(calls, 'get_prep')).toEqual([{ personId: 'p-ada' }]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('1:1 Preparation — Ada Okafor');
    expect(document.getElementById('prep-badge')).toHaveTextContent('In 15 min');
    expect(document.getElementById('prep-last')).toHaveTextContent('Last 1:1: 21 Nov 2024 (7 days ago)');
    expect(document.getElementById('prep-next')).toHaveTextContent(/^Next: 28 Nov 2024 2:00 PM/);
    expect(document.getElementById('prep-count')).toHaveTextContent(
      '1:1 count: 18 total (avg duration: 42 minutes)',
    );
  });

  it('shows the performance snapshot of the last 7 and 30 days, before the wins', async () => {
    await renderPrep();
    const section = document.getElementById('performance-snapshot') as HTMLElement;
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Performance snapshot');
    expect(section.compareDocumentPosition(document.getElementById('prep-wins') as HTMLElement)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const table = within(section).getByRole('table', {
      name: 'Performance snapshot for Ada: Last 7 days, Last 30 days',
    });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Last 7 days',
      'Last 30 days',
    ]);
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual([
      '1:1s held',
      'Action items closed',
      'Action items opened',
      'Overdue now',
      'Wins logged',
      'Concerns logged',
      'Mood',
    ]);
    const cell = (id: string) => document.getElementById(`snapshot-${id}`)?.textContent;
    expect(cell('held-7')).toBe('1 of 1');
    expect(cell('held-30')).toBe('3 of 4');
    expect(cell('closed-7')).toBe('1');
    expect(cell('closed-30')).toBe('4');
    expect(cell('opened-7')).toBe('2');
    expect(cell('opened-30')).toBe('5');
    expect(cell('overdue-7')).toBe('1');
    expect(cell('overdue-30')).toBe('1');
    expect(cell('wins-7')).toBe('2');
    expect(cell('wins-30')).toBe('4');
    expect(cell('concerns-7')).toBe('1');
    expect(cell('concerns-30')).toBe('2');
    // No check-in in the last week.
    expect(cell('mood-7')).toBe('—');
    expect(cell('mood-30')).toBe('3.7 (3 check-ins)');
  });

  it('names the snapshot cells by the days of each window and words the edge cases', async () => {
    const to = '2024-11-28';
    await renderPrep(
      prep({
        snapshot: snapshot({
          windows: [
            snapshotWindow(14, to, { held: 0, due: 0, mood_checks: 1, mood_average: 4 }),
            snapshotWindow(90, to, { held: 11, due: 12, mood_checks: 9, mood_average: 3.3 }),
          ],
        }),
      }),
    );
    expect(document.getElementById('snapshot-held-14')).toHaveTextContent('None due');
    expect(document.getElementById('snapshot-mood-14')).toHaveTextContent('4.0 (1 check-in)');
    expect(document.getElementById('snapshot-held-90')).toHaveTextContent('11 of 12');
    expect(document.getElementById('snapshot-mood-90')).toHaveTextContent('3.3 (9 check-ins)');
    expect(document.getElementById('snapshot-held-7')).toBeNull();
  });

  it('lists wins and concerns, marking private ones', async () => {
    await renderPrep();
    const wins = document.getElementById('prep-wins');
    expect(wins).not.toBeNull();
    const items = within(wins as HTMLElement).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Shipped the billing migration');
    expect(items[0]).not.toHaveTextContent('Private');
    expect(items[1]).toHaveTextContent('Handled a tense review calmly');
    expect(items[1]).toHaveTextContent('Private');
    expect(document.getElementById('prep-concerns')).toHaveTextContent('Review backlog growing');
    expect(iconsIn(wins)).toEqual(['party-popper', 'party-popper']);
    expect(iconsIn(document.getElementById('prep-concerns'))).toEqual(['triangle-alert']);
    expect(screen.getByRole('heading', { name: 'Recent Wins' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Areas of Concern' })).toBeInTheDocument();
  });

  it('marks an accomplishment apart from the other wins, in words for screen readers', async () => {
    await renderPrep(
      prep({ wins: [highlight({ id: 'h-shipped', kind: 'accomplishment', text: 'Led the billing launch' })] }),
    );
    const wins = document.getElementById('prep-wins');
    expect(iconsIn(wins)).toEqual(['trending-up']);
    expect(wins).toHaveTextContent('Accomplishment: Led the billing launch');
  });

  it('shows previous action items with owner, due date and status', async () => {
    await renderPrep();
    const table = document.getElementById('prep-actions') as HTMLElement;
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Action Item',
      'Owner',
      'Due Date',
      'Status',
    ]);
    const row = (id: string) => table.querySelector(`tr[data-action-id="${id}"]`) as HTMLElement;
    const status = (id: string) => row(id).querySelector('.status');
    expect(status('a-done')).toHaveTextContent('Done');
    expect(iconsIn(status('a-done'))).toEqual(['circle-check']);
    expect(row('a-done')).toHaveTextContent('Ada');
    expect(status('a-partial')).toHaveTextContent('Partial');
    expect(iconsIn(status('a-partial'))).toEqual(['contrast']);
    expect(row('a-partial')).toHaveTextContent('25 Nov');
    expect(status('a-overdue')).toHaveTextContent('Overdue');
    expect(iconsIn(status('a-overdue'))).toEqual(['clock-alert']);
    expect(row('a-mine')).toHaveTextContent('You');
    expect(row('a-mine')).toHaveTextContent('Ongoing');
  });

  it('lets the manager mark an item done from the table', async () => {
    const { calls, user } = await renderPrep(prep(), {
      set_action_status: () =>
        action({ id: 'a-overdue', title: 'Complete LinkedIn training', due_on: '2024-11-26', status: 'done' }),
    });
    await user.selectOptions(screen.getByRole('combobox', { name: /Status of “Complete LinkedIn training”/ }), 'done');
    await settle();
    expect(callsOf(calls, 'set_action_status')).toEqual([{ itemId: 'a-overdue', status: 'done' }]);
    const row = document.querySelector('tr[data-action-id="a-overdue"]');
    expect(row?.querySelector('.status')).toHaveTextContent('Done');
    expect(iconsIn(row?.querySelector('.status') ?? null)).toEqual(['circle-check']);
    expect(row).not.toHaveTextContent('Overdue');
  });

  it('shows a failed status change and keeps the stored status', async () => {
    const { user } = await renderPrep(prep(), {
      set_action_status: () => {
        throw { code: 'storage', message: 'The store is read-only.' };
      },
    });
    const select = screen.getByRole('combobox', { name: /Status of “Improve submission quality”/ });
    await user.selectOptions(select, 'open');
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('The store is read-only.');
    expect(select).toHaveValue('done');
  });

  it('adds an action item outside any 1:1 and lists it', async () => {
    const { calls, user } = await renderPrep(prep(), {
      add_action_item: (args) => {
        const { input } = args as { input: ActionInput };
        return action({
          id: 'a-added',
          meeting_id: null,
          title: input.title,
          owner: input.owner,
          due_on: input.due_on,
          priority: input.priority ?? null,
        });
      },
    });
    await user.click(document.getElementById('prepare-add-action') as HTMLElement);
    const dialog = screen.getByRole('dialog', { name: 'New action item for Ada' });
    const title = within(dialog).getByLabelText('Action item');
    expect(title).toHaveAttribute('id', 'prepare-action-title');
    expect(title).toHaveFocus();
    await user.type(title, 'Book the AWS course');
    await user.type(within(dialog).getByLabelText('Due date'), '2024-12-06');
    await user.selectOptions(within(dialog).getByLabelText('Priority'), 'p2');
    await user.click(document.getElementById('prepare-action-save') as HTMLElement);
    await settle();
    // Agreed before the 1:1, it belongs to none yet.
    expect(callsOf(calls, 'add_action_item')).toEqual([
      {
        personId: 'p-ada',
        input: { title: 'Book the AWS course', owner: 'ic', due_on: '2024-12-06', meeting_id: null, priority: 'p2' },
      },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = document.querySelector('#prep-actions tr[data-action-id="a-added"]');
    expect(row).toHaveTextContent('Book the AWS course');
    expect(row).toHaveTextContent('P2');
    expect(row).toHaveTextContent('6 Dec');
  });

  it('adds the first action item when there is none, and shows a refusal without adding', async () => {
    const { calls, user } = await renderPrep(prep({ action_items: [] }), {
      add_action_item: () => {
        throw { code: 'invalid', message: 'That due date is not a date.' };
      },
    });
    expect(document.getElementById('prep-actions')).toHaveTextContent('No open action items.');
    await user.click(screen.getByRole('button', { name: '+ Add Action Item' }));
    await user.type(screen.getByLabelText('Action item'), 'Book the AWS course');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await settle();
    expect(callsOf(calls, 'add_action_item')).toHaveLength(1);
    expect(within(screen.getByRole('dialog')).getByRole('alert')).toHaveTextContent('That due date is not a date.');
    expect(document.getElementById('prep-actions')).toHaveTextContent('No open action items.');
  });

  it('edits an action item from the table', async () => {
    const { calls, user } = await renderPrep(prep(), {
      edit_action_item: () =>
        action({ id: 'a-overdue', title: 'Complete LinkedIn training', due_on: '2024-12-01', overdue: false }),
    });
    await user.click(screen.getByRole('button', { name: 'Edit “Complete LinkedIn training”' }));
    const due = screen.getByLabelText('Due date');
    expect(due).toHaveValue('2024-11-26');
    await user.clear(due);
    await user.type(due, '2024-12-01');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(callsOf(calls, 'edit_action_item')).toEqual([
      {
        itemId: 'a-overdue',
        edit: { title: 'Complete LinkedIn training', owner: 'ic', due_on: '2024-12-01', priority: null },
      },
    ]);
    const row = document.querySelector('tr[data-action-id="a-overdue"]');
    expect(row).toHaveTextContent('1 Dec');
    expect(row).not.toHaveTextContent('Overdue');
  });

  it("shows the next 1:1's planned agenda and saves an edit of it to that 1:1", async () => {
    const planned: AgendaItem[] = [
      { id: 'tpl-1', title: 'Check-in', minutes: 5, prompts: ['How are you, really?'], done: false },
      { id: 'tpl-2', title: 'Their topics', minutes: 15, prompts: [], done: false },
      { id: 'tpl-3', title: 'Action items', minutes: 10, prompts: [], done: false },
    ];
    const { calls, user } = await renderPrep(prep({ planned_agenda: planned }), {
      set_agenda: (args) =>
        (args as { items: AgendaItemInput[] }).items.map((item, index) => ({
          ...item,
          id: item.id ?? `ag-new-${index}`,
        })),
    });
    const section = document.getElementById('prepare-agenda') as HTMLElement;
    expect(within(section).getByRole('heading', { name: 'Agenda for this 1:1' })).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Check-in (5 min)',
      'Their topics (15 min)',
      'Action items (10 min)',
    ]);

    await user.click(within(section).getByRole('button', { name: 'Edit Agenda' }));
    const first = within(section).getByRole('textbox', { name: 'Agenda item 1 title' });
    expect(first).toHaveAttribute('id', 'prepare-agenda-title-0');
    await user.clear(first);
    await user.type(first, 'How are you?');
    await user.clear(within(section).getByRole('spinbutton', { name: 'Minutes for agenda item 2' }));
    await user.type(within(section).getByRole('spinbutton', { name: 'Minutes for agenda item 2' }), '20');
    await user.click(within(section).getByRole('button', { name: 'Remove agenda item 3' }));
    await user.click(within(section).getByRole('button', { name: '+ Add Item' }));
    await user.type(within(section).getByRole('textbox', { name: 'Agenda item 3 title' }), 'Career');
    await user.click(within(section).getByRole('button', { name: 'Move agenda item 3 up' }));
    await user.click(within(section).getByRole('button', { name: 'Save Agenda' }));
    await settle();

    expect(callsOf(calls, 'set_agenda')).toEqual([
      {
        meetingId: 'm-now',
        items: [
          { id: 'tpl-1', title: 'How are you?', minutes: 5, prompts: ['How are you, really?'], done: false },
          { id: null, title: 'Career', minutes: 5, prompts: [], done: false },
          { id: 'tpl-2', title: 'Their topics', minutes: 20, prompts: [], done: false },
        ],
      },
    ]);
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'How are you? (5 min)',
      'Career (5 min)',
      'Their topics (20 min)',
    ]);
  });

  it('keeps the agenda editor open with the message when saving fails', async () => {
    const { user } = await renderPrep(prep(), {
      set_agenda: () => {
        throw { code: 'invalid', message: 'Agenda item 1 needs a title.' };
      },
    });
    const section = document.getElementById('prepare-agenda') as HTMLElement;
    expect(section).toHaveTextContent('No agenda planned yet.');
    await user.click(within(section).getByRole('button', { name: 'Edit Agenda' }));
    await user.click(within(section).getByRole('button', { name: '+ Add Item' }));
    await user.type(within(section).getByRole('textbox', { name: 'Agenda item 1 title' }), 'Wins');
    await user.click(within(section).getByRole('button', { name: 'Save Agenda' }));
    await settle();
    expect(within(section).getByRole('alert')).toHaveTextContent('Agenda item 1 needs a title.');
    expect(within(section).getByRole('textbox', { name: 'Agenda item 1 title' })).toHaveValue('Wins');
  });

  it('lists the suggested talking points with why each is suggested', async () => {
    await renderPrep();
    const list = document.getElementById('prep-talking-points') as HTMLElement;
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Complete LinkedIn training: need help or just time?');
    expect(items[0]).toHaveTextContent('Why: 1 action item overdue by 2 days');
  });

  it('saves the prep notes with the button and says so', async () => {
    const { calls, user } = await renderPrep();
    const notes = screen.getByLabelText("Manager's Prep Notes (Private)");
    expect(notes).toHaveAttribute('id', 'prep-notes');
    expect(notes).toHaveValue('- Start with wins');
    await user.click(notes);
    await user.keyboard('{Control>}{End}{/Control}{Enter}Ask about the review backlog');
    await user.click(screen.getByRole('button', { name: 'Save Prep Notes' }));
    await settle();
    const saves = callsOf(calls, 'save_prep_notes');
    expect(saves.at(-1)).toEqual({
      meetingId: 'm-now',
      // Enter continued the list.
      notes: '- Start with wins\n- Ask about the review backlog',
    });
    expect(screen.getByRole('status')).toHaveTextContent(/^Prep notes saved$/);
    expect(iconsIn(screen.getByRole('status'))).toEqual(['check']);
  });

  it('saves the prep notes by itself about a second after typing stops', async () => {
    const { calls, user } = await renderPrep();
    await user.type(screen.getByLabelText("Manager's Prep Notes (Private)"), '!');
    await vi.advanceTimersByTimeAsync(900);
    expect(callsOf(calls, 'save_prep_notes')).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(callsOf(calls, 'save_prep_notes')).toEqual([{ meetingId: 'm-now', notes: '- Start with wins!' }]);
    await settle();
    expect(document.getElementById('prep-save-status')).toHaveTextContent(/^Saved \d{1,2}:\d\d:\d\d [AP]M$/);
  });

  it('starts the 1:1 now and opens the session', async () => {
    const { calls, navigate, user } = await renderPrep(prep(), {
      start_session_now: () => sessionView(),
    });
    await user.click(screen.getByRole('button', { name: 'Start 1:1 Now' }));
    await settle();
    expect(callsOf(calls, 'start_session_now')).toEqual([{ personId: 'p-ada' }]);
    expect(navigate).toHaveBeenCalledWith({ screen: 'session', meetingId: 'm-now' });
  });

  it('resumes a 1:1 in progress without starting another', async () => {
    const running = meeting({ status: 'in_progress', started_at: '2024-11-28T12:40:00Z' });
    const { calls, navigate, user } = await renderPrep(prep({ meeting: running }));
    expect(document.getElementById('prep-badge')).toHaveTextContent('In progress');
    await user.click(screen.getByRole('button', { name: 'Resume 1:1' }));
    await settle();
    expect(callsOf(calls, 'start_session_now')).toEqual([]);
    expect(navigate).toHaveBeenCalledWith({ screen: 'session', meetingId: 'm-now' });
  });

  it('opens the full history of the person', async () => {
    const { navigate, user } = await renderPrep();
    await user.click(screen.getByRole('button', { name: 'View Full History' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'history', personId: 'p-ada' });
  });

  it('explains that prep notes need a scheduled 1:1, and still starts one', async () => {
    const { calls, navigate, user } = await renderPrep(
      prep({ meeting: null, last: null, days_since_last: null, completed_count: 0, average_minutes: null }),
      { start_session_now: () => sessionView({ meeting: meeting({ id: 'm-adhoc', status: 'in_progress' }) }) },
    );
    expect(document.getElementById('prep-last')).toHaveTextContent('No 1:1 yet');
    expect(document.getElementById('prep-next')).toHaveTextContent('Next: Not scheduled');
    expect(document.getElementById('prep-count')).toHaveTextContent(/^1:1 count: 0 total$/);
    expect(screen.getByLabelText("Manager's Prep Notes (Private)")).toBeDisabled();
    expect(document.getElementById('prep-notes-unavailable')).toHaveTextContent('Schedule one with Ada');
    expect(screen.getByRole('button', { name: 'Save Prep Notes' })).toBeDisabled();
    const agenda = document.getElementById('prepare-agenda') as HTMLElement;
    expect(agenda).toHaveTextContent('Schedule a 1:1 to plan its agenda.');
    expect(within(agenda).queryByRole('button')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start 1:1 Now' }));
    await settle();
    expect(callsOf(calls, 'start_session_now')).toHaveLength(1);
    expect(navigate).toHaveBeenCalledWith({ screen: 'session', meetingId: 'm-adhoc' });
  });

  it('shows why the preparation could not load', async () => {
    mockBackend({
      get_prep: () => {
        throw { code: 'not_found', message: 'That person does not exist.' };
      },
    });
    render(Prepare, { personId: 'p-nobody', navigate: vi.fn() });
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('That person does not exist.');
  });
});
