import { emit } from '@tauri-apps/api/event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Today as TodayData } from '../lib/bindings';
import Today from '../lib/Today.svelte';
import { NOW, action, due, overdue, today, upcoming } from './builders';
import { mockBackend } from './fixtures';
import { settle } from './loop-fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

// Today in the builders is Wed 27 Nov 2024, 09:00 UTC.
async function renderToday(data: TodayData | (() => TodayData)) {
  const calls = mockBackend({ get_today: typeof data === 'function' ? data : () => data });
  const navigate = vi.fn();
  const onaddperson = vi.fn();
  const onaddtopic = vi.fn();
  render(Today, { props: { navigate, onaddperson, onaddtopic } });
  await screen.findByRole('heading', { level: 1, name: 'Today' });
  return { calls, navigate, onaddperson, onaddtopic, user: userEvent.setup() };
}

function row(listId: string, index: number): HTMLElement {
  const list = document.getElementById(listId);
  if (!list) throw new Error(`#${listId} is missing`);
  const item = list.querySelectorAll<HTMLElement>(':scope > li')[index];
  if (!item) throw new Error(`#${listId} has no item ${index}`);
  return item;
}

describe('Today', () => {
  it('offers to jot a topic for someone between the 1:1s', async () => {
    const { onaddtopic, user } = await renderToday(today());
    await user.click(screen.getByRole('button', { name: 'Add topic for…' }));
    expect(onaddtopic).toHaveBeenCalledTimes(1);
  });

  it('lists upcoming 1:1s relative to now, in the meeting zone', async () => {
    await renderToday(
      today({
        upcoming: [
          upcoming(),
          upcoming({
            meeting_id: 'm-ben',
            person_id: 'p-ben',
            person_name: 'Ben Moreau',
            scheduled_start: '2024-11-28T10:30:00Z',
          }),
          upcoming({
            meeting_id: 'm-chen',
            person_id: 'p-chen',
            person_name: 'Chen Li',
            scheduled_start: '2024-11-29T14:00:00Z',
            kind: 'requested',
            topic: 'Career growth',
          }),
        ],
      }),
    );
    const first = row('today-upcoming', 0);
    expect(first).toHaveAttribute('data-meeting-id', 'm-next');
    expect(first).toHaveTextContent(/Ada Okafor — Today (1:00\sPM|13:00)/);
    expect(first).toHaveTextContent('30 min');
    expect(row('today-upcoming', 1)).toHaveTextContent(/Ben Moreau — Tomorrow (10:30\sAM|10:30)/);
    const third = row('today-upcoming', 2);
    expect(third).toHaveTextContent(/Chen Li — Fri 29 Nov (2:00\sPM|14:00)/);
    expect(third).toHaveTextContent('Requested: Career growth');
  });

  it('prepares a scheduled 1:1 and resumes one in progress', async () => {
    const { navigate, user } = await renderToday(
      today({
        upcoming: [
          upcoming({ status: 'in_progress', started_at: '2024-11-27T08:55:00Z' }),
          upcoming({ meeting_id: 'm-ben', person_id: 'p-ben', person_name: 'Ben Moreau' }),
        ],
      }),
    );
    const running = row('today-upcoming', 0);
    expect(within(running).getByText('In progress')).toBeInTheDocument();
    expect(within(running).queryByRole('button', { name: 'Prepare' })).not.toBeInTheDocument();
    await user.click(within(running).getByRole('button', { name: 'Resume' }));
    expect(navigate).toHaveBeenLastCalledWith({ screen: 'session', meetingId: 'm-next' });

    const prepare = within(row('today-upcoming', 1)).getByRole('button', { name: 'Prepare' });
    expect(prepare).toHaveClass('prepare');
    await user.click(prepare);
    expect(navigate).toHaveBeenLastCalledWith({ screen: 'prepare', personId: 'p-ben' });
  });

  it('lists overdue action items with person, owner and how late they are', async () => {
    const { navigate, user } = await renderToday(
      today({
        overdue: [
          overdue(),
          overdue({
            item: action({
              id: 'a-mine',
              title: 'Book the training',
              owner: 'manager',
              person_id: 'p-ben',
              overdue: true,
              days_overdue: 1,
            }),
            person_name: 'Ben Moreau',
          }),
        ],
      }),
    );
    const first = row('today-overdue', 0);
    expect(first).toHaveAttribute('data-action-id', 'a-late');
    expect(first).toHaveTextContent('Draft the migration plan');
    expect(first).toHaveTextContent('Ada Okafor owns it');
    expect(first).toHaveTextContent('3 days overdue');
    const second = row('today-overdue', 1);
    expect(second).toHaveTextContent('You own it');
    expect(second).toHaveTextContent('1 day overdue');

    await user.click(within(second).getByRole('button', { name: 'Ben Moreau' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'person', personId: 'p-ben' });
  });

  it('shows the ten longest overdue items first and the rest on request', async () => {
    const items = Array.from({ length: 13 }, (_, i) =>
      overdue({
        item: action({ id: `a-${i}`, title: `Promise ${i}`, overdue: true, days_overdue: 20 - i }),
      }),
    );
    const { user } = await renderToday(today({ overdue: items }));
    expect(screen.getByRole('heading', { name: /Overdue action items/ })).toHaveTextContent('13');
    const list = document.getElementById('today-overdue');
    expect(list?.querySelectorAll('li')).toHaveLength(10);
    expect(list?.querySelector('li')).toHaveAttribute('data-action-id', 'a-0');

    await user.click(screen.getByRole('button', { name: 'Show all 13 overdue items' }));
    expect(list?.querySelectorAll('li')).toHaveLength(13);
    expect(list?.querySelectorAll('li')[12]).toHaveAttribute('data-action-id', 'a-12');
    expect(screen.queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
  });

  it.each([11, 12])(
    'shows %i overdue items at once: "Show all" would bring only one or two more',
    async (count) => {
      const items = Array.from({ length: count }, (_, i) =>
        overdue({ item: action({ id: `a-${i}`, overdue: true, days_overdue: 20 - i }) }),
      );
      await renderToday(today({ overdue: items }));
      expect(document.querySelectorAll('#today-overdue li')).toHaveLength(count);
      expect(screen.queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
    },
  );

  it('lists who is due a 1:1, with the last and next one', async () => {
    const { navigate, user } = await renderToday(
      today({
        due_people: [
          due({ person_id: 'p-new', name: 'Noor Haddad', last_meeting: null, days_since_last: null }),
          due({ next_meeting: { scheduled_start: '2024-12-05T13:00:00Z', time_zone: 'UTC' } }),
          due({
            person_id: 'p-ada',
            name: 'Ada Okafor',
            next_meeting: { scheduled_start: '2024-12-05T13:00:00Z', time_zone: 'Asia/Tokyo' },
          }),
        ],
      }),
    );
    const never = row('today-due', 0);
    expect(never).toHaveTextContent('no 1:1 yet (weekly)');
    expect(never).toHaveTextContent('nothing scheduled');
    const late = row('today-due', 1);
    expect(late).toHaveTextContent('last 1:1 23 days ago (weekly)');
    expect(late).toHaveTextContent(/next Thu 5 Dec/);
    // A 1:1 set in another zone reads as the list of coming 1:1s reads it:
    // its own clock, named.
    expect(row('today-due', 2)).toHaveTextContent(/next Thu 5 Dec 10:00 PM \(Asia\/Tokyo\)|next Thu 5 Dec 22:00 \(Asia\/Tokyo\)/);

    await user.click(within(late).getByRole('button', { name: 'Prepare' }));
    expect(navigate).toHaveBeenLastCalledWith({ screen: 'prepare', personId: 'p-ben' });
    await user.click(within(late).getByRole('button', { name: 'Ben Moreau' }));
    expect(navigate).toHaveBeenLastCalledWith({ screen: 'person', personId: 'p-ben' });
  });

  it('counts the active people', async () => {
    await renderToday(today({ people_count: 6 }));
    const count = document.getElementById('people-count');
    expect(count?.tagName).toBe('P');
    expect(count).toHaveTextContent(/^6 people$/);
  });

  it('names the next 1:1 when none falls in the coming week', async () => {
    await renderToday(
      today({
        next_after_week: upcoming({
          person_name: 'Ada Okafor',
          scheduled_start: '2024-12-12T13:00:00Z',
          time_zone: 'Europe/Paris',
        }),
      }),
    );
    const line = document.getElementById('next-after-week');
    expect(line).toHaveTextContent(
      /^No 1:1 in the next seven days\. The next is with Ada Okafor, Thu 12 Dec 2:00 PM( \(Europe\/Paris\))?\.$/,
    );
    expect(screen.queryByText(/Set up a recurring 1:1/)).not.toBeInTheDocument();
  });

  it('has a helpful line for each empty section', async () => {
    await renderToday(today());
    expect(document.getElementById('today-upcoming')).not.toBeInTheDocument();
    expect(screen.getByText(/No 1:1 in the next seven days/)).toHaveTextContent(
      /Set up a recurring 1:1 from a person's page/,
    );
    expect(screen.getByText(/Nothing overdue/)).toBeInTheDocument();
    expect(screen.getByText(/Everyone has had a 1:1 within their cadence/)).toBeInTheDocument();
  });

  it('welcomes a new manager and offers to add someone', async () => {
    const { onaddperson, user } = await renderToday(today({ people_count: 0 }));
    expect(screen.getByText('Welcome to Rapport.')).toBeInTheDocument();
    expect(document.getElementById('today-upcoming')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '+ Add person' }));
    expect(onaddperson).toHaveBeenCalledOnce();
  });

  it('shows a load failure and tries again', async () => {
    let attempts = 0;
    const { user } = await renderToday(() => {
      attempts += 1;
      if (attempts === 1) throw { code: 'storage', message: 'The notebook could not be read.' };
      return today({ upcoming: [upcoming()] });
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The notebook could not be read.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Ada Okafor')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('Today: reminder banner', () => {
  function banner(): HTMLElement | null {
    return document.getElementById('reminder-banner');
  }

  it('is not there when no reminder is due', async () => {
    await renderToday(today({ upcoming: [upcoming()] }));
    expect(banner()).not.toBeInTheDocument();
    expect(document.getElementById('banner-prepare')).not.toBeInTheDocument();
  });

  it('says how soon the 1:1 starts and prepares it', async () => {
    const { navigate, user } = await renderToday(
      today({
        upcoming: [upcoming({ scheduled_start: '2024-11-27T09:12:00Z' })],
        reminder_banner: upcoming({ scheduled_start: '2024-11-27T09:12:00Z' }),
      }),
    );
    const shown = banner();
    expect(shown).toHaveAttribute('role', 'status');
    expect(shown).toHaveTextContent(/^1:1 with Ada Okafor in 12 minutes\s*Prepare$/);
    // The banner sits above the rest of the screen.
    expect(shown?.compareDocumentPosition(screen.getByRole('heading', { level: 1 }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    await user.click(within(shown as HTMLElement).getByRole('button', { name: 'Prepare' }));
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ screen: 'prepare', personId: 'p-ada' });
  });

  it.each([
    ['2024-11-27T09:00:00Z', 'starts now'],
    ['2024-11-27T08:55:00Z', 'started 5 minutes ago'],
    ['2024-11-27T08:59:00Z', 'started 1 minute ago'],
    ['2024-11-27T10:15:00Z', 'in 1 hour and 15 minutes'],
    ['2024-11-28T09:00:00Z', 'in 1 day'],
  ])('for a 1:1 at %s, says it %s', async (start, words) => {
    await renderToday(
      today({
        reminder_banner: upcoming({
          person_id: 'p-ben',
          person_name: 'Ben Moreau',
          scheduled_start: start,
        }),
      }),
    );
    expect(banner()).toHaveTextContent(`1:1 with Ben Moreau ${words}`);
  });

  it('is not shown for a 1:1 already in progress', async () => {
    await renderToday(
      today({
        reminder_banner: upcoming({
          scheduled_start: '2024-11-27T08:55:00Z',
          status: 'in_progress',
          started_at: '2024-11-27T08:56:00Z',
        }),
      }),
    );
    expect(banner()).not.toBeInTheDocument();
  });

  it("counts on every 30 seconds from the backend's clock, and goes once the 1:1 is over", async () => {
    // The machine's clock is far off: the banner must follow the backend's "now".
    const machineStart = Date.parse('2031-06-01T12:00:00Z');
    vi.useFakeTimers({ now: machineStart });
    const reminder = upcoming({ scheduled_start: '2024-11-27T09:02:00Z', planned_minutes: 30 });
    // The backend's clock runs at the same pace, whenever the screen reloads.
    const backendNow = () => new Date(Date.parse(NOW) + Date.now() - machineStart).toISOString();
    mockBackend({ get_today: () => today({ now: backendNow(), reminder_banner: reminder }) });
    render(Today, { props: { navigate: vi.fn(), onaddperson: vi.fn() } });
    await settle();
    expect(banner()).toHaveTextContent('1:1 with Ada Okafor in 2 minutes');

    await vi.advanceTimersByTimeAsync(30_000);
    // 1½ minutes left still reads as 2, as in the notification.
    expect(banner()).toHaveTextContent('in 2 minutes');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(banner()).toHaveTextContent('in 1 minute');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(banner()).toHaveTextContent('starts now');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(banner()).toHaveTextContent('started 5 minutes ago');
    await vi.advanceTimersByTimeAsync(25 * 60_000);
    expect(banner()).not.toBeInTheDocument();
  });
});

describe('Today: refreshing by itself', () => {
  function setVisibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  afterEach(() => {
    Reflect.deleteProperty(document, 'visibilityState');
    document.querySelectorAll('dialog').forEach((dialog) => dialog.remove());
  });

  /** Answers get_today with each of `answers` in turn, the last one from then on. */
  function renderSequence(...answers: (TodayData | Error)[]) {
    vi.useFakeTimers({ now: new Date(NOW) });
    let served = 0;
    const calls = mockBackend({
      get_today: () => {
        const answer = answers[Math.min(served, answers.length - 1)];
        served += 1;
        if (answer instanceof Error) throw { code: 'storage', message: answer.message };
        return answer;
      },
    });
    const rendered = render(Today, { props: { navigate: vi.fn(), onaddperson: vi.fn() } });
    const loads = () => calls.filter((call) => call.cmd === 'get_today').length;
    return { ...rendered, loads };
  }

  const ada = upcoming({ scheduled_start: '2024-11-27T09:02:00Z' });
  const ben = upcoming({
    meeting_id: 'm-ben',
    person_id: 'p-ben',
    person_name: 'Ben Moreau',
    scheduled_start: '2024-11-27T10:30:00Z',
  });

  it("reloads when the next 1:1's start comes, keeping the rows and the focus", async () => {
    const started = upcoming({
      ...ada,
      status: 'in_progress',
      started_at: '2024-11-27T09:02:00Z',
    });
    const { loads } = renderSequence(
      today({ upcoming: [ada, ben] }),
      today({ now: '2024-11-27T09:02:00Z', upcoming: [started, ben] }),
    );
    await settle();
    expect(loads()).toBe(1);
    const benRow = row('today-upcoming', 1);
    const prepare = within(benRow).getByRole('button', { name: 'Prepare' });
    prepare.focus();

    await vi.advanceTimersByTimeAsync(119_000);
    expect(loads()).toBe(1);
    expect(within(row('today-upcoming', 0)).queryByText('In progress')).not.toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(loads()).toBe(2);
    expect(within(row('today-upcoming', 0)).getByText('In progress')).toBeInTheDocument();
    // The screen was updated in place, not rebuilt.
    expect(row('today-upcoming', 1)).toBe(benRow);
    expect(document.activeElement).toBe(prepare);
  });

  it('turns Tomorrow into Today at midnight', async () => {
    const tomorrow = upcoming({ ...ben, scheduled_start: '2024-11-28T10:30:00Z' });
    renderSequence(
      today({ now: '2024-11-27T23:58:00Z', upcoming: [tomorrow] }),
      today({ now: '2024-11-28T00:00:00Z', upcoming: [tomorrow] }),
    );
    await settle();
    expect(row('today-upcoming', 0)).toHaveTextContent(/Ben Moreau — Tomorrow (10:30\sAM|10:30)/);
    expect(screen.getByText(/^Good evening\./)).toBeInTheDocument();
    // The first answer was at 23:58 by the backend's clock: midnight is 2 minutes on.
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await settle();
    expect(row('today-upcoming', 0)).toHaveTextContent(/Ben Moreau — Today (10:30\sAM|10:30)/);
    expect(screen.getByText(/^Good morning\./)).toBeInTheDocument();
  });

  it('looks again every five minutes when nothing is due sooner', async () => {
    const { loads } = renderSequence(today({ upcoming: [ben] }));
    await settle();
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(loads()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loads()).toBe(2);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(loads()).toBe(3);
  });

  it('reloads when the window comes back into view, and not while it is hidden', async () => {
    const { loads } = renderSequence(today({ upcoming: [ada] }), today({ upcoming: [ada, ben] }));
    await settle();
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(loads()).toBe(1);

    setVisibility('visible');
    await settle();
    expect(loads()).toBe(2);
    expect(row('today-upcoming', 1)).toHaveTextContent('Ben Moreau');
  });

  it('does not ask again when the window shows just after its answer, as at launch', async () => {
    const { loads } = renderSequence(today({ upcoming: [ada] }), today({ upcoming: [ada, ben] }));
    await settle();
    setVisibility('visible');
    await settle();
    expect(loads()).toBe(1);
    // Hidden and shown again two seconds on: that answer may be out of date.
    await vi.advanceTimersByTimeAsync(2_000);
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(loads()).toBe(2);
    expect(row('today-upcoming', 1)).toHaveTextContent('Ben Moreau');
  });

  it('reloads when a reminder notification is shown', async () => {
    const { loads } = renderSequence(today({ upcoming: [ada] }), today({ upcoming: [ada, ben] }));
    await settle();
    expect(loads()).toBe(1);
    await emit('reminder-shown', null);
    await settle();
    expect(loads()).toBe(2);
    expect(row('today-upcoming', 1)).toHaveTextContent('Ben Moreau');
  });

  it('waits for an open dialog to close', async () => {
    const { loads } = renderSequence(today({ upcoming: [ada] }), today({ upcoming: [ada, ben] }));
    await settle();
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    setVisibility('visible');
    await settle();
    expect(loads()).toBe(1);
    expect(document.getElementById('today-upcoming')?.children).toHaveLength(1);

    dialog.remove();
    await settle();
    expect(loads()).toBe(2);
    expect(row('today-upcoming', 1)).toHaveTextContent('Ben Moreau');
  });

  it('keeps what it shows when a reload fails, and tries again later', async () => {
    const { loads } = renderSequence(
      today({ upcoming: [ada] }),
      new Error('The notebook could not be read.'),
      today({ upcoming: [ada, ben] }),
    );
    await settle();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(loads()).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(row('today-upcoming', 0)).toHaveTextContent('Ada Okafor');

    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(loads()).toBe(3);
    expect(row('today-upcoming', 1)).toHaveTextContent('Ben Moreau');
  });

  it('stops once the screen is gone', async () => {
    const { loads, unmount } = renderSequence(today({ upcoming: [ada] }));
    await settle();
    unmount();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    setVisibility('visible');
    await settle();
    expect(loads()).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
