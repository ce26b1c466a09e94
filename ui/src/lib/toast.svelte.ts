// A short confirmation line ("Prep notes saved ✓") that fades after a few seconds.

export const TOAST_MS = 4000;

export class Toast {
  message = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;

  show(message: string): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.message = message;
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
