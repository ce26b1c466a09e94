import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import startUpScript from '../../public/start-up.js?raw';
import { PEOPLE, mockBackend, status } from '../tests/fixtures';
import {
  appStatus,
  createStore,
  getAutostart,
  getReminderOffsets,
  listPeople,
  onNavigateRequest,
  onStoreLockedError,
  quitApp,
  setAutostart,
  setClockHours,
  setReminderOffsets,
  startUp,
  toErrorBody,
  unlockStore,
  windowReady,
} from './api';

afterEach(() => {
  clearMocks();
});

describe('api wrapper', () => {
  it('calls each command by its Rust name with the expected arguments', async () => {
    const unlocked = status({ state: 'unlocked', key_backend: 'passphrase' });
    const calls = mockBackend({
      app_status: () => status(),
      create_store: () => unlocked,
      unlock_store: () => unlocked,
      list_people: () => PEOPLE,
    });

    await expect(appStatus()).resolves.toEqual(status());
    await expect(
      createStore({ backend: 'passphrase', passphrase: 'long enough', with_demo: true }),
    ).resolves.toEqual(unlocked);
    await expect(unlockStore('long enough')).resolves.toEqual(unlocked);
    await expect(listPeople()).resolves.toEqual(PEOPLE);

    expect(calls).toEqual([
      { cmd: 'app_status', args: {} },
      {
        cmd: 'create_store',
        args: { request: { backend: 'passphrase', passphrase: 'long enough', with_demo: true } },
      },
      { cmd: 'unlock_store', args: { passphrase: 'long enough' } },
      { cmd: 'list_people', args: {} },
    ]);
  });

  it('passes a backend ErrorBody through unchanged', async () => {
    mockIPC(() => {
      throw { code: 'wrong_passphrase', message: 'That passphrase is not right.' };
    });
    await expect(unlockStore('nope')).rejects.toEqual({
      code: 'wrong_passphrase',
      message: 'That passphrase is not right.',
    });
  });

  it('normalises a string rejection into an io ErrorBody', async () => {
    mockIPC(() => Promise.reject('command list_people not found'));
    await expect(listPeople()).rejects.toEqual({
      code: 'io',
      message: 'command list_people not found',
    });
  });

  it('normalises an Error rejection into an io ErrorBody with its message', async () => {
    mockIPC(() => {
      throw new Error('The app stopped responding.');
    });
    await expect(appStatus()).rejects.toEqual({
      code: 'io',
      message: 'The app stopped responding.',
    });
  });

  it('normalises shapeless rejections into an io ErrorBody with a readable message', async () => {
    mockIPC(() => Promise.reject({ status: 500 }));
    const error: unknown = await appStatus().catch((e: unknown) => e);
    expect(error).toEqual({ code: 'io', message: expect.stringMatching(/\w+ \w+/) });
  });

  it('reports a readable io error when the window has no bridge to the app', async () => {
    // No mockIPC: like opening the bundle in a plain browser.
    const error: unknown = await appStatus().catch((e: unknown) => e);
    expect(error).toEqual({ code: 'io', message: expect.stringContaining('not connected') });
  });
});

describe('the start-up call made as the page begins (public/start-up.js)', () => {
  // As the page's head runs it, before any module.
  function runStartUpScript(): void {
    new Function(startUpScript)();
  }

  afterEach(() => {
    delete (window as unknown as { __RAPPORT_START_UP__?: unknown }).__RAPPORT_START_UP__;
  });

  it('asks once, and the app takes that answer once, then asks afresh', async () => {
    let answers = 0;
    const calls = mockBackend({
      start_up: () => {
        answers += 1;
        return {
          status: status({ data_dir: `/answer/${answers}` }),
          first_screen: null,
          desktop_font: null,
        };
      },
    });
    runStartUpScript();
    expect(calls.map((call) => call.cmd)).toEqual(['start_up']);

    await expect(startUp()).resolves.toMatchObject({ status: { data_dir: '/answer/1' } });
    expect(calls).toHaveLength(1);
    await expect(startUp()).resolves.toMatchObject({ status: { data_dir: '/answer/2' } });
    expect(calls).toHaveLength(2);
  });

  it('hands a refusal to the app as an ErrorBody, and tells who watches for a lock', async () => {
    mockIPC(() => Promise.reject({ code: 'store_locked', message: 'Rapport is locked.' }));
    const locked = vi.fn();
    const stop = onStoreLockedError(locked);
    runStartUpScript();
    await expect(startUp()).rejects.toEqual({
      code: 'store_locked',
      message: 'Rapport is locked.',
    });
    expect(locked).toHaveBeenCalledOnce();
    stop();
  });

  it('asks nothing without a bridge to the app, which then says it is not connected', async () => {
    runStartUpScript();
    expect('__RAPPORT_START_UP__' in window).toBe(false);
    const error: unknown = await startUp().catch((e: unknown) => e);
    expect(error).toEqual({ code: 'io', message: expect.stringContaining('not connected') });
  });
});

