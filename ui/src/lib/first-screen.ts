// A User Timing mark for the moment the window first showed a usable screen,
// for anyone measuring start-up (`make bench-app` reads it). It is taken once
// the first frame that holds the screen has been drawn: the frame callback
// runs before that frame is drawn, the task it queues after. A window still
// hidden draws no frames, so its screen counts from when it shows.

/** The mark's name, the same in the benchmark's minimal app. */
export const FIRST_SCREEN_MARK = 'first-screen-drawn';

let marked = false;

/** Marks the first call's screen once it is drawn; later calls do nothing. */
export function markFirstScreen(): void {
  if (marked || typeof requestAnimationFrame !== 'function') return;
  marked = true;
  requestAnimationFrame(() => {
    setTimeout(() => performance.mark(FIRST_SCREEN_MARK), 0);
  });
}
