// The two notes fields of a running 1:1 and their autosaves. They outlive the
// panes that show them: the end-of-session summary replaces the panes, and on
// resume the text on screen must still be the one typed, not a reload.
import { saveNotes } from './api';
import { Autosave, combineStates, type SaveState } from './autosave';

export class SessionNotes {
  sharedText = $state('');
  privateText = $state('');
  sharedState = $state<SaveState>({ kind: 'idle' });
  privateState = $state<SaveState>({ kind: 'idle' });
  /** One state for both fields, for the footer's save indicator. */
  readonly status = $derived(combineStates([this.sharedState, this.privateState]));

  private readonly sharedSaver: Autosave;
  private readonly privateSaver: Autosave;

  constructor(meetingId: string, stored: { shared: string; private: string }) {
    this.sharedText = stored.shared;
    this.privateText = stored.private;
    this.sharedSaver = new Autosave({
      initial: stored.shared,
      save: (text) => saveNotes(meetingId, { shared_notes: text }),
      onState: (state) => {
        this.sharedState = state;
      },
    });
    this.privateSaver = new Autosave({
      initial: stored.private,
      save: (text) => saveNotes(meetingId, { private_notes: text }),
      onState: (state) => {
        this.privateState = state;
      },
    });
  }

  updateShared(text: string): void {
    this.sharedText = text;
    this.sharedSaver.update(text);
  }

  updatePrivate(text: string): void {
    this.privateText = text;
    this.privateSaver.update(text);
  }

  flushShared(): Promise<boolean> {
    return this.sharedSaver.flush();
  }

  flushPrivate(): Promise<boolean> {
    return this.privateSaver.flush();
  }

  /** Saves both fields now; true when both are stored. */
  async flush(): Promise<boolean> {
    const results = await Promise.all([this.sharedSaver.flush(), this.privateSaver.flush()]);
    return results.every(Boolean);
  }

  dispose(): void {
    this.sharedSaver.dispose();
    this.privateSaver.dispose();
  }
}
