// Saving one text field as it is typed. Typing must never be lost, so a save
// starts once typing pauses (debounce) and at the latest `maxWaitMs` after the
// first unsaved keystroke, even while typing goes on; saves of one field never
// overlap (a later save waits for the earlier one, and always sends the latest
// text); a failed save keeps the text unsaved so the next change, or the next
// flush, tries again.

import { toErrorBody } from './api';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** `at`: when the store took the text (RFC 3339). */
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

export interface AutosaveOptions {
  /** The text as it is stored now; nothing is saved until it changes. */
  initial: string;
  /** Stores the text; may resolve to the time of the save (RFC 3339). */
  save: (text: string) => Promise<string | void>;
  debounceMs?: number;
  maxWaitMs?: number;
  onState?: (state: SaveState) => void;
}

export const DEFAULT_DEBOUNCE_MS = 700;
export const DEFAULT_MAX_WAIT_MS = 1500;

type Timer = ReturnType<typeof setTimeout>;

// Every saver that may still hold unsaved text, wherever its screen is, so
// that quitting or locking can save them all first (see flushAll).
const live = new Set<Autosave>();

export class Autosave {
  private latest: string;
  private stored: string;
  private readonly save: (text: string) => Promise<string | void>;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly onState: (state: SaveState) => void;
  private debounceTimer: Timer | null = null;
  private maxWaitTimer: Timer | null = null;
  // Every save is chained on the previous one, so one field never has two in flight.
  private queue: Promise<unknown> = Promise.resolve();
  private saving = false;
  private current: SaveState = { kind: 'idle' };
  private disposed = false;

  constructor(options: AutosaveOptions) {
    this.latest = options.initial;
    this.stored = options.initial;
    this.save = options.save;
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.onState = options.onState ?? (() => {});
    live.add(this);
  }

  /** The text as last typed. */
  get text(): string {
    return this.latest;
  }

  /** True while some typed text is not known to be stored. */
  get dirty(): boolean {
    return this.latest !== this.stored || this.saving;
  }

  get state(): SaveState {
    return this.current;
  }

  /** Call on every change of the text. */
  update(text: string): void {
    this.latest = text;
    if (text === this.stored && !this.saving) {
      // Typed back to what is stored: nothing to save.
      this.clearTimers();
      if (this.current.kind === 'pending') this.setState({ kind: 'idle' });
      return;
    }
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.fire(), this.debounceMs);
    this.maxWaitTimer ??= setTimeout(() => this.fire(), this.maxWaitMs);
    if (!this.saving && this.current.kind !== 'error') this.setState({ kind: 'pending' });
  }

  /**
   * Saves now whatever is unsaved and waits for every save of this field to end.
   * Resolves to true when the latest text is stored; never rejects (a failure is
   * reported through the state). `force` saves even unchanged text.
   */
  flush(options: { force?: boolean } = {}): Promise<boolean> {
    this.clearTimers();
    return this.enqueue(options.force ?? false);
  }

  /**
   * Stops the timers without saving (after a final flush). Until that flush
   * has stored the text, a quit still saves it.
   */
  dispose(): void {
    this.clearTimers();
    this.disposed = true;
    void this.queue.then(() => this.forgetIfDone());
  }

  private forgetIfDone(): void {
    if (this.disposed && !this.dirty) live.delete(this);
  }

  private fire(): void {
    this.clearTimers();
    void this.enqueue(false);
  }

  private clearTimers(): void {
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer !== null) clearTimeout(this.maxWaitTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
  }

  private enqueue(force: boolean): Promise<boolean> {
    const run = this.queue.then(() => this.saveLatest(force));
    this.queue = run;
    return run;
  }

  private async saveLatest(force: boolean): Promise<boolean> {
    const text = this.latest;
    if (text === this.stored && !force) return true;
    this.saving = true;
    this.setState({ kind: 'saving' });
    try {
      const at = await this.save(text);
      this.stored = text;
      this.saving = false;
      this.setState({
        kind: 'saved',
        at: typeof at === 'string' && at !== '' ? at : new Date().toISOString(),
      });
      this.forgetIfDone();
      return this.latest === this.stored;
    } catch (failure) {
      this.saving = false;
      this.setState({ kind: 'error', message: toErrorBody(failure).message });
      return false;
    }
  }

  private setState(state: SaveState): void {
    this.current = state;
    this.onState(state);
  }
}

/**
 * Saves now every field that holds unsaved text, on any screen, and waits for
 * all of them. Resolves to true when every one is stored; never rejects.
 */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all(Array.from(live, (saver) => saver.flush()));
  return results.every(Boolean);
}

/** How many savers may still hold unsaved text (for tests). */
export function liveSaverCount(): number {
  return live.size;
}

/**
 * One line for several fields saved side by side: an error wins, then unsaved
 * text (waiting or being saved), then the most recent save.
 */
export function combineStates(states: readonly SaveState[]): SaveState {
  const error = states.find((state) => state.kind === 'error');
  if (error) return error;
  if (states.some((state) => state.kind === 'saving')) return { kind: 'saving' };
  if (states.some((state) => state.kind === 'pending')) return { kind: 'pending' };
  let latest: { kind: 'saved'; at: string } | null = null;
  for (const state of states) {
    if (state.kind === 'saved' && (latest === null || Date.parse(state.at) > Date.parse(latest.at))) {
      latest = state;
    }
  }
  return latest ?? { kind: 'idle' };
}
