// The window's first screen: drawn as early as it can be, and marked once
// drawn.
//
// Until the window has drawn its first frame, long lists draw only the rows
// that can fit in the window; the rest follow in the task after that frame,
// before anyone can scroll to them. A long team's sidebar and Today hold more
// rows below the fold than above it, and the page draws its first screen in
// one task: those rows would delay the first frame for nothing.
//
// A User Timing mark records when the first frame holding the first screen
// was drawn, for anyone measuring start-up (`make bench-app` reads it). A
// frame callback runs before its frame is drawn, the task it queues after;
// a window still hidden draws no frames, so it counts from when it shows.

/** The mark's name, the same in the benchmark's minimal app. */
export const FIRST_SCREEN_MARK = 'first-screen-drawn';

let holding = $state(false);
let frameWatched = false;
let markWanted = false;
let marked = false;

/** Calls `frameDrawn` once the next frame has been drawn; false without frames. */
function watchNextFrame(): boolean {
  if (typeof requestAnimationFrame !== 'function') return false;
  if (!frameWatched) {
    frameWatched = true;
    requestAnimationFrame(() => {
      setTimeout(frameDrawn, 0);
    });
  }
  return true;
}

function frameDrawn(): void {
  frameWatched = false;
  // The mark first: the rows let go next are drawn in a later frame.
  if (markWanted) {
    markWanted = false;
    performance.mark(FIRST_SCREEN_MARK);
  }
  holding = false;
}

/** As the page starts: lists keep to what fits until the first frame is drawn. */
export function holdLongListsUntilFirstFrame(): void {
  holding = watchNextFrame();
}

/** How many rows at least `rowHeight` CSS pixels high a list draws now:
 * all of them once the first frame is drawn, before it as many as fit. */
export function rowsToDraw(rowHeight: number): number {
  if (!holding) return Infinity;
  // A window not shown yet may have no height: then the screen's is the most.
  const height = window.innerHeight || window.screen.height;
  return Math.ceil(height / rowHeight);
}

/** The part of `rows` a list draws now, when `above` rows of the same
 * screen come before it: all of it once the first frame is drawn. */
export function rowsDrawn<T>(rows: readonly T[], rowHeight: number, above = 0): readonly T[] {
  return rows.slice(0, Math.max(0, rowsToDraw(rowHeight) - above));
}

/** Marks the first call's screen once it is drawn; later calls do nothing. */
export function markFirstScreen(): void {
  if (marked) return;
  marked = watchNextFrame();
  markWanted = marked;
}
