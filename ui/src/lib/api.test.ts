import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE, mockBackend, status } from '../tests/fixtures';
import { appStatus, createStore, listPeople, toErrorBody, unlockStore } from './api';

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
