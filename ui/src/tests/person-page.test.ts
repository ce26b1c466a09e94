import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionInput, PersonPage as PageData } from '../lib/bindings';
import PersonPage from '../lib/PersonPage.svelte';
import {
  TEMPLATES,
  action,
  highlight,
  meeting,
  person,
  personPage,
  series,
} from './builders';
import { commands, mockBackend, type Call } from './fixtures';
import { iconsIn } from './icons';
import { formatTimeOfDay } from '../lib/time';

afterEach(() => {
  clearMocks();
});

type Handlers = Record<string, (args: unknown) => unknown>;

async function renderPage(
  data: PageData | ((args: unknown) => PageData),
  handlers: Handlers = {},
): Promise<{
  calls: Call[];
  navigate: ReturnType<typeof vi.fn>;
  onpeoplechanged: ReturnType<typeof vi.fn>;
  user: ReturnType<typeof userEvent.setup>;
}> {
  const calls = mockBackend({
    get_person_page: typeof data === 'function' ? data : () => data,
    list_templates: () => TEMPLATES,
    ...handlers,
  });
  const navigate = vi.fn();
  const onpeoplechanged = vi.fn();
  render(PersonPage, { props: { personId: 'p-ada', navigate, onpeoplechanged } });
  await screen.findByRole('heading', { level: 1, name: /Ada Okafor/ });
  return { calls, navigate, onpeoplechanged, user: userEvent.setup() };
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function pageLoads(calls: Call[]): unknown[] {
  return calls.filter((call) => call.cmd === 'get_person_page').map((call) => call.args);
}

describe('person page: header', () => {
  it('shows who the person is and their rhythm, proposed by level', async () => {
    await renderPage(personPage());
    expect(byId('person-title')).toHaveTextContent('Ada Okafor');
    expect(byId('person-role')).toHaveTextContent('Backend engineer');
    expect(byId('person-level')).toHaveTextContent('Senior');
    expect(byId('person-email')).toHaveTextContent('ada@example.com');
    expect(byId('person-cadence')).toHaveTextContent('Every two weeks (proposed for Senior)');
    expect(byId('person-career')).toHaveTextContent('Every month (proposed for Senior)');
  });

  it("shows the manager's own rhythm without the proposal", async () => {
    await renderPage(
      personPage({
        person: person({ cadence: 'weekly', career_talk_every_days: 21 }),
        cadence: 'weekly',
        career_talk_every_days: 21,
      }),
    );
    expect(byId('person-cadence')).toHaveTextContent(/^Weekly$/);
    expect(byId('person-career')).toHaveTextContent(/^Every 21 days$/);
  });

  it('goes to the preparation screen', async () => {
    const { navigate, user } = await renderPage(personPage());
    await user.click(screen.getByRole('button', { name: 'Prepare' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'prepare', personId: 'p-ada' });
  });

  it('lists the current focus areas', async () => {
    await renderPage(personPage());
    const section = screen.getByRole('region', { name: 'Current Focus Areas' });
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Lead the billing migration',
      'Mentor the new hires',
    ]);
  });

  it('archives, tells the sidebar, and offers to restore', async () => {
    let archived = false;
    const { calls, onpeoplechanged, user } = await renderPage(
      () => personPage({ person: person({ archived }) }),
      {
        set_person_archived: (args) => {
          archived = (args as { archived: boolean }).archived;
          return person({ archived });
        },
      },
    );
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'set_person_archived')?.args).toEqual({
      personId: 'p-ada',
      archived: true,
    });
    expect(onpeoplechanged).toHaveBeenCalledOnce();
    expect(screen.getByText('Archived')).toBeInTheDocument();
  });

  it('shows an archiving failure and changes nothing', async () => {
    const { onpeoplechanged, user } = await renderPage(personPage(), {
      set_person_archived: () => {
        throw { code: 'storage', message: 'The notebook is read-only.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The notebook is read-only.');
    expect(screen.getByRole('button', { name: 'Archive' })).toBeInTheDocument();
    expect(onpeoplechanged).not.toHaveBeenCalled();
  });

  it('edits the person with their current values, and tells the sidebar', async () => {
    let name = 'Ada Okafor';
    const { calls, onpeoplechanged, user } = await renderPage(
      () => personPage({ person: person({ name }) }),
      {
        update_person: (args) => {
          name = (args as { input: { name: string } }).input.name;
          return person({ name });
        },
      },
    );
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Ada Okafor' });
    // Ids stay unique while the form is open over the facts.
    expect(document.querySelectorAll('#person-role')).toHaveLength(1);
    expect(within(dialog).getByLabelText('Role')).toHaveValue('Backend engineer');
    expect(within(dialog).getByLabelText('Current focus areas')).toHaveValue(
      'Lead the billing migration\nMentor the new hires',
    );
    const nameField = within(dialog).getByLabelText('Name');
    await user.clear(nameField);
    await user.type(nameField, 'Ada Okafor-Lee');
    await user.click(within(dialog).getByRole('button', { name: 'Save person' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ada Okafor-Lee' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'update_person')?.args).toMatchObject({
      personId: 'p-ada',
      input: { name: 'Ada Okafor-Lee', role: 'Backend engineer', level: 'senior' },
    });
    expect(onpeoplechanged).toHaveBeenCalledOnce();
    expect(byId('person-role')).toHaveTextContent('Backend engineer');
  });

  it('shows a page that cannot be loaded', async () => {
    mockBackend({
      get_person_page: () => {
        throw { code: 'not_found', message: 'That person does not exist.' };
      },
    });
    render(PersonPage, { props: { personId: 'p-gone', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
    expect(await screen.findByRole('alert')).toHaveTextContent('That person does not exist.');
  });
});

describe('person page: next 1:1 and schedule', () => {
  it('shows the next 1:1 in its zone and the series', async () => {
    await renderPage(personPage());
    const next = byId('person-next');
    expect(next).toHaveTextContent(/Thu 28 Nov( 2024)? (2:00\sPM|14:00)/);
    expect(next).toHaveTextContent('30 min · Video call');
    const seriesRow = document.querySelector('[data-series-id="s-weekly"]');
    expect(seriesRow).toHaveTextContent('Weekly on Thursday at 2:00 PM (Europe/Paris), 30 min');
  });

  it('moves one 1:1', async () => {
    const { calls, user } = await renderPage(personPage(), {
      reschedule_meeting: () => meeting({ scheduled_start: '2024-11-29T09:00:00Z' }),
    });
    await user.click(screen.getByRole('button', { name: 'Move' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move the 1:1 with Ada' });
    expect(dialog).toHaveTextContent('Only this 1:1 moves');
    expect(within(dialog).getByLabelText('New day')).toHaveValue('2024-11-28');
    expect(within(dialog).getByLabelText('At')).toHaveValue(formatTimeOfDay('14:00'));
    expect(within(dialog).getByLabelText('Time zone')).toHaveValue('Europe/Paris');

    const day = within(dialog).getByLabelText('New day');
    await user.clear(day);
    await user.type(day, '2024-11-29');
    const time = within(dialog).getByLabelText('At');
    await user.clear(time);
    await user.type(time, '10:00');
    await user.click(within(dialog).getByRole('button', { name: 'Move 1:1' }));

    // The move is saved and shown before the manager decides whether to tell Ada.
    const done = await screen.findByRole('dialog', { name: '1:1 moved' });
    expect(done).toHaveAccessibleDescription(/^Moved to .+\. Let Ada know:$/);
    expect(calls.find((call) => call.cmd === 'reschedule_meeting')?.args).toEqual({
      meetingId: 'm-next',
      slot: { date: '2024-11-29', time: '10:00', time_zone: 'Europe/Paris' },
    });
    await waitFor(() => expect(pageLoads(calls)).toHaveLength(2));
    expect(screen.getByText('The 1:1 is moved.')).toHaveAttribute('role', 'status');

    await user.click(within(done).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move' })).toHaveFocus();
    expect(pageLoads(calls)).toHaveLength(2);
  });

  it('offers to send the update of a moved 1:1, then refreshes the share log', async () => {
    const { calls, user } = await renderPage(personPage(), {
      reschedule_meeting: () => meeting({ scheduled_start: '2024-11-29T09:00:00Z' }),
      email_invite: () => '/cache/drafts/invite.eml',
    });
    await user.click(screen.getByRole('button', { name: 'Move' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Move 1:1' }),
    );
    const done = await screen.findByRole('dialog', { name: '1:1 moved' });
    await waitFor(() => expect(pageLoads(calls)).toHaveLength(2));
    await user.click(byId('send-update'));
    await waitFor(() => expect(pageLoads(calls)).toHaveLength(3));
    expect(calls.find((call) => call.cmd === 'email_invite')?.args).toEqual({
      target: { meeting: 'm-next' },
    });
    expect(within(done).getByRole('status')).toHaveTextContent('Draft opened in your mail app');
    // Escape is the same as Done: the move stays.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('cancels a 1:1 only with who asked and a reason', async () => {
    const { calls, user } = await renderPage(personPage(), {
      cancel_meeting: () =>
        meeting({ status: 'cancelled', cancel_reason: 'Offsite', cancelled_by: 'manager' }),
    });
    await user.click(screen.getByRole('button', { name: 'Cancel 1:1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the 1:1 with Ada' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say who asked to cancel');
    expect(commands(calls)).not.toContain('cancel_meeting');

    await user.click(within(dialog).getByLabelText('I did'));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why the 1:1 is cancelled');
    expect(commands(calls)).not.toContain('cancel_meeting');

    await user.type(within(dialog).getByLabelText('Reason'), 'Team offsite');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    const done = await screen.findByRole('dialog', { name: '1:1 cancelled' });
    expect(done).toHaveAccessibleDescription('Cancelled. Let Ada know:');
    expect(calls.find((call) => call.cmd === 'cancel_meeting')?.args).toEqual({
      meetingId: 'm-next',
      reason: 'Team offsite',
      by: 'manager',
    });
    await waitFor(() => expect(pageLoads(calls)).toHaveLength(2));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the cancel dialog open with the backend message on failure', async () => {
    const { calls, user } = await renderPage(personPage(), {
      cancel_meeting: () => {
        throw { code: 'invalid_input', message: 'Only a 1:1 that has not started can be cancelled.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Cancel 1:1' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('Ada did'));
    await user.type(within(dialog).getByLabelText('Reason'), 'Sick');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only a 1:1 that has not started can be cancelled.',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(pageLoads(calls)).toHaveLength(1);
  });

  it('closes a dialog with Escape or its dismiss button, changing nothing', async () => {
    const { calls, user } = await renderPage(personPage());
    await user.click(screen.getByRole('button', { name: 'Cancel 1:1' }));
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Focus goes back to the button that opened it.
    expect(screen.getByRole('button', { name: 'Cancel 1:1' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Cancel 1:1' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Keep 1:1' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(commands(calls).filter((cmd) => cmd !== 'get_reminder_offsets')).toEqual([
      'get_person_page',
    ]);
  });

  it('offers to resume a 1:1 in progress instead of moving it', async () => {
    const { navigate, user } = await renderPage(
      personPage({ next_meeting: meeting({ status: 'in_progress' }) }),
    );
    const next = byId('person-next');
    expect(within(next).getByText('In progress')).toBeInTheDocument();
    expect(within(next).queryByRole('button', { name: 'Move' })).not.toBeInTheDocument();
    await user.click(within(next).getByRole('button', { name: 'Resume' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'session', meetingId: 'm-next' });
  });

  it('says when nothing is scheduled', async () => {
    await renderPage(personPage({ next_meeting: null, series: [] }));
    expect(document.getElementById('person-next')).not.toBeInTheDocument();
    expect(screen.getByText(/Nothing scheduled/)).toBeInTheDocument();
  });

  it('sets up a series with the cadence of the person as default', async () => {
    const { calls, user } = await renderPage(personPage({ series: [] }), {
      create_series: () => series({ frequency: 'biweekly' }),
    });
    await user.click(screen.getByRole('button', { name: 'Schedule 1:1s' }));
    const dialog = await screen.findByRole('dialog', { name: 'Schedule 1:1s with Ada' });
    expect(within(dialog).getByLabelText('Repeats')).toHaveValue('biweekly');
    await user.selectOptions(within(dialog).getByLabelText('On'), 'thu');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    expect(calls.find((call) => call.cmd === 'create_series')?.args).toMatchObject({
      personId: 'p-ada',
      input: { frequency: 'biweekly', weekday: 'thu', local_time: '14:00', duration_minutes: 30 },
    });
    // Saved and shown at once; the dialog then offers to invite the person.
    const invite = await screen.findByRole('dialog', { name: '1:1s scheduled' });
    await waitFor(() => expect(pageLoads(calls)).toHaveLength(2));
    expect(screen.getByText('The recurring 1:1 is set up.')).toBeInTheDocument();
    expect(within(invite).getByRole('button', { name: 'Send invite' })).toBeInTheDocument();
    expect(within(invite).getByRole('button', { name: 'Save invite (.ics)…' })).toBeInTheDocument();
    expect(calls.some((call) => call.cmd === 'email_invite')).toBe(false);
    await user.click(within(invite).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('changes the whole series, saying so', async () => {
    const { calls, user } = await renderPage(personPage(), {
      update_series: () => series({ local_time: '15:00:00' }),
    });
    await user.click(screen.getByRole('button', { name: 'Change schedule' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the 1:1s with Ada' });
    expect(dialog).toHaveTextContent('This moves the whole series');
    expect(within(dialog).getByLabelText('Repeats')).toHaveValue('weekly');
    expect(within(dialog).getByLabelText('On')).toHaveValue('thu');
    expect(within(dialog).getByLabelText('At')).toHaveValue(formatTimeOfDay('14:00'));
    expect(within(dialog).getByLabelText('Starting')).toHaveValue('2024-01-18');
    const time = within(dialog).getByLabelText('At');
    await user.clear(time);
    await user.type(time, '15:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    const done = await screen.findByRole('dialog', { name: 'Schedule changed' });
    expect(done).toHaveAccessibleDescription(
      'Weekly on Thursday at 3:00 PM (Europe/Paris), 30 min. Let Ada know:',
    );
    await waitFor(() => expect(pageLoads(calls)).toHaveLength(2));
    await user.click(byId('share-done'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'update_series')?.args).toEqual({
      seriesId: 's-weekly',
      input: {
        frequency: 'weekly',
        weekday: 'thu',
        last_of_month: false,
        local_time: '15:00',
        time_zone: 'Europe/Paris',
        duration_minutes: 30,
        format: 'video',
        template_id: null,
        starts_on: '2024-01-18',
      },
    });
  });

  it('ends a series after a chosen day', async () => {
    const { calls, user } = await renderPage(personPage(), {
      end_series: () => series({ ends_on: '2024-12-31' }),
    });
    await user.click(screen.getByRole('button', { name: 'End series' }));
    const dialog = await screen.findByRole('dialog', { name: 'End the 1:1s with Ada' });
    const day = within(dialog).getByLabelText('Last day');
    await user.clear(day);
    await user.type(day, '2024-12-31');
    await user.click(within(dialog).getByRole('button', { name: 'End series' }));
    const done = await screen.findByRole('dialog', { name: 'Series ended' });
    expect(done).toHaveAccessibleDescription(/^No more 1:1s after Tue 31 Dec.*\. Let Ada know:$/);
    await waitFor(() => expect(pageLoads(calls)).toHaveLength(2));
    await user.click(byId('share-done'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'end_series')?.args).toEqual({
      seriesId: 's-weekly',
      lastDay: '2024-12-31',
    });
  });

  it('warns after three cancellations in two months, not before', async () => {
    await renderPage(personPage({ cancelled_last_60_days: 2 }));
    expect(screen.queryByText(/cancelled in the last two months/)).not.toBeInTheDocument();
  });

  it('shows the cancellation warning', async () => {
    await renderPage(personPage({ cancelled_last_60_days: 3 }));
    expect(byId('person-cancel-warning')).toHaveTextContent(
      '3 1:1s cancelled in the last two months',
    );
  });
});

describe('person page: action items', () => {
  const page = () =>
    personPage({
      open_theirs: [
        action(),
        action({
          id: 'a-late',
          title: 'Write the RFC',
          due_on: '2024-11-20',
          overdue: true,
          days_overdue: 7,
          status: 'partial',
          history: [
            { status: 'open', due_on: '2024-11-20', changed_at: '2024-11-07T14:00:00Z' },
            { status: 'partial', due_on: '2024-11-20', changed_at: '2024-11-14T14:00:00Z' },
          ],
        }),
      ],
      open_mine: [action({ id: 'a-mine', title: 'Book the training', owner: 'manager', due_on: null })],
    });

  it('splits theirs and mine, with status, due date and overdue flag', async () => {
    await renderPage(page());
    const theirs = byId('person-actions-theirs');
    const items = within(theirs).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-action-id'))).toEqual(['a-1', 'a-late']);
    expect(items[0]).toHaveTextContent(/Due Sat 30 Nov/);
    expect(within(items[0]!).getByLabelText('Status of Draft the migration plan')).toHaveValue('open');
    expect(within(items[0]!).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(items[1]!).getByText('Overdue')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('7 days');
    expect(within(items[1]!).getByLabelText('Status of Write the RFC')).toHaveValue('partial');

    const mine = byId('person-actions-mine');
    expect(within(mine).getByRole('listitem')).toHaveAttribute('data-action-id', 'a-mine');
    expect(mine).toHaveTextContent('Ongoing');
  });

  it("lets the manager mark an IC's item done", async () => {
    const { calls, user } = await renderPage(page(), {
      set_action_status: () => action({ status: 'done' }),
    });
    const select = screen.getByLabelText('Status of Draft the migration plan');
    await user.selectOptions(select, 'done');
    expect(calls.find((call) => call.cmd === 'set_action_status')?.args).toEqual({
      itemId: 'a-1',
      status: 'done',
    });
    await waitFor(() => expect(select).toHaveValue('done'));
    // It stays listed so the change can be seen, and undone.
    expect(byId('person-actions-theirs').querySelector('[data-action-id="a-1"]')).toBeInTheDocument();
  });

  it('puts the status back when the change fails', async () => {
    const { user } = await renderPage(page(), {
      set_action_status: () => {
        throw { code: 'not_found', message: 'That action item no longer exists.' };
      },
    });
    const select = screen.getByLabelText('Status of Draft the migration plan');
    await user.selectOptions(select, 'dropped');
    expect(await screen.findByRole('alert')).toHaveTextContent('That action item no longer exists.');
    expect(select).toHaveValue('open');
  });

  it('shows the dated history of status changes on demand', async () => {
    const { user } = await renderPage(page());
    expect(screen.queryByRole('list', { name: 'Status history of Write the RFC' })).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'History (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const history = screen.getByRole('list', { name: 'Status history of Write the RFC' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries[0]).toHaveTextContent(/Thu 7 Nov.*Open.*due Wed 20 Nov/);
    expect(entries[1]).toHaveTextContent(/Thu 14 Nov.*Partial/);
  });

  it('says when nothing is open', async () => {
    await renderPage(personPage());
    expect(screen.getByText("Nothing open on Ada's side.")).toBeInTheDocument();
    expect(screen.getByText('Nothing you owe Ada.')).toBeInTheDocument();
  });

  it('adds an action item outside any 1:1, in the column of its owner', async () => {
    const { calls, user } = await renderPage(page(), {
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
    await user.click(byId('person-add-action'));
    const dialog = await screen.findByRole('dialog', { name: 'New action item for Ada' });
    expect(within(dialog).getByLabelText('Action item')).toHaveAttribute('id', 'person-action-title');
    await user.type(within(dialog).getByLabelText('Action item'), 'Ask finance about the budget');
    await user.selectOptions(within(dialog).getByLabelText('Owner'), 'manager');
    await user.selectOptions(within(dialog).getByLabelText('Priority'), 'p1');
    await user.click(byId('person-action-save'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((call) => call.cmd === 'add_action_item').map((call) => call.args)).toEqual([
      {
        personId: 'p-ada',
        input: { title: 'Ask finance about the budget', owner: 'manager', due_on: null, meeting_id: null, priority: 'p1' },
      },
    ]);
    const added = byId('person-actions-mine').querySelector('[data-action-id="a-added"]');
    expect(added).toHaveTextContent('Ask finance about the budget');
    expect(added).toHaveTextContent('P1');
    expect(byId('person-actions-theirs').querySelector('[data-action-id="a-added"]')).toBeNull();
  });

  it('moves an edited item to the column of its new owner', async () => {
    const { calls, user } = await renderPage(page(), {
      edit_action_item: () => action({ owner: 'manager' }),
    });
    await user.click(screen.getByRole('button', { name: 'Edit “Draft the migration plan”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit action item' });
    await user.selectOptions(within(dialog).getByLabelText('Owner'), 'manager');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((call) => call.cmd === 'edit_action_item')?.args).toEqual({
      itemId: 'a-1',
      edit: { title: 'Draft the migration plan', owner: 'manager', due_on: '2024-11-30', priority: null },
    });
    expect(byId('person-actions-theirs').querySelector('[data-action-id="a-1"]')).toBeNull();
    expect(byId('person-actions-mine').querySelector('[data-action-id="a-1"]')).toBeInTheDocument();
  });
});

describe('person page: wins and concerns', () => {
  it('lists highlights with kind, date and text, marking private ones', async () => {
    await renderPage(
      personPage({
        highlights: [
          highlight(),
          highlight({
            id: 'h-2',
            kind: 'concern',
            occurred_on: '2024-11-18',
            text: undefined,
            private_text: 'Seems tired lately',
          }),
        ],
      }),
    );
    const items = within(byId('person-highlights')).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Win.*Wed 20 Nov.*Shipped the invoice export/);
    expect(within(items[0]!).queryByText('Private')).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent(/Concern.*Mon 18 Nov.*Seems tired lately/);
    expect(within(items[1]!).getByText('Private')).toBeInTheDocument();
    expect(items.map((item) => iconsIn(item.querySelector('.highlight-kind')))).toEqual([
      ['party-popper'],
      ['triangle-alert'],
    ]);
  });

  it('logs a win and shows it', async () => {
    let highlights = [highlight()];
    const { calls, user } = await renderPage(() => personPage({ highlights }), {
      add_highlight: () => {
        const added = highlight({ id: 'h-new', text: 'Great demo', occurred_on: '2024-11-26' });
        highlights = [added, ...highlights];
        return added;
      },
    });
    await user.click(screen.getByRole('button', { name: 'Log win or concern' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('What happened'), 'Great demo');
    await user.click(within(dialog).getByRole('button', { name: 'Log it' }));
    expect(await screen.findByText('Great demo')).toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'add_highlight')?.args).toMatchObject({
      personId: 'p-ada',
      input: { kind: 'win', text: 'Great demo', private: false },
    });
  });

  it('deletes a highlight after confirming', async () => {
    const { calls, user } = await renderPage(personPage({ highlights: [highlight()] }), {
      delete_highlight: () => null,
    });
    await user.click(screen.getByRole('button', { name: /^Delete win of Wed 20 Nov/ }));
    expect(commands(calls)).not.toContain('delete_highlight');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(calls.find((call) => call.cmd === 'delete_highlight')?.args).toEqual({
        highlightId: 'h-1',
      }),
    );
  });

  it('has an empty state', async () => {
    await renderPage(personPage());
    expect(document.getElementById('person-highlights')).not.toBeInTheDocument();
    expect(screen.getByText(/Nothing logged yet/)).toBeInTheDocument();
  });
});

describe('person page: meeting history', () => {
  const held = meeting({
    id: 'm-held',
    status: 'completed',
    scheduled_start: '2024-11-21T13:00:00Z',
    started_at: '2024-11-21T13:02:00Z',
    ended_at: '2024-11-21T13:34:00Z',
    shared_notes: '## Billing\n- **Q1** goal agreed\n<script>alert(1)</script>',
    private_notes: 'Ask about *workload*',
    agenda: [
      { id: 'ag-1', title: 'Check-in', minutes: 5, prompts: [], done: true },
      { id: 'ag-2', title: 'Career', minutes: 10, prompts: [], done: false },
    ],
  });
  const cancelled = meeting({
    id: 'm-cancelled',
    status: 'cancelled',
    scheduled_start: '2024-11-14T13:00:00Z',
    cancel_reason: 'Ada was ill',
  });
  const requested = meeting({
    id: 'm-requested',
    series_id: null,
    kind: 'requested',
    topic: 'Promotion path',
    status: 'completed',
    scheduled_start: '2024-11-08T10:00:00Z',
    started_at: '2024-11-08T10:00:00Z',
    ended_at: '2024-11-08T10:45:00Z',
  });

  it('lists past 1:1s collapsed, with date, duration, kind and reason', async () => {
    await renderPage(
      personPage({ history: [held, cancelled, requested], history_total: 3 }),
    );
    const items = byId('person-history').querySelectorAll<HTMLElement>('li.history-item');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(/Thu 21 Nov.*32 min/);
    expect(items[1]).toHaveTextContent(/Thu 14 Nov.*Cancelled.*Ada was ill/);
    expect(items[2]).toHaveTextContent(/Fri 8 Nov.*45 min.*Requested by Ada: Promotion path/);
    expect(screen.queryByText('Q1')).not.toBeInTheDocument();
    expect(screen.queryByText(/Showing/)).not.toBeInTheDocument();
  });

  it('says who asked to cancel a past 1:1, when it is known', async () => {
    const byAda = meeting({
      ...cancelled,
      id: 'm-by-ada',
      cancelled_by: 'report',
      cancel_reason: 'Conference',
    });
    const byMe = meeting({
      ...cancelled,
      id: 'm-by-me',
      scheduled_start: '2024-11-07T13:00:00Z',
      cancelled_by: 'manager',
      cancel_reason: 'Offsite',
    });
    const { user } = await renderPage(
      personPage({ history: [byAda, byMe, cancelled], history_total: 3 }),
    );
    const items = byId('person-history').querySelectorAll<HTMLElement>('li.history-item');
    expect(items[0]).toHaveTextContent(/Cancelled\s*by Ada: Conference/);
    expect(items[1]).toHaveTextContent(/Cancelled\s*by you: Offsite/);
    // Recorded before Rapport asked: told as before.
    expect(items[2]).toHaveTextContent(/Cancelled\s*Ada was ill/);
    expect(items[2]).not.toHaveTextContent(/by (you|Ada)/);

    await user.click(within(items[1]!).getAllByRole('button')[0]!);
    expect(items[1]).toHaveTextContent('Cancelled by you: Offsite. It was planned for 30 min.');
    await user.click(within(items[2]!).getAllByRole('button')[0]!);
    expect(items[2]).toHaveTextContent('Cancelled: Ada was ill. It was planned for 30 min.');
  });

  it('expands a 1:1 to its notes, rendered and sanitized, private ones labelled', async () => {
    const { user } = await renderPage(personPage({ history: [held], history_total: 1 }));
    const item = byId('person-history').querySelector<HTMLElement>('li.history-item')!;
    const toggle = within(item).getAllByRole('button')[0]!;
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(iconsIn(toggle)).toEqual(['chevron-right']);
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(iconsIn(toggle)).toEqual(['chevron-down']);

    const shared = within(item).getByRole('region', { name: 'Shared notes' });
    expect(within(shared).getByRole('heading', { name: 'Billing' })).toBeInTheDocument();
    expect(within(shared).getByText('Q1').tagName).toBe('STRONG');
    expect(shared.querySelector('script')).toBeNull();
    const privateNotes = within(item).getByRole('region', { name: 'Private notes' });
    expect(within(privateNotes).getByText('Private')).toBeInTheDocument();
    expect(within(privateNotes).getByText('workload').tagName).toBe('EM');
    expect(item).toHaveTextContent('Agenda: 1 of 2 covered');

    await user.click(toggle);
    expect(within(item).queryByRole('region', { name: 'Shared notes' })).not.toBeInTheDocument();
  });

  it('opens the full history screen', async () => {
    const { calls, navigate, user } = await renderPage(
      personPage({ history: [held], history_total: 3 }),
    );
    expect(pageLoads(calls)).toEqual([{ personId: 'p-ada', historyLimit: 20 }]);
    expect(screen.getByText('Showing 1 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'View Full History' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'history', personId: 'p-ada' });
  });

  it('offers the full history even when every 1:1 is shown', async () => {
    await renderPage(personPage({ history: [held], history_total: 1 }));
    expect(document.getElementById('view-full-history')).toBeInTheDocument();
  });

  it('has an empty state', async () => {
    await renderPage(personPage());
    expect(screen.getByText(/No 1:1 held yet/)).toBeInTheDocument();
  });
});
