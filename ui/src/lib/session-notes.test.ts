import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { mockBackend } from '../tests/fixtures';
import { SessionNotes } from './session-notes.svelte';

afterEach(() => {
  clearMocks();
});

describe('session notes', () => {
  it('saves each field on its own and reports one state for both', async () => {
    const calls = mockBackend({ save_notes: () => '2024-11-28T13:20:00Z' });
    const notes = new SessionNotes('m-now', { shared: 'Wins', private: '' });
    expect(notes.status).toEqual({ kind: 'idle' });
    notes.updateShared('Wins and blockers');
    notes.updatePrivate('Coaching idea');
    expect(notes.sharedText).toBe('Wins and blockers');
    expect(notes.status).toEqual({ kind: 'pending' });
    await expect(notes.flush()).resolves.toBe(true);
    expect(calls.map((call) => call.args)).toEqual([
      { meetingId: 'm-now', patch: { shared_notes: 'Wins and blockers' } },
      { meetingId: 'm-now', patch: { private_notes: 'Coaching idea' } },
    ]);
    expect(notes.status).toEqual({ kind: 'saved', at: '2024-11-28T13:20:00Z' });
    notes.dispose();
  });

  it('says a flush failed when one field could not be stored', async () => {
    mockBackend({
      save_notes: (args) => {
        const { patch } = args as { patch: object };
        if ('private_notes' in patch) throw { code: 'storage', message: 'Disk full.' };
        return '2024-11-28T13:20:00Z';
      },
    });
    const notes = new SessionNotes('m-now', { shared: '', private: '' });
    notes.updateShared('Shared');
    notes.updatePrivate('Private');
    await expect(notes.flush()).resolves.toBe(false);
    expect(notes.status).toEqual({ kind: 'error', message: 'Disk full.' });
    notes.dispose();
  });
});
