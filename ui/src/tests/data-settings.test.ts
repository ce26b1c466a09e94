import { emit } from '@tauri-apps/api/event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import type { ImportedSeries, VaultWritten } from '../lib/bindings';
import DataSettings from '../lib/DataSettings.svelte';
import { importedLine, seriesLine, vaultLine, writingLine } from '../lib/data-transfer';
import { meeting, series } from './builders';
import { PEOPLE, commands, mockBackend } from './fixtures';

// The real subscription, watched: when it starts and when it stops.
vi.mock('../lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../lib/api')>();
  return { ...actual, onVaultProgress: vi.fn(actual.onVaultProgress) };
});

const stopped = vi.fn();

beforeEach(async () => {
  const actual = await vi.importActual<typeof import('../lib/api')>('../lib/api');
  stopped.mockClear();
  vi.mocked(api.onVaultProgress)
    .mockClear()
    .mockImplementation((handler) => {
      const stop = actual.onVaultProgress(handler);
      return () => {
        stopped();
        stop();
      };
    });
});

afterEach(() => {
  clearMocks();
});

type Handlers = Record<string, (args: unknown) => unknown>;

/**
 * The first progress event, which the app sends once a file is picked; sent
 * again until heard, since the listener registers on its own time.
 */
async function filePicked(name: string): Promise<HTMLElement> {
  let bar: HTMLElement | null = null;
  await waitFor(async () => {
    await emit('data-progress', { done: 0, total: 0 });
    bar = screen.getByRole('progressbar', { name });
  });
  if (bar === null) throw new Error(`no progress bar named ${name}`);
  return bar;
}

const BUTTONS = ['export-json', 'export-vault', 'import-json', 'import-ics'];

function element<T extends HTMLElement>(id: string, kind: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`#${id} is missing`);
  return found;
}

function button(id: string): HTMLButtonElement {
  return element(id, HTMLButtonElement);
}

function resultText(): string {
  return document.getElementById('data-result')?.textContent ?? '';
}

/** A command that answers only when the test says so. */
function pending<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

async function renderData(handlers: Handlers = {}, onpeoplechanged = vi.fn()) {
  const calls = mockBackend({ list_people: () => PEOPLE, ...handlers });
  render(DataSettings, { props: { onpeoplechanged } });
  // The person list is loaded: Ada is offered.
  await screen.findByRole('option', { name: 'Ada Okafor' });
  return { calls, user: userEvent.setup(), onpeoplechanged };
}

async function chooseAda(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.selectOptions(element('import-ics-person', HTMLSelectElement), 'p-ada');
}

const IMPORTED_SERIES: ImportedSeries = {
  series: series(),
  next_meeting: meeting(),
  source_summary: 'Weekly sync',
};

