import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_MARK } from './first-screen';

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
    const { markFirstScreen } = await import('./first-screen');
    markFirstScreen();
    expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(0);
    drawFrame();
    // The frame callback runs before the frame is drawn: still no mark.
    expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(0);
    vi.runAllTimers();
    expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(1);
  });

  it('marks only the first screen of the page', async () => {
    const { markFirstScreen } = await import('./first-screen');
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
