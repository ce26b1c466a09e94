import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { DATA_DIR, PEOPLE, commands, mockBackend, status } from './fixtures';
import { today } from './builders';

afterEach(() => {
  clearMocks();
});

const RIGHT = 'correct horse battery';

async function renderUnlock() {
  const calls = mockBackend({
    app_status: () => status({ state: 'locked', key_backend: 'passphrase' }),
    unlock_store: (args) => {
      const { passphrase } = args as { passphrase: string };
      if (passphrase !== RIGHT) {
        throw { code: 'wrong_passphrase', message: 'That passphrase is not right.' };
      }
      return status({ state: 'unlocked', key_backend: 'passphrase' });
    },
    list_people: () => PEOPLE,
    get_today: () => today(),
  });
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Unlock Rapport' });
  return { calls, user: userEvent.setup() };
}

describe('unlock', () => {
  it('focuses the passphrase field and shows where the notes are', async () => {
    await renderUnlock();
    const input = screen.getByLabelText('Passphrase');
    expect(input).toHaveAttribute('id', 'unlock-passphrase');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveFocus();
    expect(screen.getByText(DATA_DIR)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for a passphrase instead of sending an empty one', async () => {
    const { calls, user } = await renderUnlock();
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your passphrase.');
    expect(commands(calls)).toEqual(['start_up']);
  });

  it('shows the backend message on a wrong passphrase and selects the field for retyping', async () => {
    const { calls, user } = await renderUnlock();
    const input = screen.getByLabelText<HTMLInputElement>('Passphrase');
    await user.type(input, 'not it');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('id', 'error');
    expect(alert).toHaveTextContent('That passphrase is not right.');
    expect(input).toHaveFocus();
    expect(input.selectionStart).toBe(0);
    expect(input.selectionEnd).toBe('not it'.length);
    expect(calls[1]).toEqual({ cmd: 'unlock_store', args: { passphrase: 'not it' } });

    // Typing replaces the selected text.
    await user.keyboard(RIGHT);
    expect(input).toHaveValue(RIGHT);
  });

  it('unlocks with Enter and shows the team', async () => {
    const { calls, user } = await renderUnlock();
    await user.type(screen.getByLabelText('Passphrase'), `${RIGHT}{Enter}`);

    const nav = await screen.findByRole('navigation', { name: 'People' });
    expect(within(nav).getAllByRole('button')).toHaveLength(3);
    expect(commands(calls).slice(0, 2)).toEqual(['start_up', 'unlock_store']);
    expect(commands(calls).slice(2).sort()).toEqual(['get_today', 'list_people']);
    expect(calls[1]).toEqual({ cmd: 'unlock_store', args: { passphrase: RIGHT } });
  });
});

describe('start-up', () => {
  it('shows why the app cannot start and retries on request', async () => {
    let attempts = 0;
    mockBackend({
      app_status: () => {
        attempts += 1;
        if (attempts === 1) throw 'the data folder cannot be read';
        return status({ state: 'locked', key_backend: 'passphrase' });
      },
    });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('the data folder cannot be read');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Unlock Rapport' })).toBeInTheDocument();
  });
});

describe('a store that could not be opened automatically', () => {
  it('explains a keyring problem and retries on request', async () => {
    let attempts = 0;
    mockBackend({
      app_status: () => {
        attempts += 1;
        return attempts === 1
          ? status({
              state: 'locked',
              key_backend: 'keyring',
              problem: { code: 'key_missing', message: 'The key is not in the system keyring.' },
            })
          : status({ state: 'unlocked', key_backend: 'keyring' });
      },
      list_people: () => PEOPLE,
      get_today: () => today(),
    });
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Rapport could not open your notes' });
    expect(screen.getByRole('alert')).toHaveTextContent('The key is not in the system keyring.');
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: /Ada Okafor/ });
    expect(attempts).toBe(2);
  });

  it('shows why a supplied passphrase failed on the unlock screen', async () => {
    mockBackend({
      app_status: () =>
        status({
          state: 'locked',
          key_backend: 'passphrase',
          problem: { code: 'wrong_passphrase', message: 'That passphrase does not unlock this notes store.' },
        }),
    });
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Unlock Rapport' });
    expect(screen.getByRole('alert')).toHaveTextContent('That passphrase does not unlock this notes store.');
  });
});
