import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionInput, NotesPatch, SessionView } from '../lib/bindings';
import Session from '../lib/Session.svelte';
import { mockBackend, type Call } from './fixtures';
import { iconsIn } from './icons';
import { action, endSummary, meeting, runningMeeting, sessionView, settle, START, useClock } from './loop-fixtures';
import { formatTimeOfDay } from '../lib/time';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

type Handlers = Record<string, (args: unknown) => unknown>;

async function renderSession(view: SessionView = sessionView(), handlers: Handlers = {}, at = '2024-11-28T13:12:05Z') {
  useClock(at);
  const calls: Call[] = mockBackend({
    get_session: () => view,
    save_notes: () => new Date().toISOString(),
    ...handlers,
  });
  const navigate = vi.fn();
  const result = render(Session, { meetingId: 'm-now', navigate });
  await settle();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { calls, navigate, user, ...result };
}

function callsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

function timer(): string {
  return document.getElementById('session-timer')?.textContent ?? '';
}

describe('session screen', () => {
  it('shows the title, the session date and a timer counted from the stored start', async () => {
    await renderSession();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Active 1:1 Session — Ada Okafor');
    expect(document.getElementById('session-date')).toHaveTextContent(/Session date: 28 Nov 2024 2:00 PM/);
    // Started at 13:00:00, opened at 13:12:05: not zero, whatever the mount time.
    expect(timer()).toBe('00:12:05');
    await vi.advanceTimersByTimeAsync(3000);
    expect(timer()).toBe('00:12:08');
    expect(screen.getByRole('timer', { name: 'Elapsed time' })).toBeInTheDocument();
  });

  it('resumes the timer at the right value when the screen is opened again', async () => {
    const first = await renderSession();
    first.unmount();
    await renderSession(sessionView(), {}, '2024-11-28T14:01:02Z');
    expect(timer()).toBe('01:01:02');
  });

  it('changes the format', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      set_meeting_format: () => runningMeeting({ format: 'video' }),
    });
    expect(screen.getByRole('radio', { name: 'In person' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Video call' }));
    await settle();
    expect(callsOf(calls, 'set_meeting_format')).toEqual([{ meetingId: 'm-now', format: 'video' }]);
    expect(document.getElementById('format-video')).toBeChecked();
    expect(document.getElementById('format-phone')).not.toBeChecked();
  });

  it('lists the agenda with time boxes and checks items off', async () => {
    const { calls, user } = await renderSession(sessionView(), { check_agenda_item: () => null });
    const agenda = document.getElementById('agenda') as HTMLElement;
    const rows = agenda.querySelectorAll('li[data-agenda-id]');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Wins & Celebrations');
    expect(rows[0]).toHaveTextContent('(5 min)');
    expect(rows[0]).toHaveTextContent('Recent wins');

    const box = screen.getByRole('checkbox', { name: 'Wins & Celebrations' });
    await user.click(box);
    await settle();
    expect(callsOf(calls, 'check_agenda_item')).toEqual([{ meetingId: 'm-now', itemId: 'ag-1', done: true }]);
    expect(box).toBeChecked();
  });

  it('unchecks an item again when the store refuses', async () => {
    const { user } = await renderSession(sessionView(), {
      check_agenda_item: () => {
        throw { code: 'invalid_input', message: 'This 1:1 was cancelled.' };
      },
    });
    const box = screen.getByRole('checkbox', { name: 'Action Items Review' });
    await user.click(box);
    await settle();
    expect(box).not.toBeChecked();
    expect(screen.getByRole('alert')).toHaveTextContent('This 1:1 was cancelled.');
  });

  it('says who asked to cancel a cancelled 1:1, when it is known', async () => {
    const cancelled = meeting({ status: 'cancelled', cancel_reason: 'Conference', cancelled_by: 'report' });
    const first = await renderSession(sessionView({ meeting: cancelled }));
    expect(screen.getByText(/This 1:1 was cancelled/)).toHaveTextContent(
      'This 1:1 was cancelled by Ada: Conference',
    );
    first.unmount();
    await renderSession(sessionView({ meeting: { ...cancelled, cancelled_by: null } }));
    expect(screen.getByText(/This 1:1 was cancelled/)).toHaveTextContent(
      /^This 1:1 was cancelled: Conference$/,
    );
  });

  it('shows the item the clock is on and the items past their box', async () => {
    // 7 minutes in: the first box (0–5) is over, the second (5–10) is current.
    await renderSession(sessionView(), {}, '2024-11-28T13:07:00Z');
    const row = (id: string) => document.querySelector(`li[data-agenda-id="${id}"]`) as HTMLElement;
    expect(row('ag-1')).toHaveTextContent('2 min over');
    expect(row('ag-2')).toHaveTextContent('Now');
    expect(row('ag-2')).toHaveAttribute('aria-current', 'step');
    expect(row('ag-3')).not.toHaveTextContent('over');
    expect(document.getElementById('session-overrun')).toBeNull();
  });

  it('says when the whole agenda has run over', async () => {
    // 25 planned minutes, 29 minutes in.
    await renderSession(sessionView(), {}, '2024-11-28T13:29:00Z');
    expect(document.getElementById('session-overrun')).toHaveTextContent('Over by 4 min');
  });

  it('edits the agenda: rename, add and remove items', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      set_agenda: (args) =>
        (args as { items: { id: string | null; title: string; minutes: number }[] }).items.map((item, index) => ({
          ...item,
          id: item.id ?? `ag-new-${index}`,
          prompts: [],
          done: false,
        })),
    });
    const edit = screen.getByRole('button', { name: 'Edit Agenda' });
    await user.click(edit);
    expect(edit).toHaveAttribute('aria-expanded', 'true');
    const firstTitle = screen.getByRole('textbox', { name: 'Agenda item 1 title' });
    await user.clear(firstTitle);
    await user.type(firstTitle, 'Wins');
    await user.click(screen.getByRole('button', { name: 'Remove agenda item 3' }));
    await user.click(screen.getByRole('button', { name: '+ Add Item' }));
    await user.type(screen.getByRole('textbox', { name: 'Agenda item 3 title' }), 'Career');
    await user.click(screen.getByRole('button', { name: 'Move agenda item 3 up' }));
    await user.click(screen.getByRole('button', { name: 'Save Agenda' }));
    await settle();
    const sent = callsOf(calls, 'set_agenda')[0] as { meetingId: string; items: { id: string | null; title: string; minutes: number }[] };
    expect(sent.meetingId).toBe('m-now');
    expect(sent.items.map((item) => [item.id, item.title, item.minutes])).toEqual([
      ['ag-1', 'Wins', 5],
      [null, 'Career', 5],
      ['ag-2', 'Action Items Review', 5],
    ]);
    const rows = document.querySelectorAll('#agenda li[data-agenda-id]');
    expect(Array.from(rows).map((row) => row.querySelector('label')?.textContent)).toEqual([
      'Wins',
      'Career',
      'Action Items Review',
    ]);
  });

  it('autosaves live and private notes after typing stops', async () => {
    const { calls, user } = await renderSession();
    const live = document.getElementById('live-notes') as HTMLTextAreaElement;
    expect(screen.getByLabelText('Live Notes (shared with IC after session)')).toBe(live);
    await user.type(live, 'Billing shipped');
    expect(callsOf(calls, 'save_notes')).toEqual([]);
    expect(document.getElementById('save-status')).toHaveTextContent('Saving…');
    await vi.advanceTimersByTimeAsync(600);
    expect(callsOf(calls, 'save_notes')).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(callsOf(calls, 'save_notes')).toEqual([{ meetingId: 'm-now', patch: { shared_notes: 'Billing shipped' } }]);
    expect(document.getElementById('save-status')).toHaveTextContent(/^Saved \d{1,2}:\d\d:\d\d [AP]M$/);

    await user.type(screen.getByLabelText('Private Notes (manager only)'), 'Tired?');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(callsOf(calls, 'save_notes').at(-1)).toEqual({ meetingId: 'm-now', patch: { private_notes: 'Tired?' } });
  });

  it('keeps the text and shows the error when a save fails', async () => {
    let fail = true;
    const { calls, user } = await renderSession(sessionView(), {
      save_notes: () => {
        if (fail) throw { code: 'storage', message: 'The notes could not be written.' };
        return '2024-11-28T13:12:09Z';
      },
    });
    const live = document.getElementById('live-notes') as HTMLTextAreaElement;
    await user.type(live, 'Keep me');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    const status = document.getElementById('save-status');
    expect(status).toHaveAttribute('role', 'alert');
    expect(status).toHaveTextContent('The notes could not be written.');
    expect(live).toHaveValue('Keep me');

    fail = false;
    await user.type(live, '!');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(callsOf(calls, 'save_notes').at(-1)).toEqual({ meetingId: 'm-now', patch: { shared_notes: 'Keep me!' } });
    expect(document.getElementById('save-status')).toHaveTextContent(/^Saved /);
  });

  it('saves a draft at once and says so', async () => {
    const { calls, user } = await renderSession();
    await user.type(document.getElementById('private-notes') as HTMLElement, 'x');
    await user.click(screen.getByRole('button', { name: 'Save Draft' }));
    await settle();
    expect(callsOf(calls, 'save_notes')).toEqual([{ meetingId: 'm-now', patch: { private_notes: 'x' } }]);
    expect(screen.getByRole('status')).toHaveTextContent(/^Draft saved$/);
    expect(iconsIn(screen.getByRole('status'))).toEqual(['check']);
  });

  it('saves typed notes when the screen is left', async () => {
    const { calls, user, unmount } = await renderSession();
    await user.type(document.getElementById('live-notes') as HTMLElement, 'last words');
    unmount();
    await settle();
    expect(callsOf(calls, 'save_notes')).toEqual([{ meetingId: 'm-now', patch: { shared_notes: 'last words' } }]);
  });

  it('adds an action item with its owner and due date (TC-003)', async () => {
    const added: ActionInput[] = [];
    const { calls, user } = await renderSession(sessionView(), {
      add_action_item: (args) => {
        const { input } = args as { personId: string; input: ActionInput };
        added.push(input);
        return action({ id: `a-new-${added.length}`, meeting_id: 'm-now', title: input.title, owner: input.owner, due_on: input.due_on });
      },
    });
    const section = document.getElementById('session-actions') as HTMLElement;
    expect(section).toHaveTextContent('From earlier 1:1s');
    const carried = section.querySelector('li[data-action-id="a-carried"]');
    expect(carried?.querySelector('.action-status')).toHaveTextContent('Overdue');
    expect(iconsIn(carried?.querySelector('.action-status') ?? null)).toEqual(['clock-alert']);
    expect(section).toHaveTextContent('No action items yet');

    await user.click(screen.getByRole('button', { name: '+ Add Action Item' }));
    const title = screen.getByLabelText('Action item');
    expect(title).toHaveFocus();
    const owner = screen.getByLabelText('Owner');
    expect(within(owner).getAllByRole('option').map((option) => [option.getAttribute('value'), option.textContent])).toEqual([
      ['ic', 'Ada'],
      ['manager', 'Me (manager)'],
    ]);
    await user.type(title, 'Escalate Google jobs');
    await user.selectOptions(owner, 'manager');
    await user.type(screen.getByLabelText('Due date'), '2024-12-05');
    await user.click(title);
    await user.keyboard('{Enter}');
    await settle();

    expect(callsOf(calls, 'add_action_item')).toEqual([
      { personId: 'p-ada', input: { title: 'Escalate Google jobs', owner: 'manager', due_on: '2024-12-05', meeting_id: 'm-now' } },
    ]);
    const row = section.querySelector('li[data-action-id="a-new-1"]');
    expect(row).toHaveTextContent('Escalate Google jobs');
    expect(row).toHaveTextContent('You');
    expect(row).toHaveTextContent('5 Dec');
    // The form stays open for the next one, cleared.
    expect(screen.getByLabelText('Action item')).toHaveValue('');

    await user.type(screen.getByLabelText('Action item'), 'Practice client calls');
    await user.selectOptions(screen.getByLabelText('Owner'), 'ic');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await settle();
    expect(added[1]).toEqual({ title: 'Practice client calls', owner: 'ic', due_on: null, meeting_id: 'm-now' });
    const second = section.querySelector('li[data-action-id="a-new-2"]');
    expect(second).toHaveTextContent('Ada');
    expect(second).toHaveTextContent('Ongoing');
  });

  it('adds an action item with a priority', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      add_action_item: () => action({ id: 'a-new', meeting_id: 'm-now', title: 'Ship the fix', priority: 'p1' }),
    });
    await user.click(screen.getByRole('button', { name: '+ Add Action Item' }));
    await user.type(screen.getByLabelText('Action item'), 'Ship the fix');
    await user.selectOptions(document.getElementById('action-priority') as HTMLElement, 'p1');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await settle();
    expect(callsOf(calls, 'add_action_item')).toEqual([
      { personId: 'p-ada', input: { title: 'Ship the fix', owner: 'ic', due_on: null, meeting_id: 'm-now', priority: 'p1' } },
    ]);
    expect(document.querySelector('li[data-action-id="a-new"]')).toHaveTextContent('P1');
  });

  it('heads the action items with the date of the next 1:1, in the 1:1 zone', async () => {
    // 11:30 PM UTC on 4 Dec is already 5 Dec in Paris, where the 1:1 is held.
    await renderSession(sessionView({ next_start: '2024-12-04T23:30:00Z' }));
    expect(document.getElementById('session-actions-title')).toHaveTextContent(/^Action Items \(Next 1:1: 5 Dec\)$/);
  });

  it('heads the action items plainly when no next 1:1 is planned', async () => {
    await renderSession();
    expect(document.getElementById('session-actions-title')).toHaveTextContent(/^Action Items$/);
  });

  it('edits a carried-over item in the session', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      edit_action_item: () =>
        action({ id: 'a-carried', title: 'Complete LinkedIn training (30 min)', due_on: '2024-12-01' }),
    });
    await user.click(screen.getByRole('button', { name: 'Edit “Complete LinkedIn training”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit action item' });
    await user.type(within(dialog).getByLabelText('Action item'), ' (30 min)');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await settle();
    expect(callsOf(calls, 'edit_action_item')).toEqual([
      {
        itemId: 'a-carried',
        edit: { title: 'Complete LinkedIn training (30 min)', owner: 'ic', due_on: '2024-11-26', priority: null },
      },
    ]);
    const row = document.querySelector('li[data-action-id="a-carried"]');
    expect(row).toHaveTextContent('Complete LinkedIn training (30 min)');
    expect(row).toHaveTextContent('1 Dec');
  });

  it('asks for a title before adding an action item', async () => {
    const { calls, user } = await renderSession(sessionView(), { add_action_item: () => action() });
    await user.click(screen.getByRole('button', { name: '+ Add Action Item' }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the action item a title.');
    expect(callsOf(calls, 'add_action_item')).toEqual([]);
  });

  it('updates the status of a carried-over item', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      set_action_status: () => action({ id: 'a-carried', title: 'Complete LinkedIn training', status: 'escalated' }),
    });
    await user.selectOptions(screen.getByRole('combobox', { name: /Status of “Complete LinkedIn training”/ }), 'escalated');
    await settle();
    expect(callsOf(calls, 'set_action_status')).toEqual([{ itemId: 'a-carried', status: 'escalated' }]);
    const status = document.querySelector('li[data-action-id="a-carried"] .action-status');
    expect(status).toHaveTextContent('Escalated');
    expect(iconsIn(status)).toEqual(['triangle-alert']);
  });

  it('saves pending notes, then ends the session and shows the summary', async () => {
    const { calls, user } = await renderSession(sessionView(), { end_session: () => endSummary() });
    await user.type(document.getElementById('live-notes') as HTMLElement, 'Wrap-up');
    await user.click(screen.getByRole('button', { name: 'End Session' }));
    await settle();
    const order = calls.map((call) => call.cmd).filter((cmd) => cmd === 'save_notes' || cmd === 'end_session');
    expect(order).toEqual(['save_notes', 'end_session']);
    expect((callsOf(calls, 'save_notes')[0] as { patch: NotesPatch }).patch).toEqual({ shared_notes: 'Wrap-up' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('End 1:1 Session — Summary');
    expect(document.getElementById('summary-duration')).toHaveTextContent('Session Duration: 00:47:23');
    expect(document.getElementById('session-timer')).toBeNull();
  });

  it('does not end the session while the notes cannot be saved', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      save_notes: () => {
        throw { code: 'storage', message: 'Disk full.' };
      },
      end_session: () => endSummary(),
    });
    await user.type(document.getElementById('live-notes') as HTMLElement, 'Important');
    await user.click(screen.getByRole('button', { name: 'End Session' }));
    await settle();
    expect(callsOf(calls, 'end_session')).toEqual([]);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent).join(' ')).toMatch(/still running/);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Active 1:1 Session');
  });

  it('goes back to the running session from the summary', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      end_session: () => endSummary(),
      resume_session: () => sessionView(),
    });
    await user.click(screen.getByRole('button', { name: 'End Session' }));
    await settle();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(callsOf(calls, 'resume_session')).toEqual([{ meetingId: 'm-now' }]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Active 1:1 Session — Ada Okafor');
    expect(timer()).toMatch(/^00:12:\d\d$/);
  });

  it('reopens on the summary when the session was ended but not saved', async () => {
    const ended = sessionView({ meeting: runningMeeting({ ended_at: '2024-11-28T13:47:23Z' }) });
    const { calls } = await renderSession(ended, { end_session: () => endSummary() });
    expect(callsOf(calls, 'end_session')).toEqual([{ meetingId: 'm-now' }]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('End 1:1 Session — Summary');
  });

  it('schedules the next 1:1 from the dialog', async () => {
    const { calls, user } = await renderSession(sessionView(), {
      propose_next: () => endSummary().next,
      schedule_next: () => meeting({ id: 'm-next', scheduled_start: '2024-12-06T08:30:00Z' }),
    });
    await user.click(screen.getByRole('button', { name: 'Schedule Next 1:1' }));
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Schedule Next 1:1' });
    expect(within(dialog).getByText(/Thu 5 Dec 2024, 2:00 PM/)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Recurring weekly' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Custom' }));
    expect(within(dialog).getByLabelText('Date')).toHaveValue('2024-12-05');
    expect(within(dialog).getByLabelText('Time')).toHaveValue(formatTimeOfDay('14:00'));
    await user.clear(within(dialog).getByLabelText('Date'));
    await user.type(within(dialog).getByLabelText('Date'), '2024-12-06');
    await user.clear(within(dialog).getByLabelText('Time'));
    await user.type(within(dialog).getByLabelText('Time'), '09:30');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    await settle();
    expect(callsOf(calls, 'schedule_next')).toEqual([
      { meetingId: 'm-now', plan: { mode: 'one_time', slot: { date: '2024-12-06', time: '09:30', time_zone: 'Europe/Paris' } } },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Next 1:1 scheduled for 6 Dec');
  });

  it('shows a held 1:1 without a timer, notes still editable', async () => {
    const held = sessionView({
      meeting: runningMeeting({ status: 'completed', ended_at: '2024-11-28T13:40:00Z', shared_notes: 'Done.' }),
    });
    await renderSession(held);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('1:1 Session — Ada Okafor');
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveTextContent('Active');
    expect(document.getElementById('session-timer')).toBeNull();
    expect(screen.queryByRole('button', { name: 'End Session' })).toBeNull();
    expect(document.getElementById('live-notes')).toHaveValue('Done.');
    expect(document.getElementById('live-notes')).toBeEnabled();
  });

  it('starts a scheduled 1:1 opened from the calendar', async () => {
    const scheduled = sessionView({ meeting: meeting({ agenda: [] }) });
    const { calls, user } = await renderSession(scheduled, { start_session: () => sessionView() }, START);
    expect(document.getElementById('session-timer')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start 1:1' }));
    await settle();
    expect(callsOf(calls, 'start_session')).toEqual([{ meetingId: 'm-now' }]);
    expect(timer()).toBe('00:00:00');
  });
});
