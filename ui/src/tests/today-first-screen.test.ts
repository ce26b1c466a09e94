// Its own file: the mark is taken once per page, and each test file is a page.
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import { afterEach, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_MARK } from '../lib/first-screen';
import Today from '../lib/Today.svelte';
import { today } from './builders';
import { mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
  vi.unstubAllGlobals();
  performance.clearMarks();
});

it('Today marks the moment its first frame with the data is drawn', async () => {
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.push(callback);
    return frames.length;
  });
  mockBackend({ get_today: () => today() });
  render(Today, { props: { navigate: vi.fn(), onaddperson: vi.fn(), onaddtopic: vi.fn() } });
  await screen.findByRole('button', { name: 'Add topic for…' });
  expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(0);
  for (const callback of frames.splice(0)) callback(performance.now());
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(1);
});
