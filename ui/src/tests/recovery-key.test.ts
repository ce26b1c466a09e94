import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { PEOPLE, commands, mockBackend, status } from './fixtures';
import { today } from './builders';

afterEach(() => {
  clearMocks();
});

const KEY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';

function shell() {
  return { list_people: () => PEOPLE, get_today: () => today() };
}

describe('recovery key after setup', () => {
  async function renderNotice(extra: Record<string, (args: unknown) => unknown> = {}) {
    const calls = mockBackend({
      app_status: () => status({ state: 'unlocked', key_backend: 'keyring', recovery_key_pending: true }),
      get_recovery_key: () => KEY,
      confirm_recovery_key: () => status({ state: 'unlocked', key_backend: 'keyring' }),
      ...shell(),
      ...extra,
    });
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Save your recovery key' });
    return { calls, user: userEvent.setup() };
  }

  it('shows the key and goes on only once the manager says it is stored', async () => {
    const { calls, user } = await renderNotice();
    expect(await screen.findByLabelText('Recovery key')).toHaveTextContent(KEY);
    const next = screen.getByRole('button', { name: 'Continue' });
    expect(next).toBeDisabled();
    await user.click(next);
    expect(commands(calls)).not.toContain('confirm_recovery_key');

    await user.click(screen.getByLabelText('I have stored my recovery key somewhere safe'));
    await user.click(next);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(commands(calls)).toContain('confirm_recovery_key');
  });

  it('saves the key to the file picked in the save dialog', async () => {
    const { calls, user } = await renderNotice({
      'plugin:dialog|save': () => '/home/sam/rapport-recovery-key.txt',
      save_recovery_key: () => null,
    });
    await screen.findByLabelText('Recovery key');
    await user.click(screen.getByRole('button', { name: 'Save as file…' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Saved in /home/sam/rapport-recovery-key.txt',
    );
    const saved = calls.find((c) => c.cmd === 'save_recovery_key');
    expect(saved?.args).toEqual({ path: '/home/sam/rapport-recovery-key.txt' });
    // Saving is not the same as storing it away from the computer.
    expect(commands(calls)).not.toContain('confirm_recovery_key');
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { calls, user } = await renderNotice({ 'plugin:dialog|save': () => null });
    await screen.findByLabelText('Recovery key');
    await user.click(screen.getByRole('button', { name: 'Save as file…' }));
    expect(commands(calls)).not.toContain('save_recovery_key');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});

describe('unlocking with the recovery key', () => {
  it('opens a passphrase store with the recovery key, then asks for a new passphrase', async () => {
    const calls = mockBackend({
      app_status: () =>
        status({ state: 'locked', key_backend: 'passphrase', has_recovery_key: true }),
      unlock_with_recovery_key: (args) => {
        const { recoveryKey } = args as { recoveryKey: string };
        if (recoveryKey !== KEY) throw { code: 'wrong_recovery_key', message: 'That recovery key does not open this notes store.' };
        return status({ state: 'unlocked', key_backend: 'passphrase', needs_new_key: true });
      },
      change_key: () => status({ state: 'unlocked', key_backend: 'passphrase' }),
      ...shell(),
    });
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Unlock Rapport' });
    await user.click(screen.getByRole('button', { name: 'Use the recovery key' }));
    const field = screen.getByLabelText('Recovery key');
    expect(field).toHaveAttribute('type', 'text');
    expect(field).toHaveFocus();

    await user.type(field, 'WRONG-KEY');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('does not open');

    await user.clear(field);
    await user.type(field, KEY);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'Your notes are open' });

    await user.click(screen.getByLabelText('A new passphrase'));
    await user.type(screen.getByLabelText('New passphrase'), 'a new passphrase');
    await user.type(screen.getByLabelText('Repeat it'), 'a new passphrasx');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('do not match');
    expect(commands(calls)).not.toContain('change_key');

    await user.clear(screen.getByLabelText('Repeat it'));
    await user.type(screen.getByLabelText('Repeat it'), 'a new passphrase');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('navigation', { name: 'Main' });
    const change = calls.find((c) => c.cmd === 'change_key');
    expect(change?.args).toEqual({
      request: { backend: 'passphrase', passphrase: 'a new passphrase' },
    });
  });

  it('offers the recovery key when the keyring entry is lost', async () => {
    const calls = mockBackend({
      app_status: () =>
        status({
          state: 'locked',
          key_backend: 'keyring',
          has_recovery_key: true,
          problem: { code: 'key_missing', message: 'The key of this notes store is not in the system keyring.' },
        }),
      unlock_with_recovery_key: () =>
        status({ state: 'unlocked', key_backend: 'keyring', needs_new_key: true }),
      change_key: () => status({ state: 'unlocked', key_backend: 'keyring' }),
      ...shell(),
    });
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Rapport could not open your notes' });
    await user.click(screen.getByRole('button', { name: 'Use the recovery key' }));
    await user.type(screen.getByLabelText('Recovery key'), KEY);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'Your notes are open' });
    expect(screen.getByLabelText(/The system keyring/)).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('navigation', { name: 'Main' });
    const change = calls.find((c) => c.cmd === 'change_key');
    expect(change?.args).toEqual({ request: { backend: 'keyring', passphrase: null } });
  });
});
