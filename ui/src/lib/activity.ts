// Idle locking counts from the last keyboard or mouse activity in the window.
// The app needs to hear of it, but not of every mouse move: activity is sent
// at once when nothing was sent for a period (the manager coming back after a
// pause), else at most once a period. Minutes of idle time make a few seconds
// of delay harmless.

export const ACTIVITY_PERIOD_MS = 20_000;

export class ActivityReporter {
  private lastSent: number;
  private pending = false;

  constructor(
    private readonly send: () => Promise<unknown>,
    private readonly now: () => number = () => Date.now(),
    private readonly periodMs: number = ACTIVITY_PERIOD_MS,
  ) {
    // Opening the window is activity the app has already counted.
    this.lastSent = now();
  }

  /** Call on every keyboard or mouse event. */
  note(): void {
    if (this.now() - this.lastSent >= this.periodMs) this.report();
    else this.pending = true;
  }

  /** Call once a period: sends activity noted since the last report. */
  tick(): void {
    if (this.pending) this.report();
  }

  private report(): void {
    this.pending = false;
    this.lastSent = this.now();
    // A lost report only makes the lock come a little early; nothing to show.
    this.send().catch(() => undefined);
  }
}

/** The events that count as activity. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Reports activity in `target` until the returned function is called.
 */
export function watchActivity(
  target: Window,
  send: () => Promise<unknown>,
  periodMs: number = ACTIVITY_PERIOD_MS,
): () => void {
  const reporter = new ActivityReporter(send, () => Date.now(), periodMs);
  const note = (): void => reporter.note();
  for (const event of ACTIVITY_EVENTS) target.addEventListener(event, note, { passive: true });
  const timer = setInterval(() => reporter.tick(), periodMs);
  return () => {
    clearInterval(timer);
    for (const event of ACTIVITY_EVENTS) target.removeEventListener(event, note);
  };
}
