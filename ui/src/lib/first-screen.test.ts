import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_MARK } from './first-screen.svelte';

describe('markFirstScreen', () => {
  let frames: FrameRequestCallback[];

  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      frames.push(callback);
      return frames.length;
    });
    performance.clearMarks();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    performance.clearMarks();
  });

  function drawFrame(): void {
    const due = frames;
    frames = [];
    for (const callback of due) callback(performance.now());
  }

  it('marks once the first frame is drawn, not before', async () => {
    const { markFirstScreen } = await import('./first-screen.svelte');
    markFirstScreen();
    expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(0);
    drawFrame();
    // The frame callback runs before the frame is drawn: still no mark.
    expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(0);
    vi.runAllTimers();
    expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(1);
  });

  it('holds long lists to what fits until the first frame is drawn', async () => {
    vi.stubGlobal('innerHeight', 800);
    const { holdLongListsUntilFirstFrame, rowsToDraw } = await import('./first-screen.svelte');
    expect(rowsToDraw(40)).toBe(Infinity);
    holdLongListsUntilFirstFrame();
    expect(rowsToDraw(40)).toBe(20);
    expect(rowsToDraw(30)).toBe(27);
    drawFrame();
    expect(rowsToDraw(40)).toBe(20);
    vi.runAllTimers();
    expect(rowsToDraw(40)).toBe(Infinity);
  });

  it('holds to what the screen could show while the window has no height yet', async () => {
    vi.stubGlobal('innerHeight', 0);
    vi.spyOn(window.screen, 'height', 'get').mockReturnValue(1080);
    const { holdLongListsUntilFirstFrame, rowsToDraw } = await import('./first-screen.svelte');
    holdLongListsUntilFirstFrame();
    expect(rowsToDraw(40)).toBe(27);
    vi.restoreAllMocks();
  });

  it('marks the frame before letting the lists go', async () => {
    vi.stubGlobal('innerHeight', 800);
    const { holdLongListsUntilFirstFrame, markFirstScreen, rowsToDraw } =
      await import('./first-screen.svelte');
    const heldAtMark: number[] = [];
    const mark = performance.mark.bind(performance);
    vi.spyOn(performance, 'mark').mockImplementation((name, options) => {
      heldAtMark.push(rowsToDraw(40));
      return mark(name, options);
    });
    holdLongListsUntilFirstFrame();
    markFirstScreen();
    drawFrame();
    vi.runAllTimers();
    expect(heldAtMark).toEqual([20]);
    expect(rowsToDraw(40)).toBe(Infinity);
    vi.restoreAllMocks();
  });

  it('marks only the first screen of the page', async () => {
    const { markFirstScreen } = await import('./first-screen.svelte');
    markFirstScreen();
    markFirstScreen();
    drawFrame();
    vi.runAllTimers();
    markFirstScreen();
    drawFrame();
    vi.runAllTimers();
    expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(1);
    expect(frames).toHaveLength(0);
  });
});
