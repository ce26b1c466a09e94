// Locking: Ctrl+L, the tray or idle time, and a command that finds the store
// locked all lead to the unlock screen with no notes left on it; unlocking
// brings the notes back.
import { emit } from '@tauri-apps/api/event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { KeyBackend } from '../lib/bindings';
import { personOf, personPage, today } from './builders';
import { PEOPLE, commands, mockBackend, status } from './fixtures';

afterEach(() => {
  clearMocks();
});

const RIGHT = 'correct horse battery';

/** A backend whose store is open until it is locked. */
function lockable(backend: KeyBackend, extra: Record<string, (args: unknown) => unknown> = {}) {
  let open = true;
  const current = () =>
    open
      ? status({ state: 'unlocked', key_backend: backend, has_recovery_key: true })
      : status({
          state: 'locked',
          key_backend: backend,
          has_recovery_key: true,
          session_locked: true,
        });
  const locked = () => {
    throw { code: 'store_locked', message: 'Rapport is locked. Unlock it to see your notes.' };
  };
  const calls = mockBackend({
    app_status: current,
    lock_app: () => {
      open = false;
      return current();
    },
    unlock_store: (args) => {
      if ((args as { passphrase: string }).passphrase !== RIGHT) {
        throw { code: 'wrong_passphrase', message: 'That passphrase is not right.' };
      }
      open = true;
      return current();
    },
    unlock_with_keyring: () => {
      open = true;
      return current();
    },
    list_people: () => (open ? PEOPLE : locked()),
    get_today: () => (open ? today() : locked()),
    get_person_page: (args) => {
      if (!open) return locked();
      const id = (args as { personId: string }).personId;
      const summary = PEOPLE.find((p) => p.id === id) ?? PEOPLE[0];
      if (!summary) throw { code: 'not_found', message: 'No such person.' };
      return personPage({ person: personOf(summary) });
    },
    ...extra,
  });
  return {
    calls,
    lockBehindTheWindow: () => {
      open = false;
    },
  };
}

async function showTeam(): Promise<HTMLElement> {
  const nav = await screen.findByRole('navigation', { name: 'People' });
  await waitFor(() => expect(within(nav).getAllByRole('button')).toHaveLength(3));
  return nav;
}

async function unlockScreen(): Promise<void> {
  await screen.findByRole('heading', { level: 1, name: 'Unlock Rapport' });
  // Nothing from the notes stays on screen.
  expect(screen.queryByRole('navigation', { name: 'People' })).not.toBeInTheDocument();
  expect(screen.queryByText('Ada Okafor')).not.toBeInTheDocument();
}

describe('lock', () => {
  it('locks with Ctrl+L and asks for the passphrase again, then shows the notes', async () => {
    const { calls } = lockable('passphrase');
    render(App);
    await showTeam();
    const user = userEvent.setup();

    await user.keyboard('l');
    await user.keyboard('{Control>}{Shift>}l{/Shift}{/Control}');
    expect(commands(calls)).not.toContain('lock_app');

    await user.keyboard('{Control>}l{/Control}');
    await unlockScreen();
    expect(commands(calls).filter((cmd) => cmd === 'lock_app')).toHaveLength(1);
    const field = screen.getByLabelText('Passphrase');
    expect(field).toHaveFocus();

    await user.type(field, `${RIGHT}{Enter}`);
    await showTeam();
    expect(screen.getByText('Ada Okafor')).toBeInTheDocument();
    // Read afresh, not what the window's first call read before the lock.
    const sinceUnlock = commands(calls).slice(commands(calls).indexOf('unlock_store'));
    expect(sinceUnlock).toContain('list_people');
    await waitFor(() => expect(commands(calls)).toContain('get_today'));
  });

  it('unlocks a keyring store with one button that reads the keyring again', async () => {
    const { calls } = lockable('keyring');
    render(App);
    await showTeam();
    const user = userEvent.setup();

    await user.keyboard('{Meta>}l{/Meta}');
    await unlockScreen();
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
    expect(screen.getByText(/Your system keyring opens your notes again/)).toBeInTheDocument();
    const unlock = screen.getByRole('button', { name: 'Unlock' });
    expect(unlock).toHaveFocus();
    // The recovery key stays at hand, should the keyring entry be gone.
    expect(screen.getByRole('button', { name: 'Use the recovery key' })).toBeInTheDocument();

    await user.click(unlock);
    await showTeam();
    expect(commands(calls)).toContain('unlock_with_keyring');
    expect(commands(calls)).not.toContain('unlock_store');
  });

  it('shows why the keyring did not open the store', async () => {
    lockable('keyring', {
      unlock_with_keyring: () => {
        throw { code: 'key_missing', message: 'The keyring has no key for this store.' };
      },
    });
    render(App);
    await showTeam();
    const user = userEvent.setup();
    await user.keyboard('{Control>}l{/Control}');
    await unlockScreen();
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The keyring has no key for this store.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Unlock Rapport' })).toBeInTheDocument();
  });

  it('shows the unlock screen when the tray or idle time locked the store', async () => {
    const backend = lockable('passphrase');
    render(App);
    await showTeam();
    backend.lockBehindTheWindow();
    await emit('store-locked', null);
    await unlockScreen();
  });

  it('shows the unlock screen when a command finds the store locked', async () => {
    const backend = lockable('passphrase');
    render(App);
    const nav = await showTeam();
    backend.lockBehindTheWindow();
    const user = userEvent.setup();
    await user.click(within(nav).getByRole('button', { name: /Ben Moreau/ }));
    await unlockScreen();
  });
});
