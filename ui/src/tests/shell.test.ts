import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockWindows } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { Person, PersonInput, PersonSummary } from '../lib/bindings';
import { personOf, personPage, person as buildPerson, today, TEMPLATES } from './builders';
import { PEOPLE, commands, mockBackend, status, type Call } from './fixtures';
import { prep } from './loop-fixtures';

afterEach(() => {
  clearMocks();
});

function pageFor(people: PersonSummary[]) {
  return (args: unknown) => {
    const { personId } = args as { personId: string };
    const summary = people.find((candidate) => candidate.id === personId);
    if (!summary) throw { code: 'not_found', message: 'That person does not exist.' };
    return personPage({ person: personOf(summary) });
  };
}

async function renderShell(
  people: PersonSummary[] = PEOPLE,
  extra: Record<string, (args: unknown) => unknown> = {},
): Promise<{ nav: HTMLElement; user: ReturnType<typeof userEvent.setup>; calls: Call[] }> {
  const calls = mockBackend({
    app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
    list_people: () => people,
    get_today: () => today({ people_count: people.filter((p) => !p.archived).length }),
    get_person_page: pageFor(people),
    list_templates: () => TEMPLATES,
    ...extra,
  });
  render(App);
  const nav = await screen.findByRole('navigation', { name: 'People' });
  await screen.findByRole('heading', { level: 1, name: 'Today' });
  // The list, or the line saying it is empty, shows once the people are loaded.
  await waitFor(() => expect(nav.querySelector('ul, .empty')).not.toBeNull());
  return { nav, user: userEvent.setup(), calls };
}

function personButtons(nav: HTMLElement): HTMLElement[] {
  return within(nav).queryAllByRole('button');
}

function currentIds(nav: HTMLElement): (string | null)[] {
  return personButtons(nav)
    .filter((button) => button.getAttribute('aria-current') === 'true')
    .map((button) => button.getAttribute('data-person-id'));
}

function title(): HTMLElement {
  return within(screen.getByRole('main')).getByRole('heading', { level: 1 });
}

