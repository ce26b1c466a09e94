import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, combineStates, type SaveState } from './autosave';

interface Deferred {
  resolve: (at?: string) => void;
  reject: (error: unknown) => void;
}

/** A save function whose calls stay pending until the test settles them. */
function controlledSave() {
  const calls: string[] = [];
  const pending: Deferred[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = vi.fn((text: string) => {
    calls.push(text);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<string | void>((resolve, reject) => {
      pending.push({
        resolve: (at) => {
          inFlight -= 1;
          resolve(at);
        },
        reject: (error) => {
          inFlight -= 1;
          reject(error);
        },
      });
    });
  });
  return { save, calls, pending, maxInFlight: () => maxInFlight };
}

function instantSave() {
  return vi.fn((_text: string) => Promise.resolve<string | void>('2024-11-28T14:02:11Z'));
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Autosave', () => {
  it('saves once typing has paused for the debounce', async () => {
    const save = instantSave();
    const saver = new Autosave({ initial: '', save, debounceMs: 700, maxWaitMs: 1500 });
    saver.update('H');
    await vi.advanceTimersByTimeAsync(300);
    saver.update('Hi');
    await vi.advanceTimersByTimeAsync(699);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith('Hi');
    expect(saver.dirty).toBe(false);
    expect(saver.state).toEqual({ kind: 'saved', at: '2024-11-28T14:02:11Z' });
  });

  it('saves at least every max-wait while typing goes on', async () => {
    const save = instantSave();
    const saver = new Autosave({ initial: '', save, debounceMs: 700, maxWaitMs: 1500 });
    let text = '';
    // One keystroke every 200 ms for 3.2 s: the debounce alone would never fire.
    for (let t = 0; t < 3200; t += 200) {
      text += 'x';
      saver.update(text);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(2);
    // The first save went out by 1.5 s with what was typed by then.
    expect(save.mock.calls[0]?.[0]).toBe('x'.repeat(8));
    await vi.advanceTimersByTimeAsync(700);
    expect(save).toHaveBeenLastCalledWith(text);
  });

  it('does not save text that is back to what is stored', async () => {
    const save = instantSave();
    const saver = new Autosave({ initial: 'same', save });
    saver.update('samex');
    saver.update('same');
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    expect(saver.state).toEqual({ kind: 'idle' });
  });

  it('never overlaps two saves of one field and sends the latest text next', async () => {
    const { save, calls, pending, maxInFlight } = controlledSave();
    const saver = new Autosave({ initial: '', save, debounceMs: 700, maxWaitMs: 1500 });
    saver.update('one');
    await vi.advanceTimersByTimeAsync(700);
    expect(calls).toEqual(['one']);
    expect(saver.state.kind).toBe('saving');

    saver.update('one two');
    await vi.advanceTimersByTimeAsync(700);
    saver.update('one two three');
    await vi.advanceTimersByTimeAsync(1500);
    // The first save has not answered: nothing else went out.
    expect(calls).toEqual(['one']);

    pending[0]?.resolve('2024-11-28T14:00:00Z');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['one', 'one two three']);
    pending[1]?.resolve('2024-11-28T14:00:02Z');
    await vi.advanceTimersByTimeAsync(0);
    expect(maxInFlight()).toBe(1);
    expect(saver.dirty).toBe(false);
  });

  it('flushes at once and waits for the save', async () => {
    const { save, calls, pending } = controlledSave();
    const saver = new Autosave({ initial: '', save });
    saver.update('draft');
    let done: boolean | null = null;
    void saver.flush().then((ok) => {
      done = ok;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['draft']);
    expect(done).toBeNull();
    pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    // The debounce timer was cleared: no second save later.
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual(['draft']);
  });

  it('waits for a save in flight before a flush resolves', async () => {
    const { save, calls, pending } = controlledSave();
    const saver = new Autosave({ initial: '', save });
    saver.update('a');
    await vi.advanceTimersByTimeAsync(700);
    let done = false;
    void saver.flush().then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(calls).toEqual(['a']);
  });

  it('does nothing on a flush without changes, unless forced', async () => {
    const save = instantSave();
    const saver = new Autosave({ initial: 'kept', save });
    expect(await saver.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    expect(await saver.flush({ force: true })).toBe(true);
    expect(save).toHaveBeenCalledWith('kept');
  });

  it('keeps the text after a failed save and retries on the next change', async () => {
    const save = vi
      .fn<(text: string) => Promise<string | void>>()
      .mockRejectedValueOnce({ code: 'storage', message: 'The disk is full.' })
      .mockResolvedValue('2024-11-28T14:05:00Z');
    const states: SaveState[] = [];
    const saver = new Autosave({ initial: '', save, onState: (state) => states.push(state) });
    saver.update('important');
    await vi.advanceTimersByTimeAsync(700);
    expect(saver.state).toEqual({ kind: 'error', message: 'The disk is full.' });
    expect(saver.dirty).toBe(true);
    expect(saver.text).toBe('important');

    // No retry loop on its own.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);

    saver.update('important!');
    // The error stays visible until a save succeeds.
    expect(saver.state.kind).toBe('error');
    await vi.advanceTimersByTimeAsync(700);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('important!');
    expect(saver.state).toEqual({ kind: 'saved', at: '2024-11-28T14:05:00Z' });
    expect(states.map((state) => state.kind)).toEqual([
      'pending',
      'saving',
      'error',
      'saving',
      'saved',
    ]);
  });

  it('retries a failed save on flush and reports whether it worked', async () => {
    const save = vi
      .fn<(text: string) => Promise<string | void>>()
      .mockRejectedValueOnce(new Error('locked'))
      .mockResolvedValue(undefined);
    const saver = new Autosave({ initial: '', save });
    saver.update('text');
    expect(await saver.flush()).toBe(false);
    expect(saver.state).toEqual({ kind: 'error', message: 'locked' });
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.state.kind).toBe('saved');
  });

  it('stops its timers on dispose', async () => {
    const save = instantSave();
    const saver = new Autosave({ initial: '', save });
    saver.update('never mind');
    saver.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('combineStates', () => {
  it('puts an error first, then unsaved text, then the latest save', () => {
    const error: SaveState = { kind: 'error', message: 'No' };
    const early: SaveState = { kind: 'saved', at: '2024-11-28T14:00:00Z' };
    const late: SaveState = { kind: 'saved', at: '2024-11-28T15:00:00+01:00' };
    const later: SaveState = { kind: 'saved', at: '2024-11-28T14:30:00Z' };
    expect(combineStates([early, error])).toBe(error);
    expect(combineStates([early, { kind: 'saving' }])).toEqual({ kind: 'saving' });
    expect(combineStates([early, { kind: 'pending' }])).toEqual({ kind: 'pending' });
    expect(combineStates([late, later])).toBe(later);
    expect(combineStates([{ kind: 'idle' }, early])).toBe(early);
    expect(combineStates([{ kind: 'idle' }, { kind: 'idle' }])).toEqual({ kind: 'idle' });
  });
});
