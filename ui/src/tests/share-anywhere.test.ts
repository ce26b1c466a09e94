// Sharing with the IC from anywhere: a held 1:1's notes from the history and
// the 1:1's own screen, the invite before a 1:1, and the update or the
// cancellation once a 1:1 or a series changed.
import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryPage, MeetingView as ViewData } from '../lib/bindings';
import CancelDialog from '../lib/CancelDialog.svelte';
import EndSeriesDialog from '../lib/EndSeriesDialog.svelte';
import History from '../lib/History.svelte';
import MeetingView from '../lib/MeetingView.svelte';
import PersonPage from '../lib/PersonPage.svelte';
import Prepare from '../lib/Prepare.svelte';
import RescheduleDialog from '../lib/RescheduleDialog.svelte';
import SeriesForm from '../lib/SeriesForm.svelte';
import { TEMPLATES, meeting, person, personPage, series } from './builders';
import { commands, mockBackend, type Call } from './fixtures';
import { prep, settle, useClock } from './loop-fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

type Handlers = Record<string, (args: unknown) => unknown>;

const HELD = meeting({
  id: 'm-past',
  status: 'completed',
  scheduled_start: '2024-11-21T13:00:00Z',
  started_at: '2024-11-21T13:02:00Z',
  ended_at: '2024-11-21T13:34:00Z',
  shared_notes: 'Billing export ships in Q1.',
  private_notes: 'Seems tired.',
});

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function argsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

function thrown(message: string): () => never {
  return () => {
    throw { code: 'io', message };
  };
}

async function renderView(handlers: Handlers = {}, data: Partial<ViewData> = {}) {
  const view: ViewData = { person: person(), meeting: HELD, action_items: [], highlights: [], ...data };
  const calls = mockBackend({ get_meeting_view: () => view, ...handlers });
  render(MeetingView, { props: { meetingId: view.meeting.id, navigate: vi.fn() } });
  await screen.findByRole('heading', { level: 1 });
  return { calls, user: userEvent.setup() };
}

