import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings as SettingsData } from '../lib/bindings';
import Settings from '../lib/Settings.svelte';
import { commands, mockBackend, status, type Call } from './fixtures';

afterEach(() => {
  clearMocks();
});

type Handlers = Record<string, (args: unknown) => unknown>;

// What the rest of the screen needs, so that each test sees only its own failure.
const QUIET: Handlers = {
  app_status: () =>
    status({ state: 'unlocked', key_backend: 'passphrase', has_recovery_key: true }),
  get_reminder_offsets: () => ({ minutes: [15] }),
  set_reminder_offsets: () => null,
  get_autostart: () => false,
  set_autostart: (args) => (args as { enabled: boolean }).enabled,
  quit_app: () => null,
  list_people: () => [],
  backup_status: () => ({
    folder: '/home/sam/.local/share/rapport/backups',
    default_folder: true,
    last_automatic: null,
    latest: null,
  }),
  get_auto_lock: () => ({ idle_minutes: 15, default_minutes: 15, chosen: false }),
  set_auto_lock: (args) => {
    const { idleMinutes } = args as { idleMinutes: number | null };
    return { idle_minutes: idleMinutes, default_minutes: 15, chosen: true };
  },
};

async function renderSettings(handlers: Handlers = {}) {
  const calls = mockBackend({
    get_settings: () => ({
      manager_name: 'Sam Rivera',
      manager_email: 'sam@example.com',
      discreet_reminders: false,
    }),
    save_settings: (args) => (args as { settings: SettingsData }).settings,
    ...QUIET,
    ...handlers,
  });
  render(Settings);
  await screen.findByLabelText('Your name');
  // The reminders and the login setting load on their own.
  await waitFor(() => {
    expect(document.getElementById('reminders-save')).not.toBeNull();
    expect(checkbox('autostart')).toBeEnabled();
  });
  return { calls, user: userEvent.setup() };
}

function checkbox(id: string): HTMLInputElement {
  const element = document.getElementById(id);
  if (!(element instanceof HTMLInputElement)) throw new Error(`#${id} is missing`);
  return element;
}

function argsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

describe('settings', () => {
  it('shows the stored name and e-mail', async () => {
    await renderSettings();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByLabelText('Your name')).toHaveValue('Sam Rivera');
    expect(screen.getByLabelText('Your e-mail')).toHaveValue('sam@example.com');
  });

  it('saves them, a blank e-mail as none', async () => {
    const { calls, user } = await renderSettings();
    await user.clear(screen.getByLabelText('Your name'));
    await user.type(screen.getByLabelText('Your name'), 'Sam R.');
    await user.clear(screen.getByLabelText('Your e-mail'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'save_settings')?.args).toEqual({
      settings: { manager_name: 'Sam R.', manager_email: null, discreet_reminders: false },
    });
  });

  it('turns on discreet reminders', async () => {
    const { calls, user } = await renderSettings();
    await user.click(screen.getByRole('checkbox', { name: /Discreet reminders/ }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'save_settings')?.args).toEqual({
      settings: { manager_name: 'Sam Rivera', manager_email: 'sam@example.com', discreet_reminders: true },
    });
  });

  it('shows a refusal and keeps what was typed', async () => {
    const { user } = await renderSettings({
      save_settings: () => {
        throw { code: 'invalid_input', message: '"sam@" is not an e-mail address.' };
      },
    });
    await user.clear(screen.getByLabelText('Your e-mail'));
    await user.type(screen.getByLabelText('Your e-mail'), 'sam@');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('"sam@" is not an e-mail address.');
    expect(screen.getByLabelText('Your e-mail')).toHaveValue('sam@');
    expect(screen.queryByText('Settings saved.')).not.toBeInTheDocument();
  });

  it('shows a load failure', async () => {
    mockBackend({
      ...QUIET,
      get_settings: () => {
        throw { code: 'storage', message: 'The notebook could not be read.' };
      },
    });
    render(Settings);
    expect(await screen.findByRole('alert')).toHaveTextContent('The notebook could not be read.');
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
  });
});

