import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import BackupSettings from '../lib/BackupSettings.svelte';
import Setup from '../lib/Setup.svelte';
import type { BackupInfo, BackupStatus, RestorePreview } from '../lib/bindings';
import { reopenWindow } from '../lib/reopen';
import { DATA_DIR, commands, mockBackend, status } from './fixtures';

vi.mock('../lib/reopen', () => ({ reopenWindow: vi.fn() }));

const FOLDER = `${DATA_DIR}/backups`;

function backupStatus(overrides: Partial<BackupStatus> = {}): BackupStatus {
  return {
    folder: FOLDER,
    default_folder: true,
    last_automatic: {
      path: `${FOLDER}/rapport-0123456789ab-20260307-090000-auto.rapportbackup`,
      created_at: '2026-03-07T09:00:00Z',
      kind: 'automatic',
    },
    latest: null,
    ...overrides,
  };
}

function made(overrides: Partial<BackupInfo> = {}): BackupInfo {
  return {
    path: `${FOLDER}/rapport-0123456789ab-20260308-101500-manual.rapportbackup`,
    store_id: 'store-1',
    created_at: '2026-03-08T10:15:00Z',
    kind: 'manual',
    schema_version: 9,
    key_backend: 'keyring',
    bytes: 3 * 1024 * 1024,
    people: 4,
    meetings: 120,
    ...overrides,
  };
}

function preview(overrides: Partial<RestorePreview> = {}): RestorePreview {
  return {
    backup: made({ people: null, meetings: null }),
    data_dir: DATA_DIR,
    replaces_a_store: true,
    other_store: false,
    ...overrides,
  };
}

type Handlers = Record<string, (args: unknown) => unknown>;

async function renderData(handlers: Handlers = {}) {
  const calls = mockBackend({ backup_status: () => backupStatus(), ...handlers });
  render(BackupSettings);
  await screen.findByText(FOLDER);
  return { calls, user: userEvent.setup() };
}

beforeEach(() => {
  vi.mocked(reopenWindow).mockClear();
});

afterEach(() => {
  clearMocks();
});

