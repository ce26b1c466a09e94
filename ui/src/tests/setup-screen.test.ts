import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { SetupRequest } from '../lib/bindings';
import { DATA_DIR, PEOPLE, commands, mockBackend, status } from './fixtures';
import { today } from './builders';

afterEach(() => {
  clearMocks();
});

async function renderSetup(keyringAvailable: boolean, createStore?: (args: unknown) => unknown) {
  const calls = mockBackend({
    app_status: () => status({ state: 'needs_setup', keyring_available: keyringAvailable }),
    create_store: createStore ?? (() => status({ state: 'unlocked', key_backend: 'passphrase' })),
    list_people: () => PEOPLE,
    get_today: () => today(),
  });
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Welcome to Rapport' });
  return { calls, user: userEvent.setup() };
}

describe('first run', () => {
  it('offers the keyring first when it is available', async () => {
    await renderSetup(true);
    const group = screen.getByRole('group', { name: 'How should Rapport protect your notes?' });
    const keyring = within(group).getByLabelText('Keep the key in the system keyring');
    expect(keyring).toHaveAttribute('id', 'backend-keyring');
    expect(keyring).toBeEnabled();
    expect(keyring).toBeChecked();
    expect(within(group).getByLabelText('Protect with a passphrase')).not.toBeChecked();
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Add a demo team to explore')).not.toBeChecked();
    expect(screen.getByText(/stay on this computer, encrypted/)).toBeInTheDocument();
    expect(screen.getByText(DATA_DIR)).toBeInTheDocument();
  });

  it('disables the keyring and preselects a passphrase when no keyring is available', async () => {
    await renderSetup(false);
    const keyring = screen.getByLabelText('Keep the key in the system keyring');
    expect(keyring).toBeDisabled();
    expect(keyring).not.toBeChecked();
    expect(keyring).toHaveAccessibleDescription(/no system keyring is available/i);
    expect(screen.getByLabelText('Protect with a passphrase')).toBeChecked();
    expect(screen.getByLabelText('Passphrase')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Repeat passphrase')).toHaveAttribute('type', 'password');
  });

  it('refuses a short passphrase without calling the backend', async () => {
    const { calls, user } = await renderSetup(false);
    await user.type(screen.getByLabelText('Passphrase'), 'short');
    await user.type(screen.getByLabelText('Repeat passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create my notebook' }));

    expect(screen.getByRole('alert')).toHaveTextContent('at least 8 characters');
    expect(screen.getByLabelText('Passphrase')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Passphrase')).toHaveFocus();
    expect(commands(calls)).toEqual(['start_up']);
  });

  it('refuses passphrases that differ without calling the backend', async () => {
    const { calls, user } = await renderSetup(false);
    await user.type(screen.getByLabelText('Passphrase'), 'correct horse');
    await user.type(screen.getByLabelText('Repeat passphrase'), 'correct house');
    await user.click(screen.getByRole('button', { name: 'Create my notebook' }));

    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('id', 'error');
    expect(alert).toHaveTextContent('The two passphrases do not match.');
    expect(screen.getByLabelText('Repeat passphrase')).toHaveFocus();
    expect(commands(calls)).toEqual(['start_up']);
  });

  it('creates a passphrase store with the exact request, then shows the team', async () => {
    const { calls, user } = await renderSetup(true);
    await user.click(screen.getByLabelText('Protect with a passphrase'));
    await user.type(screen.getByLabelText('Passphrase'), 'correct horse');
    await user.type(screen.getByLabelText('Repeat passphrase'), 'correct horse');
    await user.click(screen.getByLabelText('Add a demo team to explore'));
    await user.click(screen.getByRole('button', { name: 'Create my notebook' }));

    const nav = await screen.findByRole('navigation', { name: 'People' });
    expect(within(nav).getByRole('button', { name: /Ada Okafor/ })).toBeInTheDocument();
    const expected: SetupRequest = {
      backend: 'passphrase',
      passphrase: 'correct horse',
      with_demo: true,
    };
    expect(calls.filter((call) => call.cmd === 'create_store')).toEqual([
      { cmd: 'create_store', args: { request: expected } },
    ]);
    // Then the shell loads the sidebar and the Today screen, in no particular order.
    expect(commands(calls).slice(0, 2)).toEqual(['start_up', 'create_store']);
    expect(commands(calls).slice(2).sort()).toEqual(['get_today', 'list_people']);
  });

  it('creates a keyring store with no passphrase and no demo by default', async () => {
    const { calls, user } = await renderSetup(true);
    await user.click(screen.getByRole('button', { name: 'Create my notebook' }));
    await screen.findByRole('navigation', { name: 'People' });
    const expected: SetupRequest = { backend: 'keyring', passphrase: null, with_demo: false };
    expect(calls[1]).toEqual({ cmd: 'create_store', args: { request: expected } });
  });

  it('shows a backend error and lets the user try again', async () => {
    let attempts = 0;
    const { calls, user } = await renderSetup(true, () => {
      attempts += 1;
      if (attempts === 1) {
        throw { code: 'store_exists', message: 'A notebook already exists in this folder.' };
      }
      return status({ state: 'unlocked', key_backend: 'keyring' });
    });
    const button = screen.getByRole('button', { name: 'Create my notebook' });
    await user.click(button);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A notebook already exists in this folder.',
    );
    expect(screen.queryByRole('navigation', { name: 'People' })).not.toBeInTheDocument();
    expect(button).toBeEnabled();

    await user.click(button);
    await screen.findByRole('navigation', { name: 'People' });
    expect(commands(calls).slice(0, 3)).toEqual(['start_up', 'create_store', 'create_store']);
    expect(commands(calls).slice(3).sort()).toEqual(['get_today', 'list_people']);
  });
});
