import { emit } from '@tauri-apps/api/event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import type { Topic, TopicInput } from '../lib/bindings';
import PersonPage from '../lib/PersonPage.svelte';
import Prepare from '../lib/Prepare.svelte';
import Session from '../lib/Session.svelte';
import { announceTopic } from '../lib/topic-events';
import TopicForm from '../lib/TopicForm.svelte';
import TopicList from '../lib/TopicList.svelte';
import { TEMPLATES, personOf, personPage, today, topic } from './builders';
import { PEOPLE, commands, mockBackend, status, type Call } from './fixtures';
import { prep, sessionView, settle, useClock } from './loop-fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

type Handlers = Record<string, (args: unknown) => unknown>;

const EMPTY_TOPIC = { code: 'invalid', message: 'Write what you want to talk about.' };

/** Answers add_topic as the store does: the wording goes to text or private_text. */
function storeTopic(id = 't-new') {
  return (args: unknown): Topic => {
    const { personId, input } = args as { personId: string; input: TopicInput };
    if (input.text.trim() === '') throw EMPTY_TOPIC;
    const wording = input.text.trim();
    return topic({
      id,
      person_id: personId,
      raised_by: input.raised_by,
      text: input.private ? undefined : wording,
      private_text: input.private ? wording : undefined,
    });
  };
}

function callsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function rowIds(list: HTMLElement): (string | null)[] {
  return Array.from(list.querySelectorAll('[data-topic-id]')).map((row) =>
    row.getAttribute('data-topic-id'),
  );
}

const BUDGET = topic({ id: 't-budget', raised_by: 'theirs', text: 'Conference budget for next year' });
const REORG = topic({
  id: 't-reorg',
  raised_by: 'mine',
  text: undefined,
  private_text: 'The reorg rumours',
});
const DOC = topic({ id: 't-doc', raised_by: 'mine', text: 'Feedback on the design doc' });

