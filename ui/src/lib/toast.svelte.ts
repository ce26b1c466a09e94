// A short line ("Prep notes saved", with a check mark when something was done)
// that fades after a few seconds.

export const TOAST_MS = 4000;

export interface ToastMessage {
  text: string;
  /** Shows the check mark after the text: the action asked for is done. */
  done: boolean;
  /** A second sentence after the check mark ("Next session scheduled for 5 Dec"). */
  detail: string | null;
}

export class Toast {
  message = $state<ToastMessage | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;

  show(text: string, { done = false, detail = null }: { done?: boolean; detail?: string | null } = {}): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.message = { text, done, detail };
    this.#timer = setTimeout(() => {
      this.message = null;
      this.#timer = null;
    }, TOAST_MS);
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
