// Its own file: the first frame, and its mark, come once per page, and each
// test file is a page.
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import type { PersonSummary } from '../lib/bindings';
import { FIRST_SCREEN_MARK, holdLongListsUntilFirstFrame } from '../lib/first-screen.svelte';
import { overdue, today, upcoming } from './builders';
import { mockBackend, status } from './fixtures';

afterEach(() => {
  clearMocks();
  vi.unstubAllGlobals();
  performance.clearMarks();
});

function people(count: number): PersonSummary[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `p-${n}`,
    name: `Person ${String(n).padStart(2, '0')}`,
    email: `person${n}@example.com`,
    role: 'Engineer',
    level: 'senior',
    archived: false,
  }));
}

function rows(listId: string): number {
  return document.querySelectorAll(`#${listId} > li`).length;
}

it('draws what fits before the first frame, marks that frame, then draws the rest', async () => {
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.push(callback);
    return frames.length;
  });
  vi.stubGlobal('innerHeight', 800);
  const team = people(60);
  mockBackend({
    app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
    list_people: () => team,
    get_today: () =>
      today({
        people_count: team.length,
        upcoming: team.slice(0, 30).map((p, n) =>
          upcoming({ meeting_id: `m-${n}`, person_id: p.id, person_name: p.name }),
        ),
        overdue: [overdue()],
      }),
  });
  holdLongListsUntilFirstFrame();
  render(App);
  const nav = await screen.findByRole('navigation', { name: 'People' });
  await screen.findByRole('button', { name: 'Add topic for…' });

  // 800 px: 29 people of at least 28 px, 20 of Today's rows of at least 40 px.
  expect(nav.querySelectorAll('li')).toHaveLength(29);
  expect(rows('today-upcoming')).toBe(20);
  expect(rows('today-overdue')).toBe(0);
  expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(0);

  for (const callback of frames.splice(0)) callback(performance.now());
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(1);
  await waitFor(() => expect(nav.querySelectorAll('li')).toHaveLength(60));
  expect(rows('today-upcoming')).toBe(30);
  expect(rows('today-overdue')).toBe(1);
  // One frame serves both: nothing waits for another.
  expect(frames).toHaveLength(0);
});
