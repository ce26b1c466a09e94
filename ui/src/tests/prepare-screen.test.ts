import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Prep } from '../lib/bindings';
import Prepare from '../lib/Prepare.svelte';
import { mockBackend, type Call } from './fixtures';
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
    expect(document.getElementById('prep-last')).toHaveTextContent('Last 1:1: Nov 21, 2024 (7 days ago)');
    expect(document.getElementById('prep-next')).toHaveTextContent(/^Next: Nov 28, 2024 2:00 PM/);
    expect(document.getElementById('prep-count')).toHaveTextContent(
      '1:1 count: 18 total (avg duration: 42 minutes)',
    );
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
    expect(screen.getByRole('heading', { name: 'Recent Wins' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Areas of Concern' })).toBeInTheDocument();
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
    expect(row('a-done')).toHaveTextContent('✅ Done');
    expect(row('a-done')).toHaveTextContent('Ada');
    expect(row('a-partial')).toHaveTextContent('◐ Partial');
    expect(row('a-partial')).toHaveTextContent('Nov 25');
    expect(row('a-overdue')).toHaveTextContent('🔴 Overdue');
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
    expect(row).toHaveTextContent('✅ Done');
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
    expect(screen.getByRole('status')).toHaveTextContent('Prep notes saved ✓');
  });

  it('saves the prep notes by itself about a second after typing stops', async () => {
    const { calls, user } = await renderPrep();
    await user.type(screen.getByLabelText("Manager's Prep Notes (Private)"), '!');
    await vi.advanceTimersByTimeAsync(900);
    expect(callsOf(calls, 'save_prep_notes')).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(callsOf(calls, 'save_prep_notes')).toEqual([{ meetingId: 'm-now', notes: '- Start with wins!' }]);
    await settle();
    expect(document.getElementById('prep-save-status')).toHaveTextContent(/^Saved \d\d:\d\d:\d\d$/);
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
