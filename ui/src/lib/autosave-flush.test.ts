// Saving every field at once, as the app asks before it quits, hides or locks.
import { emit, listen } from '@tauri-apps/api/event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { status, mockBackend } from '../tests/fixtures';
import { onFlushRequest } from './api';
import { Autosave, flushAll, liveSaverCount } from './autosave';

afterEach(() => {
  clearMocks();
});

/** A save that resolves on the next turn, recording what it stored. */
function recordingSave(stored: string[]) {
  return vi.fn(async (text: string) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    stored.push(text);
  });
}

/** Asks the way the app does and resolves with the answer's payload. */
async function askToFlush(id: number): Promise<unknown> {
  const answered = new Promise<unknown>((resolve) => {
    void listen<unknown>('autosave-flushed', (event) => resolve(event.payload));
  });
  await emit('flush-autosave', id);
  return answered;
}

describe('saving everything before the app goes', () => {
  it('saves the latest text of every field, on any screen, at once', async () => {
    const stored: string[] = [];
    const a = new Autosave({ initial: '', save: recordingSave(stored), debounceMs: 60_000 });
    const b = new Autosave({ initial: 'x', save: recordingSave(stored), debounceMs: 60_000 });
    const untouched = new Autosave({ initial: 'same', save: recordingSave(stored) });
    a.update('typed just now');
    b.update('xy');
    expect(await flushAll()).toBe(true);
    expect(stored.sort()).toEqual(['typed just now', 'xy']);
    expect(untouched.dirty).toBe(false);
    for (const saver of [a, b, untouched]) saver.dispose();
  });

  it('still saves a field whose screen was just left', async () => {
    const stored: string[] = [];
    let fail = true;
    const saver = new Autosave({
      initial: '',
      save: async (text) => {
        if (fail) throw { code: 'io', message: 'busy' };
        stored.push(text);
      },
    });
    const before = liveSaverCount();
    saver.update('last words');
    // The screen's own final save fails as it goes away ...
    expect(await saver.flush()).toBe(false);
    saver.dispose();
    await Promise.resolve();
    expect(liveSaverCount()).toBe(before);
    // ... and the quit's save takes the text.
    fail = false;
    expect(await flushAll()).toBe(true);
    expect(stored).toEqual(['last words']);
    await Promise.resolve();
    expect(liveSaverCount()).toBe(before - 1);
  });

  it('says false when a field could not be stored', async () => {
    const saver = new Autosave({
      initial: '',
      save: () => Promise.reject({ code: 'store_locked', message: 'Unlock Rapport first.' }),
    });
    saver.update('kept on screen');
    expect(await flushAll()).toBe(false);
    expect(saver.text).toBe('kept on screen');
  });
});

describe('the app asking the window to save', () => {
  it('answers with the request number once the saves are done', async () => {
    mockBackend({});
    const stored: string[] = [];
    const saver = new Autosave({ initial: '', save: recordingSave(stored), debounceMs: 60_000 });
    const stop = onFlushRequest(flushAll);
    saver.update('before the quit');
    const answer = await askToFlush(41);
    expect(answer).toBe(41);
    expect(stored).toEqual(['before the quit']);
    stop();
    saver.dispose();
  });

  it('answers even when a save fails, so the app does not wait for nothing', async () => {
    mockBackend({});
    const stop = onFlushRequest(() => Promise.reject(new Error('no')));
    expect(await askToFlush(7)).toBe(7);
    stop();
  });

  it('is listened to by the app window from the start', async () => {
    mockBackend({ app_status: () => status({ state: 'needs_setup' }) });
    render(App);
    await screen.findByRole('heading', { level: 1 });
    const stored: string[] = [];
    const saver = new Autosave({ initial: '', save: recordingSave(stored), debounceMs: 60_000 });
    saver.update('typed on the first-run screen');
    expect(await askToFlush(3)).toBe(3);
    expect(stored).toEqual(['typed on the first-run screen']);
    saver.dispose();
  });
});