describe('main shell', () => {
  it('starts on Today, lists active people with their role, hides archived ones', async () => {
    const { nav } = await renderShell();
    const buttons = personButtons(nav);
    expect(buttons.map((button) => button.getAttribute('data-person-id'))).toEqual([
      'p-ada',
      'p-ben',
      'p-chen',
    ]);
    expect(buttons[0]).toHaveTextContent('Ada Okafor');
    expect(buttons[0]).toHaveTextContent('Backend engineer');
    expect(within(nav).queryByText('Dana Kowalski')).not.toBeInTheDocument();
    expect(currentIds(nav)).toEqual([]);

    expect(screen.getByText('Rapport')).toBeInTheDocument();
    expect(document.getElementById('people-count')).toHaveTextContent('3 people');
    expect(screen.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
  });

  it('draws the people and Today from the first call, then asks afresh for a later Today', async () => {
    const { nav, user, calls } = await renderShell();
    expect(personButtons(nav)).toHaveLength(3);
    expect(document.getElementById('people-count')).toHaveTextContent('3 people');
    expect(commands(calls)).toEqual(['start_up']);

    await user.click(within(nav).getByRole('button', { name: /Ada Okafor/ }));
    await waitFor(() => expect(title()).toHaveTextContent('Ada Okafor'));
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    expect(commands(calls).filter((cmd) => cmd !== 'get_reminder_offsets')).toEqual([
      'start_up',
      'get_person_page',
      'get_today',
    ]);
  });

  it('asks for its own data when the first call brought none, and uses the desktop font', async () => {
    const calls = mockBackend({
      start_up: () => ({
        status: status({ state: 'unlocked', key_backend: 'keyring' }),
        first_screen: null,
        desktop_font: 'Cantarell',
      }),
      list_people: () => PEOPLE,
      get_today: () => today({ people_count: 3 }),
    });
    render(App);
    const nav = await screen.findByRole('navigation', { name: 'People' });
    await waitFor(() => expect(personButtons(nav)).toHaveLength(3));
    await waitFor(() =>
      expect(document.getElementById('people-count')).toHaveTextContent('3 people'),
    );
    expect([...commands(calls)].sort()).toEqual(['get_today', 'list_people', 'start_up']);
    // The desktop's font, named by the app, leads the page's font stack.
    const root = document.documentElement;
    expect(root.style.getPropertyValue('--font-sans')).toBe('"Cantarell", sans-serif');
    root.style.removeProperty('--font-sans');
  });

  it('shows archived people on request', async () => {
    const { nav, user } = await renderShell();
    await user.click(screen.getByLabelText(/Show archived/));
    expect(within(nav).getByRole('button', { name: /Dana Kowalski/ })).toHaveTextContent(
      'Archived',
    );
  });

  it('says so when there is nobody yet, and welcomes with an add action', async () => {
    const { nav } = await renderShell([]);
    expect(within(nav).getByText('No people yet')).toBeInTheDocument();
    expect(personButtons(nav)).toEqual([]);
    expect(screen.getByText('Welcome to Rapport.')).toBeInTheDocument();
    // The theme control still lives in the sidebar.
    expect(screen.getByRole('group', { name: 'Theme' })).toBeInTheDocument();
  });

  it('opens a person with their name, role, level label and e-mail', async () => {
    const { nav, user, calls } = await renderShell();
    await user.click(within(nav).getByRole('button', { name: /Ada Okafor/ }));

    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { level: 1 })).toHaveTextContent('Ada Okafor');
    expect(within(main).getByText('Backend engineer')).toBeInTheDocument();
    expect(within(main).getByText('Senior')).toBeInTheDocument();
    expect(within(main).getByText('ada@example.com')).toBeInTheDocument();
    expect(currentIds(nav)).toEqual(['p-ada']);
    expect(screen.getByRole('button', { name: 'Today' })).not.toHaveAttribute('aria-current');
    expect(document.getElementById('people-count')).not.toBeInTheDocument();
    expect(calls.filter((call) => call.cmd === 'get_person_page')).toEqual([
      { cmd: 'get_person_page', args: { personId: 'p-ada', historyLimit: 20 } },
    ]);
  });

  it.each([
    ['Ben Moreau', 'Junior'],
    ['Chen Li', 'Staff+'],
  ])('shows the level of %s as %s', async (name, label) => {
    const { nav, user } = await renderShell();
    await user.click(within(nav).getByRole('button', { name: new RegExp(name) }));
    expect(await screen.findByText(label, { selector: '#person-level' })).toBeInTheDocument();
  });

  it('shows "Confirmed" for an archived confirmed person', async () => {
    const { nav, user } = await renderShell();
    await user.click(screen.getByLabelText(/Show archived/));
    await user.click(within(nav).getByRole('button', { name: /Dana Kowalski/ }));
    expect(await screen.findByText('Confirmed', { selector: '#person-level' })).toBeInTheDocument();
  });

  it('moves through people with the arrow keys and stops at the ends', async () => {
    const { nav, user } = await renderShell();
    await user.click(within(nav).getByRole('button', { name: /Ada Okafor/ }));

    await user.keyboard('{ArrowDown}');
    expect(currentIds(nav)).toEqual(['p-ben']);
    expect(within(nav).getByRole('button', { name: /Ben Moreau/ })).toHaveFocus();
    await waitFor(() => expect(title()).toHaveTextContent('Ben Moreau'));

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(currentIds(nav)).toEqual(['p-chen']);

    await user.keyboard('{ArrowUp}');
    expect(currentIds(nav)).toEqual(['p-ben']);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(currentIds(nav)).toEqual(['p-ada']);
    expect(within(nav).getByRole('button', { name: /Ada Okafor/ })).toHaveFocus();

    await user.keyboard('{End}');
    expect(currentIds(nav)).toEqual(['p-chen']);
    await user.keyboard('{Home}');
    expect(currentIds(nav)).toEqual(['p-ada']);
  });

  it('lets Tab reach the list once, on the current person', async () => {
    const { nav, user } = await renderShell();
    const [ada, ben] = personButtons(nav);
    expect(ada).toHaveAttribute('tabindex', '0');
    expect(ben).toHaveAttribute('tabindex', '-1');
    await user.click(within(nav).getByRole('button', { name: /Ben Moreau/ }));
    expect(ada).toHaveAttribute('tabindex', '-1');
    expect(ben).toHaveAttribute('tabindex', '0');
  });

  it('goes to Templates, Settings and back to Today', async () => {
    const { user } = await renderShell(PEOPLE, {
      get_settings: () => ({ manager_name: 'Sam Rivera', manager_email: null, discreet_reminders: false }),
    });
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    await waitFor(() => expect(title()).toHaveTextContent('Templates'));
    expect(screen.getByRole('button', { name: 'Templates' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(await screen.findByText('Friday sync')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await waitFor(() => expect(title()).toHaveTextContent('Settings'));
    expect(await screen.findByLabelText('Your name')).toHaveValue('Sam Rivera');

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(title()).toHaveTextContent('Today'));
  });

  it('adds a person, refreshes the sidebar and opens their page', async () => {
    let people = PEOPLE;
    const created: Person = buildPerson({
      id: 'p-eve',
      name: 'Eve Martin',
      role: 'Data engineer',
      level: 'junior',
      email: null,
    });
    const { nav, user, calls } = await renderShell(PEOPLE, {
      list_people: () => people,
      create_person: () => {
        people = [...PEOPLE, { ...created, archived: false }];
        return created;
      },
      get_person_page: (args) => {
        const { personId } = args as { personId: string };
        return personId === 'p-eve'
          ? personPage({ person: created, cadence: 'weekly', career_talk_every_days: 14 })
          : pageFor(people)(args);
      },
    });

    await user.click(screen.getByRole('button', { name: '+ Add person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add person' });
    await user.type(within(dialog).getByLabelText('Name'), 'Eve Martin');
    await user.type(within(dialog).getByLabelText('Role'), 'Data engineer');
    await user.selectOptions(within(dialog).getByLabelText('Level'), 'junior');
    await user.click(within(dialog).getByRole('button', { name: 'Save person' }));

    await waitFor(() => expect(title()).toHaveTextContent('Eve Martin'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: /Eve Martin/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    const input = calls.find((call) => call.cmd === 'create_person')?.args as {
      input: PersonInput;
    };
    expect(input.input).toMatchObject({ name: 'Eve Martin', role: 'Data engineer', level: 'junior' });
    // The first list came with the window's start-up call; adding asks again.
    const order = commands(calls).filter((cmd) =>
      ['start_up', 'create_person', 'list_people'].includes(cmd),
    );
    expect(order).toEqual(['start_up', 'create_person', 'list_people']);
  });

  it('refreshes the sidebar after archiving someone', async () => {
    let people = PEOPLE;
    const { nav, user } = await renderShell(PEOPLE, {
      list_people: () => people,
      set_person_archived: () => {
        people = PEOPLE.map((p) => (p.id === 'p-ben' ? { ...p, archived: true } : p));
        return buildPerson({ id: 'p-ben', name: 'Ben Moreau', archived: true });
      },
    });
    await user.click(within(nav).getByRole('button', { name: /Ben Moreau/ }));
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    await waitFor(() =>
      expect(within(nav).queryByRole('button', { name: /Ben Moreau/ })).not.toBeInTheDocument(),
    );
    expect(screen.getByLabelText(/Show archived \(2\)/)).toBeInTheDocument();
  });

  it('shows a load failure of the people in an alert', async () => {
    mockBackend({
      app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
      list_people: () => {
        throw { code: 'storage', message: 'The notebook could not be read.' };
      },
      get_today: () => today(),
    });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('The notebook could not be read.');
  });
});

describe('main shell: the desktop app around it', () => {
  const BEN = buildPerson({ id: 'p-ben', name: 'Ben Moreau', role: 'Frontend engineer' });

  it("goes to a 1:1's preparation when a notification's Prepare asks for it", async () => {
    const { nav, calls } = await renderShell(PEOPLE, { get_prep: () => prep({ person: BEN }) });
    await emit('navigate', { screen: 'prepare', personId: 'p-ben' });
    await waitFor(() => expect(title()).toHaveTextContent('1:1 Preparation — Ben Moreau'));
    expect(currentIds(nav)).toEqual(['p-ben']);
    expect(calls.filter((call) => call.cmd === 'get_prep').map((call) => call.args)).toEqual([
      { personId: 'p-ben' },
    ]);
  });

  it('ignores a navigate event it does not understand', async () => {
    const { calls } = await renderShell(PEOPLE, { get_prep: () => prep({ person: BEN }) });
    await emit('navigate', { screen: 'session', meetingId: 'm-next' });
    await emit('navigate', { screen: 'prepare' });
    await emit('navigate', 'p-ben');
    await emit('somewhere-else', { screen: 'prepare', personId: 'p-ben' });
    expect(title()).toHaveTextContent('Today');
    expect(commands(calls)).not.toContain('get_prep');
  });

  it('quits with Ctrl+Q or Cmd+Q, and only with them', async () => {
    const { user, calls } = await renderShell(PEOPLE, { quit_app: () => null });
    const quits = () => commands(calls).filter((cmd) => cmd === 'quit_app').length;

    await user.keyboard('q');
    await user.keyboard('{Control>}{Shift>}q{/Shift}{/Control}');
    await user.keyboard('{Control>}w{/Control}');
    expect(quits()).toBe(0);

    await user.keyboard('{Control>}q{/Control}');
    await waitFor(() => expect(quits()).toBe(1));
    await user.keyboard('{Meta>}q{/Meta}');
    await waitFor(() => expect(quits()).toBe(2));
  });

  it('closes the window with Ctrl+W, leaving Rapport running in the tray', async () => {
    const { user, calls } = await renderShell(PEOPLE, {
      'plugin:window|close': () => null,
    });
    mockWindows('main');
    await user.keyboard('{Control>}w{/Control}');
    await waitFor(() => expect(commands(calls)).toContain('plugin:window|close'));
    expect(commands(calls)).not.toContain('quit_app');
  });
});

describe('main shell: search from anywhere', () => {
  const found = {
    groups: [],
    total: 0,
    offset: 0,
    shown: 0,
    people: [],
    terms: [],
  };

  function searchQueries(calls: Call[]): string[] {
    return calls
      .filter((call) => call.cmd === 'search')
      .map((call) => (call.args as { request: { query: string } }).request.query);
  }

  it('searches what is typed in the sidebar', async () => {
    const { user, calls } = await renderShell(PEOPLE, { search: () => found });
    const sidebar = document.getElementById('sidebar-search') as HTMLInputElement;
    expect(sidebar).toHaveAttribute('placeholder', 'Search notes  Ctrl+K');
    await user.type(sidebar, 'billing{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    expect(document.getElementById('search-input')).toHaveValue('billing');
    expect(document.getElementById('search-input')).toHaveFocus();
    expect(sidebar).toHaveValue('');
    await waitFor(() => expect(searchQueries(calls)).toEqual(['billing']));
  });

  it('opens the search with Ctrl+K, Cmd+K or /, with the field focused', async () => {
    const { user } = await renderShell(PEOPLE, { search: () => found });
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    expect(document.getElementById('search-input')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await user.keyboard('{Meta>}k{/Meta}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await user.keyboard('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    expect(document.getElementById('search-input')).toHaveFocus();
    // Typed into the field, / is only a character.
    await user.keyboard('/');
    expect(document.getElementById('search-input')).toHaveValue('/');
  });

  it('leaves / alone while typing elsewhere', async () => {
    const { user } = await renderShell(PEOPLE, { search: () => found });
    await user.type(document.getElementById('sidebar-search')!, 'a/b');
    expect(title()).toHaveTextContent('Today');
    expect(document.getElementById('sidebar-search')).toHaveValue('a/b');
  });

  it('selects the field again on the search screen, and takes up the last search', async () => {
    const { user, calls } = await renderShell(PEOPLE, { search: () => found });
    await user.type(document.getElementById('sidebar-search')!, 'billing{Enter}');
    const input = (await waitFor(() =>
      document.getElementById('search-input'),
    )) as HTMLInputElement;
    await user.click(screen.getByRole('heading', { level: 1, name: 'Search' }));
    await user.keyboard('{Control>}k{/Control}');
    expect(input).toHaveFocus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'billing'.length]);

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(document.getElementById('search-input')).toHaveValue('billing'));
    await waitFor(() => expect(searchQueries(calls)).toEqual(['billing', 'billing']));
  });
});

describe('main shell: the keyboard shortcuts', () => {
  function shortcutsDialog(): HTMLElement | null {
    return document.getElementById('shortcuts-dialog');
  }

  function keysOf(dialog: HTMLElement, id: string): string[] {
    const row = dialog.querySelector(`#shortcut-${id}`);
    return Array.from(row?.querySelectorAll('kbd') ?? []).map((kbd) => kbd.textContent ?? '');
  }

  it('lists them on ?, search, lock and the list itself among them', async () => {
    const { user } = await renderShell();
    expect(shortcutsDialog()).not.toBeInTheDocument();

    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toBe(shortcutsDialog());
    expect(within(dialog).getByRole('table')).toBeInTheDocument();
    expect(keysOf(dialog, 'search')).toEqual(['Ctrl+K', '/']);
    expect(keysOf(dialog, 'lock')).toEqual(['Ctrl+L']);
    expect(keysOf(dialog, 'shortcuts')).toEqual(['?']);
    expect(within(dialog).getByRole('rowheader', { name: 'Lock Rapport' })).toBeInTheDocument();
    // The list opened on its own: the keys did not reach a screen behind it.
    expect(title()).toHaveTextContent('Today');
  });

  it('leaves ? alone while typing in a field or in notes', async () => {
    const { user } = await renderShell();
    const sidebar = document.getElementById('sidebar-search') as HTMLInputElement;
    await user.type(sidebar, 'why?');
    expect(sidebar).toHaveValue('why?');
    expect(shortcutsDialog()).not.toBeInTheDocument();

    const notes = document.createElement('textarea');
    document.body.append(notes);
    try {
      await user.type(notes, 'Is it done?');
      expect(notes).toHaveValue('Is it done?');
      expect(shortcutsDialog()).not.toBeInTheDocument();
    } finally {
      notes.remove();
    }
  });

  it('closes with Escape and gives the focus back', async () => {
    const { user } = await renderShell();
    const today = screen.getByRole('button', { name: 'Today' });
    today.focus();

    await user.keyboard('?');
    expect(shortcutsDialog()).toBeInTheDocument();
    expect(document.getElementById('shortcuts-close')).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(shortcutsDialog()).not.toBeInTheDocument();
    expect(today).toHaveFocus();
  });

  it('opens from the sidebar and closes with its Close button', async () => {
    const { user } = await renderShell();
    const open = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    expect(open).toBe(document.getElementById('show-shortcuts'));

    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(shortcutsDialog()).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });
});