describe('settings: reminders', () => {
  it('shows the default reminder times as toggles', async () => {
    const { calls } = await renderSettings();
    await waitFor(() => expect(checkbox('reminder-15')).toBeChecked());
    expect(argsOf(calls, 'get_reminder_offsets')).toEqual([{ personId: null }]);
    expect(screen.getByLabelText('1 day before')).toBe(checkbox('reminder-1440'));
    expect(screen.getByLabelText('1 hour before')).toBe(checkbox('reminder-60'));
    expect(screen.getByLabelText('15 minutes before')).toBe(checkbox('reminder-15'));
    expect(screen.getByLabelText('5 minutes before')).toBe(checkbox('reminder-5'));
    expect(checkbox('reminder-1440')).not.toBeChecked();
    expect(checkbox('reminder-60')).not.toBeChecked();
    expect(checkbox('reminder-5')).not.toBeChecked();
    expect(screen.getByLabelText('None')).not.toBeChecked();
  });

  it('saves the ticked times, largest first', async () => {
    const { calls, user } = await renderSettings();
    await waitFor(() => expect(checkbox('reminder-15')).toBeChecked());
    await user.click(checkbox('reminder-5'));
    await user.click(checkbox('reminder-1440'));
    await user.click(checkbox('reminder-15'));
    expect(commands(calls)).not.toContain('set_reminder_offsets');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByText('Reminders saved.')).toBeInTheDocument();
    expect(argsOf(calls, 'set_reminder_offsets')).toEqual([
      { personId: null, offsets: { minutes: [1440, 5] } },
    ]);
  });

  it('saves "None" as an empty list, and leaves it when a time is ticked', async () => {
    const { calls, user } = await renderSettings({
      get_reminder_offsets: () => ({ minutes: [60, 15] }),
    });
    await waitFor(() => expect(checkbox('reminder-60')).toBeChecked());
    await user.click(checkbox('reminder-none'));
    expect(checkbox('reminder-none')).toBeChecked();
    expect(checkbox('reminder-60')).not.toBeChecked();
    expect(checkbox('reminder-15')).not.toBeChecked();
    // Unticking "None" alone would mean nothing: it stays.
    await user.click(checkbox('reminder-none'));
    expect(checkbox('reminder-none')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByText('Reminders saved.')).toBeInTheDocument();

    await user.click(checkbox('reminder-5'));
    expect(checkbox('reminder-none')).not.toBeChecked();
    // A change hides the old confirmation until the next save.
    expect(screen.queryByText('Reminders saved.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    await screen.findByText('Reminders saved.');
    expect(argsOf(calls, 'set_reminder_offsets')).toEqual([
      { personId: null, offsets: { minutes: [] } },
      { personId: null, offsets: { minutes: [5] } },
    ]);
  });

  it('keeps a stored time that is not a preset', async () => {
    const { calls, user } = await renderSettings({
      get_reminder_offsets: () => ({ minutes: [30, 15] }),
    });
    await waitFor(() => expect(checkbox('reminder-30')).toBeChecked());
    expect(screen.getByLabelText('30 minutes before')).toBe(checkbox('reminder-30'));
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    await screen.findByText('Reminders saved.');
    expect(argsOf(calls, 'set_reminder_offsets')).toEqual([
      { personId: null, offsets: { minutes: [30, 15] } },
    ]);
  });

  it('shows a refusal to save them', async () => {
    const { user } = await renderSettings({
      set_reminder_offsets: () => {
        throw { code: 'invalid_input', message: 'A reminder can come at most a week before.' };
      },
    });
    await waitFor(() => expect(checkbox('reminder-15')).toBeChecked());
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A reminder can come at most a week before.',
    );
    expect(screen.queryByText('Reminders saved.')).not.toBeInTheDocument();
  });
});

describe('settings: lock', () => {
  function select(): HTMLSelectElement {
    const element = document.getElementById('auto-lock');
    if (!(element instanceof HTMLSelectElement)) throw new Error('#auto-lock is missing');
    return element;
  }

  it('shows the idle time, marks the default of this kind of store, and changes it at once', async () => {
    const { calls, user } = await renderSettings();
    const field = await screen.findByLabelText('Lock after no keyboard or mouse use for');
    expect(field).toBe(select());
    await waitFor(() => expect(select()).toHaveValue('15'));
    const options = Array.from(select().options, (option) => option.textContent?.trim());
    expect(options).toEqual([
      'Never',
      '5 minutes',
      '10 minutes',
      '15 minutes (default)',
      '30 minutes',
      '1 hour',
    ]);

    await user.selectOptions(select(), '5');
    await waitFor(() => expect(argsOf(calls, 'set_auto_lock')).toEqual([{ idleMinutes: 5 }]));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(select()).toHaveValue('5');

    await user.selectOptions(select(), 'Never');
    await waitFor(() =>
      expect(argsOf(calls, 'set_auto_lock')).toEqual([{ idleMinutes: 5 }, { idleMinutes: null }]),
    );
    await waitFor(() => expect(select()).toHaveValue('never'));
  });

  it('shows a keyring store that never locks by itself, and a time set elsewhere', async () => {
    await renderSettings({
      get_auto_lock: () => ({ idle_minutes: 45, default_minutes: null, chosen: true }),
    });
    await waitFor(() => expect(select()).toHaveValue('45'));
    const options = Array.from(select().options, (option) => option.textContent?.trim());
    expect(options).toEqual([
      'Never (default)',
      '5 minutes',
      '10 minutes',
      '15 minutes',
      '30 minutes',
      '45 minutes',
      '1 hour',
    ]);
  });

  it('shows why a change was refused', async () => {
    const { user } = await renderSettings({
      set_auto_lock: () => {
        throw { code: 'invalid_input', message: 'Lock after 1 to 480 minutes, or never.' };
      },
    });
    await waitFor(() => expect(select()).toHaveValue('15'));
    await user.selectOptions(select(), '30');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Lock after 1 to 480 minutes, or never.',
    );
    expect(select()).toHaveValue('15');
  });
});