describe('settings: data, what each button does', () => {
  it('exports everything as JSON and says where', async () => {
    const path = '/home/sam/rapport-export-2026-03-08.json';
    const { calls, user } = await renderData({ export_json_file: () => path });
    expect(screen.getByRole('heading', { level: 2, name: 'Data' })).toBeInTheDocument();
    await user.click(button('export-json'));
    await waitFor(() => expect(resultText()).toBe(`Exported to ${path}`));
    expect(screen.getByRole('status')).toHaveTextContent(`Exported to ${path}`);
    expect(commands(calls)).toEqual(['list_people', 'export_json_file']);
    expect(document.getElementById('data-error')).toBeNull();
  });

  it('exports the Markdown notes, private ones left out when asked', async () => {
    const written: VaultWritten = { folder: '/home/sam/Notes/Rapport notes', files: 4321 };
    const { calls, user } = await renderData({ export_vault_folder: () => written });
    await user.click(element('vault-shared-only', HTMLInputElement));
    await user.click(button('export-vault'));
    await waitFor(() =>
      expect(resultText()).toBe('Wrote 4,321 files to /home/sam/Notes/Rapport notes'),
    );
    expect(calls.find((call) => call.cmd === 'export_vault_folder')?.args).toEqual({
      sharedOnly: true,
    });
  });

  it('exports every note by default', async () => {
    const { calls, user } = await renderData({
      export_vault_folder: () => ({ folder: '/tmp/v', files: 3 }),
    });
    await user.click(button('export-vault'));
    await waitFor(() => expect(resultText()).toBe('Wrote 3 files to /tmp/v'));
    expect(calls.find((call) => call.cmd === 'export_vault_folder')?.args).toEqual({
      sharedOnly: false,
    });
  });

  it('imports a JSON export and has the sidebar list the people', async () => {
    const { calls, user, onpeoplechanged } = await renderData({
      import_json_file: () => ({ people: 6, meetings: 120 }),
    });
    await user.click(button('import-json'));
    await waitFor(() => expect(resultText()).toBe('Imported 6 people and 120 1:1s'));
    expect(onpeoplechanged).toHaveBeenCalledOnce();
    // The person list of the calendar import is fresh too.
    expect(commands(calls)).toEqual(['list_people', 'import_json_file', 'list_people']);
  });

  it('offers only active people, and the calendar import waits for a choice', async () => {
    const { calls, user } = await renderData({ import_series_file: () => IMPORTED_SERIES });
    const select = element('import-ics-person', HTMLSelectElement);
    const options = [...select.options].map((option) => [option.text, option.disabled]);
    expect(options).toEqual([
      ['Choose a person', true],
      ['Ada Okafor', false],
      ['Ben Moreau', false],
      ['Chen Li', false],
    ]);
    expect(button('import-ics')).toBeDisabled();
    await chooseAda(user);
    expect(button('import-ics')).toBeEnabled();
    await user.click(button('import-ics'));
    await waitFor(() => expect(resultText()).toMatch(/^Set up Ada's recurring 1:1/));
    expect(resultText()).toBe(seriesLine('Ada Okafor', IMPORTED_SERIES));
    expect(resultText()).toContain('from "Weekly sync": weekly on Thursday at');
    expect(calls.find((call) => call.cmd === 'import_series_file')?.args).toEqual({
      personId: 'p-ada',
    });
  });
});

describe('settings: data, a closed dialog or a failure', () => {
  it.each([
    ['export-json', 'export_json_file'],
    ['export-vault', 'export_vault_folder'],
    ['import-json', 'import_json_file'],
    ['import-ics', 'import_series_file'],
  ])('shows nothing when the dialog of %s is closed', async (id, command) => {
    const { calls, user, onpeoplechanged } = await renderData({ [command]: () => null });
    if (id === 'import-ics') await chooseAda(user);
    await user.click(button(id));
    await waitFor(() => expect(button(id)).toBeEnabled());
    expect(commands(calls)).toContain(command);
    expect(resultText()).toBe('');
    expect(document.getElementById('data-error')).toBeNull();
    expect(document.getElementById('data-progress')).toBeNull();
    expect(onpeoplechanged).not.toHaveBeenCalled();
    // The vault's progress is heard only while it is written.
    expect(stopped).toHaveBeenCalledTimes(vi.mocked(api.onVaultProgress).mock.calls.length);
  });

  it('stops hearing the progress of a vault that failed', async () => {
    const { user } = await renderData({
      export_vault_folder: () => {
        throw { code: 'io', message: 'The folder /tmp/v already exists.' };
      },
    });
    await user.click(button('export-vault'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The folder /tmp/v already exists.');
    expect(api.onVaultProgress).toHaveBeenCalledOnce();
    expect(stopped).toHaveBeenCalledOnce();
    expect(resultText()).toBe('');
  });

  it('shows the message of a failure as it is, and no result', async () => {
    const message = 'This store already holds people: a JSON export goes only into an empty store.';
    const { user, onpeoplechanged } = await renderData({
      export_json_file: () => '/tmp/rapport.json',
      import_json_file: () => {
        throw { code: 'not_empty', message };
      },
    });
    await user.click(button('export-json'));
    await waitFor(() => expect(resultText()).toBe('Exported to /tmp/rapport.json'));
    await user.click(button('import-json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(document.getElementById('data-error')?.textContent).toBe(message);
    // The earlier result is gone: it is not what the last click did.
    expect(resultText()).toBe('');
    expect(onpeoplechanged).not.toHaveBeenCalled();
  });

  it('shows a failure of a calendar file', async () => {
    const message = '/home/sam/sync.ics holds no repeating event.';
    const { user } = await renderData({
      import_series_file: () => {
        throw { code: 'invalid_input', message };
      },
    });
    await chooseAda(user);
    await user.click(button('import-ics'));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(resultText()).toBe('');
  });
});

describe('settings: data, while it runs', () => {
  it('shows an indeterminate bar and holds every button until the export is done', async () => {
    const answer = pending<string | null>();
    const { user } = await renderData({ export_json_file: () => answer.promise });
    await chooseAda(user);
    await user.click(button('export-json'));
    // While the system dialog is open, no bar.
    expect(document.getElementById('data-progress')).toBeNull();
    for (const id of BUTTONS) expect(button(id)).toBeDisabled();
    const bar = await filePicked('Exporting everything as JSON');
    expect(bar.id).toBe('data-progress');
    expect(bar).not.toHaveAttribute('value');
    expect(document.getElementById('data-settings')).toHaveAttribute('aria-busy', 'true');
    for (const id of BUTTONS) expect(button(id)).toBeDisabled();

    answer.resolve('/tmp/rapport.json');
    await waitFor(() => expect(resultText()).toBe('Exported to /tmp/rapport.json'));
    expect(document.getElementById('data-progress')).toBeNull();
    expect(document.getElementById('data-settings')).not.toHaveAttribute('aria-busy');
    for (const id of BUTTONS) expect(button(id)).toBeEnabled();
  });

  it('names the import that runs', async () => {
    const answer = pending<null>();
    const { user } = await renderData({ import_json_file: () => answer.promise });
    await user.click(button('import-json'));
    expect(await filePicked('Importing a JSON export')).not.toHaveAttribute('value');
    answer.resolve(null);
    await waitFor(() => expect(document.getElementById('data-progress')).toBeNull());
  });

  it('counts the files of a vault as they are written', async () => {
    const answer = pending<VaultWritten | null>();
    const { user } = await renderData({ export_vault_folder: () => answer.promise });
    expect(api.onVaultProgress).not.toHaveBeenCalled();
    await user.click(button('export-vault'));
    await filePicked('Exporting Markdown notes');
    expect(api.onVaultProgress).toHaveBeenCalledOnce();
    expect(stopped).not.toHaveBeenCalled();
    for (const id of BUTTONS) expect(button(id)).toBeDisabled();
    expect(element('vault-shared-only', HTMLInputElement)).toBeDisabled();

    // Sent again until heard: the listener registers on its own time.
    await waitFor(async () => {
      await emit('data-progress', { done: 120, total: 4321 });
      const bar = element('data-progress', HTMLProgressElement);
      expect(bar).toHaveAttribute('value', '120');
      expect(bar).toHaveAttribute('max', '4321');
    });
    expect(screen.getByText('Writing 120 of 4,321 files')).toBeInTheDocument();
    await emit('data-progress', { done: 4000, total: 4321 });
    await waitFor(() =>
      expect(element('data-progress', HTMLProgressElement)).toHaveAttribute('value', '4000'),
    );
    expect(screen.getByText('Writing 4,000 of 4,321 files')).toBeInTheDocument();

    answer.resolve({ folder: '/tmp/vault', files: 4321 });
    await waitFor(() => expect(resultText()).toBe('Wrote 4,321 files to /tmp/vault'));
    expect(document.getElementById('data-progress')).toBeNull();
    expect(stopped).toHaveBeenCalledOnce();

    // Done: a late event shows nothing.
    await emit('data-progress', { done: 1, total: 2 });
    expect(document.getElementById('data-progress')).toBeNull();
    expect(screen.queryByText(/Writing/)).not.toBeInTheDocument();
  });
});

describe('settings: data, the lines it shows', () => {
  it('counts in words', () => {
    expect(importedLine({ people: 1, meetings: 1 })).toBe('Imported 1 person and 1 1:1');
    expect(importedLine({ people: 6, meetings: 1200 })).toBe('Imported 6 people and 1,200 1:1s');
    expect(vaultLine({ folder: '/v', files: 1 })).toBe('Wrote 1 file to /v');
    expect(writingLine({ done: 0, total: 12 })).toBe('Writing 0 of 12 files');
  });

  it('describes a recurring 1:1 from a calendar file', () => {
    const now = '2024-11-20T09:00:00Z';
    expect(seriesLine('Ada Okafor', IMPORTED_SERIES, now)).toBe(
      'Set up Ada\'s recurring 1:1 from "Weekly sync": weekly on Thursday at 2:00 PM ' +
        '(Europe/Paris), 30 min. Next: Thu 28 Nov 2:00 PM.',
    );
    expect(
      seriesLine(
        'Ben Moreau',
        {
          series: series({ frequency: 'monthly', weekday: 'tue', starts_on: '2024-11-12' }),
          next_meeting: null,
          source_summary: '  ',
        },
        now,
      ),
    ).toBe(
      "Set up Ben's recurring 1:1 from the calendar file: monthly on the second Tuesday at " +
        '2:00 PM (Europe/Paris), 30 min.',
    );
  });
});