describe('topic form', () => {
  function setup(handlers: Handlers = {}) {
    const calls = mockBackend({ add_topic: storeTopic(), ...handlers });
    const onadded = vi.fn();
    render(TopicForm, { props: { personId: 'p-ada', idPrefix: 'person', onadded } });
    return { calls, onadded, user: userEvent.setup() };
  }

  it('adds a private topic of theirs with Enter, then clears the field and keeps it focused', async () => {
    const { calls, onadded, user } = setup();
    const field = byId('person-topic-text');
    expect(byId('person-topic-mine')).toBeChecked();
    expect(byId('person-topic-theirs')).not.toBeChecked();
    expect(byId('person-topic-private')).not.toBeChecked();

    await user.click(screen.getByLabelText('Theirs'));
    await user.click(screen.getByLabelText('Private'));
    await user.type(field, '  Wants to move to the platform team {Enter}');

    await waitFor(() => expect(onadded).toHaveBeenCalledOnce());
    expect(callsOf(calls, 'add_topic')).toEqual([
      {
        personId: 'p-ada',
        input: { text: '  Wants to move to the platform team ', raised_by: 'theirs', private: true },
      },
    ]);
    expect(onadded.mock.calls[0]?.[0]).toMatchObject({
      id: 't-new',
      raised_by: 'theirs',
      private_text: 'Wants to move to the platform team',
    });
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('adds one of mine, shareable, with the Add topic button', async () => {
    const { calls, user } = setup();
    await user.type(byId('person-topic-text'), 'Feedback on the design doc');
    const add = screen.getByRole('button', { name: 'Add topic' });
    expect(add).toHaveAttribute('id', 'person-topic-add');
    await user.click(add);
    await waitFor(() => expect(byId('person-topic-text')).toHaveValue(''));
    expect(callsOf(calls, 'add_topic')).toEqual([
      {
        personId: 'p-ada',
        input: { text: 'Feedback on the design doc', raised_by: 'mine', private: false },
      },
    ]);
  });

  it("shows the store's refusal of an empty topic and adds nothing", async () => {
    const { calls, onadded, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add topic' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Write what you want to talk about.');
    expect(byId('person-topic-text')).toHaveAttribute('aria-invalid', 'true');
    expect(commands(calls)).toEqual(['add_topic']);
    expect(onadded).not.toHaveBeenCalled();

    // The next try that works clears the message.
    await user.type(byId('person-topic-text'), 'Offsite plans{Enter}');
    await waitFor(() => expect(onadded).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('topic list', () => {
  function setup(props: { topics: Topic[]; meetingId?: string }, handlers: Handlers = {}) {
    const calls = mockBackend(handlers);
    render(TopicList, { props: { personId: 'p-ada', idPrefix: 'person', ...props } });
    return { calls, user: userEvent.setup() };
  }

  it('groups their topics before mine and marks the private one', () => {
    setup({ topics: [REORG, BUDGET, DOC] });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Their topics',
      'My topics',
    ]);
    const theirs = screen.getByRole('list', { name: 'Their topics' });
    const mine = screen.getByRole('list', { name: 'My topics' });
    expect(theirs).toHaveAttribute('id', 'person-topics-theirs');
    expect(rowIds(theirs)).toEqual(['t-budget']);
    expect(rowIds(mine)).toEqual(['t-reorg', 't-doc']);

    const reorg = mine.querySelector('[data-topic-id="t-reorg"]') as HTMLElement;
    expect(reorg).toHaveTextContent('The reorg rumours');
    expect(within(reorg).getByText('Private')).toHaveClass('badge');
    expect(theirs.querySelector('[data-topic-id="t-budget"]')).not.toHaveTextContent('Private');
    // Outside a 1:1 there is nothing to tick.
    expect(document.querySelectorAll('.topic-check')).toHaveLength(0);
    expect(screen.queryByText('None yet.')).not.toBeInTheDocument();
  });

  it('says "None yet." for an empty group', () => {
    setup({ topics: [DOC] });
    expect(screen.queryByRole('list', { name: 'Their topics' })).not.toBeInTheDocument();
    expect(screen.getAllByText('None yet.')).toHaveLength(1);
    expect(rowIds(screen.getByRole('list', { name: 'My topics' }))).toEqual(['t-doc']);
  });

  it('removes a topic', async () => {
    const { calls, user } = setup({ topics: [BUDGET, DOC] }, { delete_topic: () => null });
    await user.click(
      screen.getByRole('button', { name: 'Remove topic "Conference budget for next year"' }),
    );
    await waitFor(() =>
      expect(document.querySelector('[data-topic-id="t-budget"]')).not.toBeInTheDocument(),
    );
    expect(callsOf(calls, 'delete_topic')).toEqual([{ topicId: 't-budget' }]);
    expect(screen.getByText('None yet.')).toBeInTheDocument();
  });

  it('in a 1:1, ticks a topic as discussed in it and can untick it', async () => {
    const ticked = topic({ ...DOC, discussed_in: 'm-now', discussed_at: '2024-11-28T13:10:00Z' });
    const { calls, user } = setup(
      { topics: [BUDGET, ticked], meetingId: 'm-now' },
      {
        set_topic_discussed: (args) => {
          const { topicId, meetingId, discussed } = args as {
            topicId: string;
            meetingId: string;
            discussed: boolean;
          };
          const base = topicId === BUDGET.id ? BUDGET : DOC;
          return discussed
            ? { ...base, discussed_in: meetingId, discussed_at: '2024-11-28T13:20:00Z' }
            : { ...base, discussed_in: null, discussed_at: null };
        },
      },
    );
    const budget = screen.getByRole('checkbox', { name: 'Discussed: Conference budget for next year' });
    const doc = screen.getByRole('checkbox', { name: 'Discussed: Feedback on the design doc' });
    expect(budget).toHaveClass('topic-check');
    expect(budget).not.toBeChecked();
    expect(doc).toBeChecked();

    await user.click(budget);
    await waitFor(() => expect(callsOf(calls, 'set_topic_discussed')).toHaveLength(1));
    expect(budget).toBeChecked();
    await user.click(doc);
    await waitFor(() => expect(callsOf(calls, 'set_topic_discussed')).toHaveLength(2));
    expect(callsOf(calls, 'set_topic_discussed')).toEqual([
      { topicId: 't-budget', meetingId: 'm-now', discussed: true },
      { topicId: 't-doc', meetingId: 'm-now', discussed: false },
    ]);
    expect(doc).not.toBeChecked();
    expect(budget).toBeChecked();
  });

  it('puts the box back and says why when ticking fails', async () => {
    const { user } = setup(
      { topics: [BUDGET], meetingId: 'm-now' },
      {
        set_topic_discussed: () => {
          throw { code: 'not_found', message: 'That topic no longer exists.' };
        },
      },
    );
    const box = screen.getByRole('checkbox', { name: /^Discussed: / });
    await user.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent('That topic no longer exists.');
    expect(box).not.toBeChecked();
  });

  it("picks up a topic added elsewhere for the same person, and only theirs", async () => {
    setup({ topics: [BUDGET] });
    announceTopic(topic({ id: 't-ben', person_id: 'p-ben', raised_by: 'theirs', text: "Ben's topic" }));
    announceTopic(DOC);
    announceTopic(DOC);
    await waitFor(() =>
      expect(rowIds(screen.getByRole('list', { name: 'My topics' }))).toEqual(['t-doc']),
    );
    expect(rowIds(screen.getByRole('list', { name: 'Their topics' }))).toEqual(['t-budget']);
  });
});

describe('topics on the person page', () => {
  it('lists the topics to raise and adds one in place', async () => {
    const calls = mockBackend({
      get_person_page: () => personPage({ topics: [BUDGET, REORG] }),
      list_templates: () => TEMPLATES,
      add_topic: storeTopic('t-added'),
    });
    render(PersonPage, { props: { personId: 'p-ada', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
    const section = await screen.findByRole('region', { name: 'Topics to raise' });
    expect(section).toHaveAttribute('id', 'person-topics');
    expect(rowIds(byId('person-topics-theirs'))).toEqual(['t-budget']);
    expect(rowIds(byId('person-topics-mine'))).toEqual(['t-reorg']);
    expect(within(byId('person-topics-mine')).getByText('Private')).toHaveClass('badge');
    // Near the open action items: just before them.
    const actions = screen.getByRole('region', { name: 'Action Items' });
    expect(section.compareDocumentPosition(actions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const user = userEvent.setup();
    await user.type(byId('person-topic-text'), 'Promotion timeline{Enter}');
    await waitFor(() => expect(rowIds(byId('person-topics-mine'))).toEqual(['t-reorg', 't-added']));
    expect(callsOf(calls, 'add_topic')).toEqual([
      { personId: 'p-ada', input: { text: 'Promotion timeline', raised_by: 'mine', private: false } },
    ]);
    expect(callsOf(calls, 'get_person_page')).toHaveLength(1);
  });
});

describe('topics on the prepare screen', () => {
  it('shows the topics for this 1:1 between wins and concerns and the action items', async () => {
    useClock();
    const calls = mockBackend({
      get_prep: () => prep({ topics: [DOC, BUDGET] }),
      save_prep_notes: () => null,
      add_topic: storeTopic('t-added'),
    });
    render(Prepare, { personId: 'p-ada', navigate: vi.fn() });
    await settle();
    const section = byId('prepare-topics');
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Topics for this 1:1');
    expect(rowIds(byId('prepare-topics-theirs'))).toEqual(['t-budget']);
    expect(rowIds(byId('prepare-topics-mine'))).toEqual(['t-doc']);
    const concerns = byId('prep-concerns');
    const actions = byId('prep-actions');
    expect(concerns.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.compareDocumentPosition(actions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(byId('prepare-topic-theirs'));
    await user.type(byId('prepare-topic-text'), 'Asked about on-call load{Enter}');
    await settle();
    expect(callsOf(calls, 'add_topic')).toEqual([
      {
        personId: 'p-ada',
        input: { text: 'Asked about on-call load', raised_by: 'theirs', private: false },
      },
    ]);
    expect(rowIds(byId('prepare-topics-theirs'))).toEqual(['t-budget', 't-added']);
  });
});

describe('topics on the session agenda', () => {
  it('follows the agenda items, ticks topics for this 1:1 and adds one raised now', async () => {
    useClock('2024-11-28T13:12:05Z');
    const calls = mockBackend({
      get_session: () =>
        sessionView({
          topics: [BUDGET, { ...DOC, discussed_in: 'm-now', discussed_at: '2024-11-28T13:05:00Z' }],
        }),
      save_notes: () => new Date().toISOString(),
      set_topic_discussed: () => ({ ...BUDGET, discussed_in: 'm-now', discussed_at: '2024-11-28T13:12:06Z' }),
      add_topic: storeTopic('t-now'),
    });
    render(Session, { meetingId: 'm-now', navigate: vi.fn() });
    await settle();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

    const block = byId('session-topics');
    expect(byId('agenda').compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(block).getByRole('checkbox', { name: 'Discussed: Feedback on the design doc' })).toBeChecked();
    const budget = within(block).getByRole('checkbox', {
      name: 'Discussed: Conference budget for next year',
    });
    await user.click(budget);
    await settle();
    expect(callsOf(calls, 'set_topic_discussed')).toEqual([
      { topicId: 't-budget', meetingId: 'm-now', discussed: true },
    ]);
    expect(budget).toBeChecked();

    await user.type(byId('session-topic-text'), 'Wants a mentor{Enter}');
    await settle();
    expect(callsOf(calls, 'add_topic')).toEqual([
      { personId: 'p-ada', input: { text: 'Wants a mentor', raised_by: 'mine', private: false } },
    ]);
    expect(rowIds(byId('session-topics-mine'))).toEqual(['t-doc', 't-now']);
    expect(within(block).getByRole('checkbox', { name: 'Discussed: Wants a mentor' })).not.toBeChecked();
  });
});

describe('quick topic from the tray', () => {
  async function renderShell(extra: Handlers = {}) {
    const calls = mockBackend({
      app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
      list_people: () => PEOPLE,
      get_today: () => today(),
      get_person_page: (args) => {
        const { personId } = args as { personId: string };
        const summary = PEOPLE.find((candidate) => candidate.id === personId);
        return personPage({ person: personOf(summary ?? PEOPLE[0]!) });
      },
      list_templates: () => TEMPLATES,
      add_topic: storeTopic('t-quick'),
      ...extra,
    });
    render(App);
    const nav = await screen.findByRole('navigation', { name: 'People' });
    await waitFor(() => expect(nav.querySelector('ul')).not.toBeNull());
    return { calls, nav, user: userEvent.setup() };
  }

  it('offers the active people, the first one picked, and closes with Escape', async () => {
    const { calls, user } = await renderShell();
    await emit('quick-topic', null);
    const dialog = await screen.findByRole('dialog', { name: 'Add topic for…' });
    const picker = within(dialog).getByLabelText('Person');
    expect(picker).toHaveAttribute('id', 'quick-topic-person');
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Ada Okafor',
      'Ben Moreau',
      'Chen Li',
    ]);
    expect(picker).toHaveValue('p-ada');
    expect(byId('quick-topic-text')).toHaveFocus();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(commands(calls)).not.toContain('add_topic');
  });

  it("picks the person on screen, adds the topic, says so and shows it on their page", async () => {
    const { calls, nav, user } = await renderShell();
    await user.click(within(nav).getByRole('button', { name: /Ben Moreau/ }));
    await screen.findByRole('region', { name: 'Topics to raise' });

    await emit('quick-topic', null);
    const dialog = await screen.findByRole('dialog', { name: 'Add topic for…' });
    expect(within(dialog).getByLabelText('Person')).toHaveValue('p-ben');
    await user.click(byId('quick-topic-theirs'));
    await user.type(byId('quick-topic-text'), 'Asked for a raise{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsOf(calls, 'add_topic')).toEqual([
      { personId: 'p-ben', input: { text: 'Asked for a raise', raised_by: 'theirs', private: false } },
    ]);
    expect(byId('quick-topic-toast')).toHaveTextContent('Topic added for Ben');
    expect(rowIds(byId('person-topics-theirs'))).toEqual(['t-quick']);
  });

  it('adds for another person when the picker is changed, and keeps an empty topic open', async () => {
    const { calls, user } = await renderShell();
    await emit('quick-topic', null);
    const dialog = await screen.findByRole('dialog', { name: 'Add topic for…' });
    await user.click(byId('quick-topic-add'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(EMPTY_TOPIC.message);
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await user.selectOptions(within(dialog).getByLabelText('Person'), 'p-chen');
    await user.type(byId('quick-topic-text'), 'Team lunch');
    await user.click(byId('quick-topic-add'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsOf(calls, 'add_topic').at(-1)).toEqual({
      personId: 'p-chen',
      input: { text: 'Team lunch', raised_by: 'mine', private: false },
    });
    expect(byId('quick-topic-toast')).toHaveTextContent('Topic added for Chen');
  });

  it("picks the person of the 1:1 that is open", async () => {
    const ben = PEOPLE[1]!;
    const { user } = await renderShell({
      get_prep: () => prep({ person: personOf(ben) }),
      start_session_now: () => sessionView(),
      get_session: () =>
        sessionView({
          person: ben,
          meeting: { ...sessionView().meeting, person_id: ben.id },
        }),
      save_notes: () => new Date().toISOString(),
      save_prep_notes: () => null,
    });
    await emit('navigate', { screen: 'prepare', personId: 'p-ben' });
    await user.click(await screen.findByRole('button', { name: /Start 1:1 Now|Resume 1:1/ }));
    await screen.findByRole('heading', { level: 1, name: /Session — Ben Moreau/ });
    await waitFor(() => expect(byId('session-topics')).toBeInTheDocument());

    await emit('quick-topic', null);
    const dialog = await screen.findByRole('dialog', { name: 'Add topic for…' });
    expect(within(dialog).getByLabelText('Person')).toHaveValue('p-ben');
  });
});