describe('settings: start at login and quit', () => {
  it('shows whether Rapport starts at login and changes it at once', async () => {
    const { calls, user } = await renderSettings({ get_autostart: () => true });
    const box = screen.getByLabelText('Start Rapport at login');
    expect(box).toBe(checkbox('autostart'));
    await waitFor(() => expect(box).toBeChecked());
    await user.click(box);
    await waitFor(() => expect(argsOf(calls, 'set_autostart')).toEqual([{ enabled: false }]));
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).not.toBeChecked();
  });

  it('shows what the system reports, even when it differs from the request', async () => {
    const { calls, user } = await renderSettings({ set_autostart: () => false });
    const box = checkbox('autostart');
    await waitFor(() => expect(box).toBeEnabled());
    await user.click(box);
    await waitFor(() => expect(argsOf(calls, 'set_autostart')).toEqual([{ enabled: true }]));
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).not.toBeChecked();
  });

  it('reverts the box and says why when it cannot be changed', async () => {
    const { calls, user } = await renderSettings({
      set_autostart: () => {
        throw { code: 'io', message: 'Could not change starting at login: access denied' };
      },
    });
    const box = checkbox('autostart');
    await waitFor(() => expect(box).toBeEnabled());
    await user.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not change starting at login: access denied',
    );
    expect(box).not.toBeChecked();
    expect(argsOf(calls, 'set_autostart')).toEqual([{ enabled: true }]);
  });

  it('quits from the button, and says closing keeps Rapport in the tray', async () => {
    const { calls, user } = await renderSettings();
    expect(screen.getByText(/Closing the window keeps Rapport in the tray/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Quit Rapport' }));
    await waitFor(() => expect(commands(calls)).toContain('quit_app'));
    expect(screen.getByRole('button', { name: 'Quit Rapport' })).toHaveAttribute('id', 'quit-app');
  });
});

describe('encryption and recovery', () => {
  const KEY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';

  it('changes the passphrase after checking the two match', async () => {
    const { calls, user } = await renderSettings({
      change_key: () => status({ state: 'unlocked', key_backend: 'passphrase' }),
    });
    expect(await screen.findByText('your passphrase')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change passphrase…' }));
    await user.type(screen.getByLabelText('New passphrase'), 'a fresh passphrase');
    await user.type(screen.getByLabelText('Repeat it'), 'a fresh passphrasf');
    await user.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect(screen.getByText('The two passphrases do not match.')).toBeInTheDocument();
    expect(commands(calls)).not.toContain('change_key');

    await user.clear(screen.getByLabelText('Repeat it'));
    await user.type(screen.getByLabelText('Repeat it'), 'a fresh passphrase');
    await user.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect(
      await screen.findByText('Rapport now unlocks with the new passphrase.'),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'change_key')?.args).toEqual({
      request: { backend: 'passphrase', passphrase: 'a fresh passphrase' },
    });
  });

  it('makes a new recovery key only after asking, and shows it', async () => {
    const { calls, user } = await renderSettings({
      replace_recovery_key: () =>
        status({ state: 'unlocked', key_backend: 'passphrase', recovery_key_pending: true }),
      get_recovery_key: () => KEY,
    });
    await user.click(await screen.findByRole('button', { name: 'Make a new recovery key' }));
    expect(commands(calls)).not.toContain('replace_recovery_key');
    await user.click(screen.getByRole('button', { name: 'Make a new key' }));
    expect(await screen.findByLabelText('Recovery key')).toHaveTextContent(KEY);
    expect(commands(calls)).toContain('replace_recovery_key');
    expect(screen.getByRole('button', { name: 'I have stored it somewhere safe' })).toBeInTheDocument();
  });

  it('re-encrypts a passphrase store with the passphrase typed again', async () => {
    const { calls, user } = await renderSettings({
      reencrypt_store: (args) => {
        if ((args as { passphrase: string }).passphrase !== 'the passphrase') {
          throw { code: 'wrong_passphrase', message: 'That passphrase does not unlock this notes store.' };
        }
        return null;
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Re-encrypt everything…' }));
    await user.type(screen.getByLabelText('Your passphrase'), 'a typo');
    await user.click(screen.getByRole('button', { name: 'Re-encrypt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('does not unlock');
    await user.clear(screen.getByLabelText('Your passphrase'));
    await user.type(screen.getByLabelText('Your passphrase'), 'the passphrase');
    await user.click(screen.getByRole('button', { name: 'Re-encrypt' }));
    expect(await screen.findByText(/encrypted with a new key/)).toBeInTheDocument();
    expect(commands(calls).filter((c) => c === 'reencrypt_store')).toHaveLength(2);
  });
});
