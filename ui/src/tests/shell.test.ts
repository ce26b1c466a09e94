import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { PersonSummary } from '../lib/bindings';
import { PEOPLE, mockBackend, status } from './fixtures';

afterEach(() => {
  clearMocks();
});

async function renderShell(people: PersonSummary[] = PEOPLE) {
  mockBackend({
    app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
    list_people: () => people,
  });
  render(App);
  const nav = await screen.findByRole('navigation', { name: 'People' });
  // The welcome pane shows once the people are loaded.
  await screen.findByRole('heading', { level: 1, name: 'Your team' });
  return { nav, user: userEvent.setup() };
}

function personButtons(nav: HTMLElement): HTMLElement[] {
  return within(nav).queryAllByRole('button');
}

function currentIds(nav: HTMLElement): (string | null)[] {
  return personButtons(nav)
    .filter((button) => button.getAttribute('aria-current') === 'true')
    .map((button) => button.getAttribute('data-person-id'));
}

describe('main shell', () => {
  it('lists active people with their role, hides archived ones, and counts them', async () => {
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
    expect(screen.getByText('3 people')).toBeInTheDocument();
    expect(screen.getByText(/Select a person/)).toBeInTheDocument();
  });

  it('shows archived people on request', async () => {
    const { nav, user } = await renderShell();
    await user.click(screen.getByLabelText(/Show archived/));
    expect(within(nav).getByRole('button', { name: /Dana Kowalski/ })).toHaveTextContent(
      'Archived',
    );
  });

  it('says so when there is nobody yet', async () => {
    const { nav } = await renderShell([]);
    expect(within(nav).getByText('No people yet')).toBeInTheDocument();
    expect(personButtons(nav)).toEqual([]);
    // The theme control still lives in the sidebar.
    expect(screen.getByRole('group', { name: 'Theme' })).toBeInTheDocument();
  });

  it('opens a person with their name, role, level label and e-mail', async () => {
    const { nav, user } = await renderShell();
    await user.click(within(nav).getByRole('button', { name: /Ada Okafor/ }));

    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Ada Okafor');
    expect(within(main).getByText('Backend engineer')).toBeInTheDocument();
    expect(within(main).getByText('Senior')).toBeInTheDocument();
    expect(within(main).getByText('ada@example.com')).toBeInTheDocument();
    expect(currentIds(nav)).toEqual(['p-ada']);
    expect(screen.queryByText('3 people')).not.toBeInTheDocument();
  });

  it.each([
    ['Ben Moreau', 'Junior'],
    ['Chen Li', 'Staff+'],
  ])('shows the level of %s as %s', async (name, label) => {
    const { nav, user } = await renderShell();
    await user.click(within(nav).getByRole('button', { name: new RegExp(name) }));
    expect(within(screen.getByRole('main')).getByText(label)).toBeInTheDocument();
  });

  it('shows "Confirmed" for an archived confirmed person', async () => {
    const { nav, user } = await renderShell();
    await user.click(screen.getByLabelText(/Show archived/));
    await user.click(within(nav).getByRole('button', { name: /Dana Kowalski/ }));
    expect(within(screen.getByRole('main')).getByText('Confirmed')).toBeInTheDocument();
  });

  it('moves the selection with the arrow keys and stops at the ends', async () => {
    const { nav, user } = await renderShell();
    await user.click(within(nav).getByRole('button', { name: /Ada Okafor/ }));

    await user.keyboard('{ArrowDown}');
    expect(currentIds(nav)).toEqual(['p-ben']);
    expect(within(nav).getByRole('button', { name: /Ben Moreau/ })).toHaveFocus();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ben Moreau');

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(currentIds(nav)).toEqual(['p-chen']);

    await user.keyboard('{ArrowUp}');
    expect(currentIds(nav)).toEqual(['p-ben']);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(currentIds(nav)).toEqual(['p-ada']);
    expect(within(nav).getByRole('button', { name: /Ada Okafor/ })).toHaveFocus();
  });

  it('lets Tab reach the list once, on the selected person', async () => {
    const { nav, user } = await renderShell();
    const [ada, ben] = personButtons(nav);
    expect(ada).toHaveAttribute('tabindex', '0');
    expect(ben).toHaveAttribute('tabindex', '-1');
    await user.click(within(nav).getByRole('button', { name: /Ben Moreau/ }));
    expect(ada).toHaveAttribute('tabindex', '-1');
    expect(ben).toHaveAttribute('tabindex', '0');
  });

  it('shows a load failure in an alert', async () => {
    mockBackend({
      app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
      list_people: () => {
        throw { code: 'storage', message: 'The notebook could not be read.' };
      },
    });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('The notebook could not be read.');
  });
});