describe('share menu of a held 1:1', () => {
  it('is a menu button whose items are buttons, with the privacy hint', async () => {
    const { user } = await renderView();
    const button = byId('share-menu-m-past');
    expect(button).toHaveClass('share-menu-button');
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: /Share/ });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => [item.id, item.textContent?.trim(), item.tagName])).toEqual([
      ['email-notes-m-past', 'Email notes to Ada…', 'BUTTON'],
      ['copy-notes-m-past', 'Copy shared notes', 'BUTTON'],
      ['save-notes-md-m-past', 'Save as Markdown…', 'BUTTON'],
      ['save-notes-html-m-past', 'Save as web page (HTML)…', 'BUTTON'],
      ['save-notes-txt-m-past', 'Save as text…', 'BUTTON'],
    ]);
    expect(menu).toHaveAccessibleDescription('Private notes are never included.');
    expect(items[0]).toHaveFocus();
  });

  it.each([
    ['email-notes', 'share_email_draft', { meetingId: 'm-past' }, '/cache/drafts/a.eml', 'Draft opened in your mail app'],
    ['copy-notes', 'copy_shared_notes', { meetingId: 'm-past' }, null, 'Copied'],
    ['save-notes-md', 'save_shared_notes', { meetingId: 'm-past', format: 'md' }, '/home/sam/ada.md', 'Saved to /home/sam/ada.md'],
    ['save-notes-html', 'save_shared_notes', { meetingId: 'm-past', format: 'html' }, '/home/sam/ada.html', 'Saved to /home/sam/ada.html'],
    ['save-notes-txt', 'save_shared_notes', { meetingId: 'm-past', format: 'txt' }, '/home/sam/ada.txt', 'Saved to /home/sam/ada.txt'],
  ])('%s calls %s and says what it did', async (item, cmd, args, result, said) => {
    const { calls, user } = await renderView({ [cmd]: () => result });
    await user.click(byId('share-menu-m-past'));
    await user.click(byId(`${item}-m-past`));
    await waitFor(() => expect(byId('toast')).toHaveTextContent(said));
    expect(argsOf(calls, cmd)).toEqual([args]);
    expect(commands(calls)).toEqual(['get_meeting_view', cmd]);
    // Done: the menu closes and the keyboard is back on its button.
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(byId('share-menu-m-past')).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('moves with the arrow keys and closes with Escape, back on its button', async () => {
    const { user } = await renderView();
    const button = byId('share-menu-m-past');
    button.focus();
    await user.keyboard('{ArrowDown}');
    expect(byId('email-notes-m-past')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(byId('copy-notes-m-past')).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    // Past the first item, round to the last.
    expect(byId('save-notes-txt-m-past')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(byId('email-notes-m-past')).toHaveFocus();
    await user.keyboard('{End}');
    expect(byId('save-notes-txt-m-past')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(byId('email-notes-m-past')).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await user.keyboard('{ArrowUp}');
    expect(byId('save-notes-txt-m-past')).toHaveFocus();
  });

  it('runs an item with Enter', async () => {
    const { calls, user } = await renderView({ copy_shared_notes: () => null });
    byId('share-menu-m-past').focus();
    await user.keyboard('{Enter}');
    expect(byId('email-notes-m-past')).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(byId('toast')).toHaveTextContent('Copied'));
    expect(commands(calls)).toContain('copy_shared_notes');
  });

  it('closes on a click elsewhere', async () => {
    const { user } = await renderView();
    await user.click(byId('share-menu-m-past'));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(byId('meeting-title'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('says nothing when the save dialog was closed', async () => {
    const { calls, user } = await renderView({ save_shared_notes: () => null });
    await user.click(byId('share-menu-m-past'));
    await user.click(byId('save-notes-md-m-past'));
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    expect(argsOf(calls, 'save_shared_notes')).toEqual([{ meetingId: 'm-past', format: 'md' }]);
    expect(byId('toast')).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why it failed, in the menu, and no confirmation', async () => {
    const { user } = await renderView({
      share_email_draft: thrown('The draft is in /cache/x.eml, but no mail app opened it'),
    });
    await user.click(byId('share-menu-m-past'));
    await user.click(byId('email-notes-m-past'));
    const menu = byId('share-menu-list-m-past').parentElement as HTMLElement;
    expect(await within(menu).findByRole('alert')).toHaveTextContent(
      'The draft is in /cache/x.eml, but no mail app opened it',
    );
    expect(byId('toast')).toBeEmptyDOMElement();
  });

  it('is only there once a 1:1 was held', async () => {
    await renderView({}, { meeting: meeting({ id: 'm-next', status: 'scheduled' }) });
    expect(document.querySelector('.share-menu-button')).toBeNull();
  });

  it('is on each held 1:1 of the full history, not on a cancelled one', async () => {
    const cancelled = meeting({ id: 'm-off', status: 'cancelled', cancel_reason: 'Ill' });
    const page: HistoryPage = {
      person: person(),
      entries: [
        { meeting: HELD, action_items: [] },
        { meeting: cancelled, action_items: [] },
      ],
      total: 2,
      offset: 0,
    };
    const calls = mockBackend({ get_history: () => page, share_email_draft: () => '/x.eml' });
    render(History, { props: { personId: 'p-ada', navigate: vi.fn() } });
    await screen.findByRole('heading', { level: 1 });
    const user = userEvent.setup();
    const held = byId('share-menu-m-past');
    expect(held).toHaveAccessibleName(/^Share the notes of /);
    expect(document.getElementById('share-menu-m-off')).toBeNull();
    await user.click(held);
    await user.click(byId('email-notes-m-past'));
    await waitFor(() => expect(byId('toast')).toHaveTextContent('Draft opened in your mail app'));
    expect(argsOf(calls, 'share_email_draft')).toEqual([{ meetingId: 'm-past' }]);
  });

  it('refreshes the share log of the person page after sharing', async () => {
    const calls = mockBackend({
      get_person_page: () => personPage({ history: [HELD], history_total: 1 }),
      list_templates: () => TEMPLATES,
      get_reminder_offsets: () => ({ minutes: [15] }),
      copy_shared_notes: () => null,
    });
    render(PersonPage, { props: { personId: 'p-ada', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
    await screen.findByRole('heading', { level: 1, name: /Ada Okafor/ });
    const user = userEvent.setup();
    await user.click(byId('share-menu-m-past'));
    await user.click(byId('copy-notes-m-past'));
    await waitFor(() => expect(argsOf(calls, 'get_person_page')).toHaveLength(2));
    expect(byId('toast')).toHaveTextContent('Copied');
  });
});

describe('invite before a 1:1', () => {
  async function renderPrepare(handlers: Handlers, data = prep()) {
    useClock();
    const calls = mockBackend({ get_prep: () => data, ...handlers });
    render(Prepare, { personId: 'p-ada', navigate: vi.fn() });
    await settle();
    return { calls, user: userEvent.setup({ advanceTimers: vi.advanceTimersByTime }) };
  }

  it('sends the invite from Prepare', async () => {
    const { calls, user } = await renderPrepare({ email_invite: () => '/cache/invite.eml' });
    await user.click(byId('send-invite'));
    await settle();
    expect(argsOf(calls, 'email_invite')).toEqual([{ target: { person: 'p-ada' } }]);
    expect(byId('toast')).toHaveTextContent('Draft opened in your mail app');
  });

  it('saves the invite from Prepare, and says nothing when the dialog was closed', async () => {
    let answer: string | null = '/home/sam/invite.ics';
    const { calls, user } = await renderPrepare({ save_invite: () => answer });
    await user.click(byId('save-invite'));
    await settle();
    expect(byId('toast')).toHaveTextContent('Saved to /home/sam/invite.ics');
    vi.advanceTimersByTime(5000);
    await settle();
    answer = null;
    await user.click(byId('save-invite'));
    await settle();
    expect(argsOf(calls, 'save_invite')).toEqual([
      { target: { person: 'p-ada' } },
      { target: { person: 'p-ada' } },
    ]);
    expect(byId('toast')).toBeEmptyDOMElement();
  });

  it('shows why the invite could not be sent', async () => {
    const { user } = await renderPrepare({ email_invite: thrown('No 1:1 with Ada is on the calendar.') });
    await user.click(byId('send-invite'));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('No 1:1 with Ada is on the calendar.');
  });

  it('is not offered on Prepare without a next 1:1', async () => {
    await renderPrepare({}, prep({ meeting: null }));
    expect(document.getElementById('send-invite')).toBeNull();
    expect(document.getElementById('save-invite')).toBeNull();
  });

  async function renderPerson(data = personPage(), handlers: Handlers = {}) {
    const calls = mockBackend({
      get_person_page: () => data,
      list_templates: () => TEMPLATES,
      get_reminder_offsets: () => ({ minutes: [15] }),
      ...handlers,
    });
    render(PersonPage, { props: { personId: 'p-ada', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
    await screen.findByRole('heading', { level: 1, name: /Ada Okafor/ });
    return { calls, user: userEvent.setup() };
  }

  it('sends and saves the invite from the person page, beside the next 1:1', async () => {
    const { calls, user } = await renderPerson(personPage(), {
      email_invite: () => '/cache/invite.eml',
      save_invite: () => '/home/sam/invite.ics',
    });
    const section = screen.getByRole('region', { name: 'Next 1:1' });
    expect(within(section).getByRole('button', { name: 'Send invite' })).toHaveAttribute(
      'id',
      'person-send-invite',
    );
    await user.click(byId('person-send-invite'));
    await waitFor(() => expect(byId('toast')).toHaveTextContent('Draft opened in your mail app'));
    await user.click(byId('person-save-invite'));
    await waitFor(() => expect(byId('toast')).toHaveTextContent('Saved to /home/sam/invite.ics'));
    expect(argsOf(calls, 'email_invite')).toEqual([{ target: { person: 'p-ada' } }]);
    expect(argsOf(calls, 'save_invite')).toEqual([{ target: { person: 'p-ada' } }]);
    // Each share reloads the page, so the share log lists it.
    await waitFor(() => expect(argsOf(calls, 'get_person_page')).toHaveLength(3));
  });

  it('is offered with only a series, and not without either', async () => {
    await renderPerson(personPage({ next_meeting: null }));
    expect(byId('person-send-invite')).toBeInTheDocument();
    cleanup();
    clearMocks();
    await renderPerson(personPage({ next_meeting: null, series: [] }));
    expect(document.getElementById('person-send-invite')).toBeNull();
    expect(document.getElementById('person-save-invite')).toBeNull();
  });
});

describe('letting them know after a change', () => {
  it('offers the update once a 1:1 is moved, the move already told to the caller', async () => {
    const moved = meeting({ scheduled_start: '2024-11-29T09:00:00Z', original_start: '2024-11-28T13:00:00Z' });
    const calls = mockBackend({
      reschedule_meeting: () => moved,
      email_invite: () => '/cache/update.eml',
    });
    const onsaved = vi.fn();
    const onclose = vi.fn();
    render(RescheduleDialog, { props: { meeting: meeting(), personName: 'Ada', onsaved, onclose } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move 1:1' }));

    const done = await screen.findByRole('dialog', { name: '1:1 moved' });
    expect(onsaved).toHaveBeenCalledExactlyOnceWith(moved);
    expect(done).toHaveAccessibleDescription(/^Moved to .*(10:00|10:00\sAM).*\. Let Ada know:$/);
    expect(byId('send-update')).toHaveFocus();
    expect(byId('save-update')).toHaveTextContent('Save update (.ics)…');

    await user.click(byId('send-update'));
    await waitFor(() =>
      expect(within(done).getByRole('status')).toHaveTextContent('Draft opened in your mail app'),
    );
    expect(argsOf(calls, 'email_invite')).toEqual([{ target: { meeting: 'm-next' } }]);
    expect(onclose).not.toHaveBeenCalled();
    await user.click(byId('share-done'));
    expect(onclose).toHaveBeenCalledOnce();
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('offers the cancellation once a 1:1 is cancelled; Escape is Done', async () => {
    const calls = mockBackend({
      cancel_meeting: () => meeting({ status: 'cancelled', cancel_reason: 'Offsite' }),
      email_invite: () => '/cache/cancel.eml',
    });
    const onsaved = vi.fn();
    const onclose = vi.fn();
    render(CancelDialog, { props: { meeting: meeting(), personName: 'Ada', onsaved, onclose } });
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('I did'));
    await user.type(screen.getByLabelText('Reason'), 'Offsite');
    await user.click(screen.getByRole('button', { name: 'Cancel 1:1' }));

    const done = await screen.findByRole('dialog', { name: '1:1 cancelled' });
    expect(onsaved).toHaveBeenCalledOnce();
    expect(done).toHaveAccessibleDescription('Cancelled. Let Ada know:');
    expect(within(done).getAllByRole('button').map((b) => [b.id, b.textContent?.trim()])).toEqual([
      ['send-cancellation', 'Send cancellation'],
      ['save-cancellation', 'Save cancellation (.ics)…'],
      ['share-done', 'Done'],
    ]);
    await user.click(byId('send-cancellation'));
    await waitFor(() => expect(argsOf(calls, 'email_invite')).toEqual([{ target: { meeting: 'm-next' } }]));
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('says nothing when the cancellation was not saved, and where it was when it was', async () => {
    let answer: string | null = null;
    const calls = mockBackend({
      cancel_meeting: () => meeting({ status: 'cancelled' }),
      save_invite: () => answer,
    });
    render(CancelDialog, {
      props: { meeting: meeting(), personName: 'Ada', onsaved: vi.fn(), onclose: vi.fn() },
    });
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Ada did'));
    await user.type(screen.getByLabelText('Reason'), 'Ill');
    await user.click(screen.getByRole('button', { name: 'Cancel 1:1' }));
    await screen.findByRole('dialog', { name: '1:1 cancelled' });

    await user.click(byId('save-cancellation'));
    await waitFor(() => expect(argsOf(calls, 'save_invite')).toHaveLength(1));
    expect(byId('share-toast')).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    answer = '/home/sam/cancel.ics';
    await user.click(byId('save-cancellation'));
    await waitFor(() => expect(byId('share-toast')).toHaveTextContent('Saved to /home/sam/cancel.ics'));
    expect(argsOf(calls, 'save_invite')).toEqual([
      { target: { meeting: 'm-next' } },
      { target: { meeting: 'm-next' } },
    ]);
  });

  it('shows why the update could not be sent, and stays', async () => {
    mockBackend({
      reschedule_meeting: () => meeting(),
      email_invite: thrown('The draft is in /cache/u.eml, but no mail app opened it'),
    });
    const onclose = vi.fn();
    render(RescheduleDialog, {
      props: { meeting: meeting(), personName: 'Ada', onsaved: vi.fn(), onclose },
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move 1:1' }));
    const done = await screen.findByRole('dialog', { name: '1:1 moved' });
    await user.click(byId('send-update'));
    expect(await within(done).findByRole('alert')).toHaveTextContent('no mail app opened it');
    expect(byId('share-toast')).toBeEmptyDOMElement();
    expect(onclose).not.toHaveBeenCalled();
  });

  // A changed series is told with an update; a new one with the invite.
  it.each([
    {
      what: 'the update of a changed series',
      changing: true,
      title: 'Schedule changed',
      message: /3:00 PM.*\. Let Ada know:$/,
      ids: 'series-update',
    },
    {
      what: 'the invite of a new series',
      changing: false,
      title: '1:1s scheduled',
      message: /^Weekly on .*\. Invite Ada:$/,
      ids: 'series-invite',
    },
  ])('offers $what, for the person', async ({ changing, title, message, ids }) => {
    const calls = mockBackend({
      list_templates: () => TEMPLATES,
      update_series: () => series({ local_time: '15:00:00' }),
      create_series: () => series(),
      email_invite: () => '/cache/series.eml',
      save_invite: () => '/home/sam/series.ics',
    });
    const onsaved = vi.fn();
    const onclose = vi.fn();
    render(SeriesForm, {
      props: {
        personId: 'p-ada',
        personName: 'Ada',
        cadence: 'weekly',
        ...(changing ? { series: series() } : {}),
        onsaved,
        onclose,
      },
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    const done = await screen.findByRole('dialog', { name: title });
    expect(onsaved).toHaveBeenCalledOnce();
    expect(done).toHaveAccessibleDescription(message);
    // Nothing reaches Ada until the manager sends it.
    expect(argsOf(calls, 'email_invite')).toEqual([]);
    await user.click(byId(`send-${ids}`));
    await user.click(byId(`save-${ids}`));
    await waitFor(() => expect(argsOf(calls, 'save_invite')).toHaveLength(1));
    expect(argsOf(calls, 'email_invite')).toEqual([{ target: { person: 'p-ada' } }]);
    expect(argsOf(calls, 'save_invite')).toEqual([{ target: { person: 'p-ada' } }]);
    await user.click(byId('share-done'));
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('offers the update of an ended series, for the person', async () => {
    const calls = mockBackend({
      end_series: () => series({ ends_on: '2024-12-31' }),
      email_invite: () => '/cache/series.eml',
    });
    const onclose = vi.fn();
    render(EndSeriesDialog, {
      props: { series: series(), personName: 'Ada', onsaved: vi.fn(), onclose },
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'End series' }));
    const done = await screen.findByRole('dialog', { name: 'Series ended' });
    expect(done).toHaveAccessibleDescription(/^No more 1:1s after Tue 31 Dec.*\. Let Ada know:$/);
    await user.click(byId('send-series-update'));
    await waitFor(() => expect(argsOf(calls, 'email_invite')).toEqual([{ target: { person: 'p-ada' } }]));
    await user.click(byId('share-done'));
    expect(onclose).toHaveBeenCalledOnce();
  });
});