describe('reminder and desktop commands', () => {
  it('calls each by its Rust name with the expected arguments', async () => {
    const calls = mockBackend({
      get_reminder_offsets: (args) =>
        (args as { personId: string | null }).personId === null ? { minutes: [15] } : null,
      set_reminder_offsets: () => null,
      get_autostart: () => true,
      set_autostart: () => false,
      quit_app: () => null,
      window_ready: () => null,
      set_clock_hours: () => null,
    });

    await expect(getReminderOffsets(null)).resolves.toEqual({ minutes: [15] });
    await expect(getReminderOffsets('p-ada')).resolves.toBeNull();
    await setReminderOffsets(null, { minutes: [60, 15] });
    await setReminderOffsets('p-ada', null);
    await expect(getAutostart()).resolves.toBe(true);
    await expect(setAutostart(true)).resolves.toBe(false);
    await quitApp();
    await windowReady();
    await setClockHours(true);

    expect(calls).toEqual([
      { cmd: 'get_reminder_offsets', args: { personId: null } },
      { cmd: 'get_reminder_offsets', args: { personId: 'p-ada' } },
      { cmd: 'set_reminder_offsets', args: { personId: null, offsets: { minutes: [60, 15] } } },
      { cmd: 'set_reminder_offsets', args: { personId: 'p-ada', offsets: null } },
      { cmd: 'get_autostart', args: {} },
      { cmd: 'set_autostart', args: { enabled: true } },
      { cmd: 'quit_app', args: {} },
      { cmd: 'window_ready', args: {} },
      { cmd: 'set_clock_hours', args: { twelve: true } },
    ]);
  });
});

describe('onNavigateRequest', () => {
  // Lets the listener's registration, which goes through the bridge, finish.
  async function registered(): Promise<void> {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  }

  it('hands over the prepare requests the app sends, and only those', async () => {
    mockBackend({});
    const handler = vi.fn();
    const stop = onNavigateRequest(handler);
    await registered();
    await emit('navigate', { screen: 'prepare', personId: 'p-ada' });
    await emit('navigate', { screen: 'prepare', personId: '' });
    await emit('navigate', { screen: 'today' });
    await emit('navigate', null);
    expect(handler).toHaveBeenCalledExactlyOnceWith({ screen: 'prepare', personId: 'p-ada' });
    stop();
  });

  it('stops listening when told, even before the listener was registered', async () => {
    mockBackend({});
    const early = vi.fn();
    onNavigateRequest(early)();
    const late = vi.fn();
    const stopLate = onNavigateRequest(late);
    await registered();
    stopLate();
    await emit('navigate', { screen: 'prepare', personId: 'p-ada' });
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });

  it('also unregisters from the app, so nothing keeps the listener alive', async () => {
    mockBackend({});
    const bridge = (window as unknown as { __TAURI_INTERNALS__: { invoke: (cmd: string) => unknown } })
      .__TAURI_INTERNALS__;
    const invoke = vi.spyOn(bridge, 'invoke');
    const stop = onNavigateRequest(vi.fn());
    await registered();
    stop();
    await registered();
    expect(invoke.mock.calls.map(([cmd]) => cmd)).toEqual([
      'plugin:event|listen',
      'plugin:event|unlisten',
    ]);
  });

  it('listens to nothing, without failing, when there is no bridge', async () => {
    const handler = vi.fn();
    const stop = onNavigateRequest(handler);
    await registered();
    expect(() => stop()).not.toThrow();
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not fail when the bridge is gone before it stops', async () => {
    mockBackend({});
    const stop = onNavigateRequest(vi.fn());
    await registered();
    clearMocks();
    expect(() => stop()).not.toThrow();
    // An unhandled rejection here would fail the run.
    await registered();
  });
});

describe('toErrorBody', () => {
  it('keeps only code and message of an ErrorBody', () => {
    expect(toErrorBody({ code: 'not_found', message: 'No such person.', extra: 1 })).toEqual({
      code: 'not_found',
      message: 'No such person.',
    });
  });

  it('keeps the message of an object without a code', () => {
    expect(toErrorBody({ message: 'Disk full.' })).toEqual({ code: 'io', message: 'Disk full.' });
  });

  it.each([
    [undefined],
    [null],
    [42],
    [''],
    [{ code: 'io' }],
    [{ message: '' }],
    [new Error('')],
  ])('turns %o into an io error with a non-empty message', (value) => {
    const body = toErrorBody(value);
    expect(body.code).toBe('io');
    expect(body.message.trim()).not.toBe('');
  });
});