describe('settings: data', () => {
  it('shows the folder and the last automatic backup', async () => {
    await renderData();
    expect(screen.getByRole('heading', { level: 2, name: 'Backups' })).toBeInTheDocument();
    expect(screen.getByText('(in the data folder)')).toBeInTheDocument();
    expect(document.getElementById('backup-last-automatic')?.textContent).toMatch(/\d/);
    expect(screen.queryByRole('button', { name: 'Use the data folder' })).not.toBeInTheDocument();
  });

  it('says when there is no automatic backup yet', async () => {
    await renderData({ backup_status: () => backupStatus({ last_automatic: null }) });
    expect(document.getElementById('backup-last-automatic')).toHaveTextContent('None yet');
  });

  it('backs up now and says where', async () => {
    let after = backupStatus();
    const { calls, user } = await renderData({
      backup_status: () => after,
      back_up_now: () => {
        after = backupStatus({ latest: { path: made().path, created_at: made().created_at, kind: 'manual' } });
        return made();
      },
    });
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const notice = await screen.findByText(/Backed up at/);
    // A sentence: the time of day, not "at Today 3:35 PM".
    expect(notice.textContent).toMatch(/^Backed up at \d{1,2}:\d{2}( [AP]M)? \(/);
    expect(notice).toHaveTextContent(made().path);
    expect(notice).toHaveTextContent('3.0 MiB');
    expect(commands(calls)).toEqual(['backup_status', 'back_up_now', 'backup_status']);
    expect(document.getElementById('backup-latest')).not.toBeNull();
  });

  it('shows why a backup failed', async () => {
    const { user } = await renderData({
      back_up_now: () => {
        throw { code: 'io', message: 'The disk is full; the last change was not saved.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full');
  });

  it('changes the folder through the dialog, and back to the default', async () => {
    const chosen = '/home/sam/Sync/rapport';
    const { calls, user } = await renderData({
      choose_backup_folder: () => backupStatus({ folder: chosen, default_folder: false }),
      use_default_backup_folder: () => backupStatus(),
    });
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
    expect(await screen.findByText(chosen)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use the data folder' }));
    expect(await screen.findByText(FOLDER)).toBeInTheDocument();
    expect(commands(calls)).toEqual([
      'backup_status',
      'choose_backup_folder',
      'use_default_backup_folder',
    ]);
  });

  it('leaves everything as it was when the folder dialog is closed', async () => {
    const { user } = await renderData({ choose_backup_folder: () => null });
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Back up now' })).toBeEnabled());
    expect(screen.getByText(FOLDER)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('settings: restore', () => {
  it('asks before replacing, says what is kept, then reopens', async () => {
    const { calls, user } = await renderData({
      choose_backup_file: () => preview(),
      restore_backup: () => status({ state: 'unlocked', key_backend: 'keyring' }),
    });
    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(within(dialog).getByText(/anything written since then/)).toBeInTheDocument();
    expect(within(dialog).getByText(/before-restore-/)).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Passphrase of the backup')).not.toBeInTheDocument();
    expect(commands(calls)).not.toContain('restore_backup');
    await user.click(within(dialog).getByRole('button', { name: 'Replace my notes and reopen' }));
    await waitFor(() => expect(reopenWindow).toHaveBeenCalledOnce());
    expect(calls.find((call) => call.cmd === 'restore_backup')?.args).toEqual({
      passphrase: null,
      recoveryKey: null,
      replaceOtherStore: false,
    });
  });

  it('cancelling restores nothing', async () => {
    const { calls, user } = await renderData({ choose_backup_file: () => preview() });
    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(commands(calls)).not.toContain('restore_backup');
    expect(reopenWindow).not.toHaveBeenCalled();
  });

  it('asks for the passphrase of a passphrase backup and shows a wrong one', async () => {
    const { calls, user } = await renderData({
      choose_backup_file: () =>
        preview({ backup: made({ key_backend: 'passphrase', people: null, meetings: null }) }),
      restore_backup: () => {
        throw { code: 'wrong_passphrase', message: 'That passphrase does not unlock this backup.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    const submit = within(dialog).getByRole('button', { name: 'Replace my notes and reopen' });
    await user.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Enter the passphrase of the backup.',
    );
    expect(commands(calls)).not.toContain('restore_backup');
    await user.type(within(dialog).getByLabelText('Passphrase of the backup'), 'not it at all');
    await user.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That passphrase does not unlock this backup.',
    );
    expect(calls.find((call) => call.cmd === 'restore_backup')?.args).toEqual({
      passphrase: 'not it at all',
      recoveryKey: null,
      replaceOtherStore: false,
    });
    expect(reopenWindow).not.toHaveBeenCalled();
  });

  it('opens a backup with its recovery key instead', async () => {
    const key = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';
    const { calls, user } = await renderData({
      choose_backup_file: () => preview(),
      restore_backup: () =>
        status({ state: 'unlocked', key_backend: 'keyring', needs_new_key: true }),
    });
    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(within(dialog).getByText(/this computer's keyring/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Use the recovery key' }));
    const field = within(dialog).getByLabelText('Recovery key of the backup');
    await waitFor(() => expect(field).toHaveFocus());
    const submit = within(dialog).getByRole('button', { name: 'Replace my notes and reopen' });
    await user.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Enter the recovery key of the backup.',
    );
    expect(commands(calls)).not.toContain('restore_backup');
    await user.type(field, key);
    await user.click(submit);
    await waitFor(() => expect(reopenWindow).toHaveBeenCalledOnce());
    expect(calls.find((call) => call.cmd === 'restore_backup')?.args).toEqual({
      passphrase: null,
      recoveryKey: key,
      replaceOtherStore: false,
    });
  });

  it('offers the passphrase again after switching to the recovery key', async () => {
    const { user } = await renderData({
      choose_backup_file: () =>
        preview({ backup: made({ key_backend: 'passphrase', people: null, meetings: null }) }),
    });
    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Use the recovery key' }));
    expect(within(dialog).queryByLabelText('Passphrase of the backup')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Use the passphrase' }));
    expect(within(dialog).getByLabelText('Passphrase of the backup')).toBeInTheDocument();
  });

  it('warns plainly about a backup of another store', async () => {
    const { calls, user } = await renderData({
      choose_backup_file: () => preview({ other_store: true }),
      restore_backup: () => status({ state: 'unlocked', key_backend: 'keyring' }),
    });
    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(within(dialog).getByText(/different notes store/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Replace my notes and reopen' }));
    await waitFor(() => expect(reopenWindow).toHaveBeenCalledOnce());
    expect(calls.find((call) => call.cmd === 'restore_backup')?.args).toEqual({
      passphrase: null,
      recoveryKey: null,
      replaceOtherStore: true,
    });
  });

  it('shows why a chosen file cannot be restored', async () => {
    const { user } = await renderData({
      choose_backup_file: () => {
        throw { code: 'not_a_backup', message: '/home/sam/notes.txt is not a Rapport backup.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Restore…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is not a Rapport backup');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('first run: restore from another computer', () => {
  it('restores a backup into the empty data folder with its recovery key', async () => {
    const key = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';
    const calls = mockBackend({
      choose_backup_file: () =>
        preview({ replaces_a_store: false, backup: made({ key_backend: 'passphrase' }) }),
      restore_backup: () =>
        status({ state: 'unlocked', key_backend: 'passphrase', needs_new_key: true }),
    });
    const oncreated = vi.fn();
    render(Setup, { props: { status: status(), oncreated } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Restore a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    // Nothing is there to replace: no warning, no folder kept aside.
    expect(within(dialog).queryByText(/before-restore-/)).not.toBeInTheDocument();
    expect(document.getElementById('restore-warning')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Use the recovery key' }));
    await user.type(within(dialog).getByLabelText('Recovery key of the backup'), key);
    await user.click(within(dialog).getByRole('button', { name: 'Restore and open' }));
    await waitFor(() => expect(reopenWindow).toHaveBeenCalledOnce());
    expect(commands(calls)).toEqual(['choose_backup_file', 'restore_backup']);
    expect(calls[1]?.args).toEqual({ passphrase: null, recoveryKey: key, replaceOtherStore: false });
    expect(oncreated).not.toHaveBeenCalled();
  });

  it('shows why a chosen file cannot be restored and stays on the first run', async () => {
    mockBackend({
      choose_backup_file: () => {
        throw { code: 'backup_damaged', message: '/tmp/x.rapportbackup is damaged.' };
      },
    });
    render(Setup, { props: { status: status(), oncreated: vi.fn() } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Restore a backup…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is damaged');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create my notebook' })).toBeEnabled();
  });
});
