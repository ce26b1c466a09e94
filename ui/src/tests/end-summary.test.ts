import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EndSummary as Summary, FinishRequest, FinishResult } from '../lib/bindings';
import EndSummary from '../lib/EndSummary.svelte';
import { mockBackend, type Call } from './fixtures';
import { iconsIn } from './icons';
import { endSummary, meeting, sessionView, settle, useClock } from './loop-fixtures';
import { formatTimeOfDay } from '../lib/time';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const SHARED_MARKDOWN = '# 1:1 Ada Okafor — Thu 28 Nov 2024\n\nWINS:\n- Billing migration shipped\n';

function finished(request: FinishRequest): FinishResult {
  const next =
    request.next.mode === 'none'
      ? null
      : meeting({ id: 'm-next', scheduled_start: '2024-12-05T13:00:00Z', status: 'scheduled' });
  return {
    meeting: meeting({ status: 'completed' }),
    next_meeting: next,
    shared_markdown: SHARED_MARKDOWN,
  };
}

async function renderSummary(summary: Summary = endSummary(), handlers: Record<string, (args: unknown) => unknown> = {}) {
  useClock('2024-11-28T13:47:30Z');
  const calls: Call[] = mockBackend({
    finish_session: (args) => finished((args as { request: FinishRequest }).request),
    copy_to_clipboard: () => null,
    copy_shared_notes: () => null,
    resume_session: () => sessionView(),
    ...handlers,
  });
  const navigate = vi.fn();
  const onresumed = vi.fn();
  render(EndSummary, { summary, navigate, onresumed });
  await settle();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { calls, navigate, onresumed, user };
}

function callsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

describe('end of session summary', () => {
  it('shows duration, agenda, sharing defaults, preview, action items and the suggestion', async () => {
    await renderSummary();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('End 1:1 Session — Summary');
    expect(document.getElementById('summary-duration')).toHaveTextContent('Session Duration: 00:47:23');
    expect(document.getElementById('summary-agenda')).toHaveTextContent('Agenda Items Completed: 3/3');
    // All covered: a check beside the count.
    expect(iconsIn(document.getElementById('summary-agenda'))).toEqual(['circle-check']);

    expect(screen.getByRole('checkbox', { name: 'Share live notes with IC (Ada Okafor)' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Share private notes with IC (manager only by default)' }),
    ).not.toBeChecked();

    const preview = document.getElementById('summary-preview') as HTMLElement;
    expect(preview).toHaveTextContent('Billing migration shipped');
    expect(preview).not.toHaveTextContent('Seems tired');
    expect(document.body).not.toHaveTextContent('Seems tired');

    const actions = document.getElementById('summary-actions') as HTMLElement;
    const first = actions.querySelector('li[data-action-id="a-new-1"]');
    expect(first).toHaveTextContent('Practice 3 client follow-up calls');
    expect(first).toHaveTextContent('Ada');
    expect(first).toHaveTextContent('5 Dec');
    const second = actions.querySelector('li[data-action-id="a-new-2"]');
    expect(second).toHaveTextContent('You');
    expect(second).toHaveTextContent('Ongoing');

    expect(document.getElementById('next-suggested')).toHaveTextContent(
      /Suggested date: Thu 5 Dec 2024, 2:00 PM.*\(1 week from today\)/,
    );
    expect(screen.getByRole('radio', { name: 'Recurring weekly' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'One-time' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Custom' })).not.toBeChecked();
  });

  it('asks before sharing private notes; cancelling leaves them private', async () => {
    const { user } = await renderSummary();
    const box = screen.getByRole('checkbox', { name: /Share private notes/ });

    await user.click(box);
    const dialog = screen.getByRole('alertdialog', { name: 'Share your private notes with Ada?' });
    expect(box).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Keep private' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(box).not.toBeChecked();

    await user.click(box);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(box).not.toBeChecked();

    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Share private notes' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(box).toBeChecked();

    await user.click(box);
    expect(box).not.toBeChecked();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('saves with the recurring plan and private notes kept private by default', async () => {
    const { calls, user } = await renderSummary();
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    await settle();
    expect(callsOf(calls, 'finish_session')).toEqual([
      { meetingId: 'm-now', request: { include_private_notes: false, next: { mode: 'recurring' } } },
    ]);
  });

  it('saves a confirmed private share and a one-time next 1:1 at the suggestion', async () => {
    const { calls, user } = await renderSummary();
    await user.click(screen.getByRole('checkbox', { name: /Share private notes/ }));
    await user.click(document.getElementById('confirm-share-private') as HTMLElement);
    await user.click(screen.getByRole('radio', { name: 'One-time' }));
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    await settle();
    expect(callsOf(calls, 'finish_session')).toEqual([
      {
        meetingId: 'm-now',
        request: {
          include_private_notes: true,
          next: { mode: 'one_time', slot: { date: '2024-12-05', time: '14:00', time_zone: 'Europe/Paris' } },
        },
      },
    ]);
    // Confirmed private notes travel in the copy, as the session rendered them.
    await user.click(screen.getByRole('button', { name: 'Copy shared notes' }));
    await settle();
    // Logged as a share of that meeting, like any other copy.
    expect(callsOf(calls, 'copy_to_clipboard')).toEqual([{ text: SHARED_MARKDOWN, sharedFrom: 'm-now' }]);
    expect(callsOf(calls, 'copy_shared_notes')).toEqual([]);
  });

  it('saves a custom date and time in the suggestion zone', async () => {
    const { calls, user } = await renderSummary();
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const date = document.getElementById('next-date') as HTMLInputElement;
    const time = document.getElementById('next-time') as HTMLInputElement;
    expect(date).toHaveValue('2024-12-05');
    expect(time).toHaveValue(formatTimeOfDay('14:00'));
    await user.clear(date);
    await user.type(date, '2024-12-04');
    await user.clear(time);
    await user.type(time, '16:30');
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    await settle();
    expect((callsOf(calls, 'finish_session')[0] as { request: FinishRequest }).request).toEqual({
      include_private_notes: false,
      next: { mode: 'one_time', slot: { date: '2024-12-04', time: '16:30', time_zone: 'Europe/Paris' } },
    });
  });

  it('confirms the save, copies the shared notes and leads back', async () => {
    const { calls, navigate, user } = await renderSummary();
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    await settle();
    const saved = document.getElementById('session-saved') as HTMLElement;
    expect(saved).toBeInTheDocument();
    expect(saved).toHaveTextContent('Next 1:1: Thu 5 Dec 2024, 2:00 PM');
    // The check mark is an icon; a hidden full stop ends the first sentence for screen readers.
    expect(screen.getByRole('status')).toHaveTextContent('1:1 session saved. Next session scheduled for 5 Dec');
    expect(iconsIn(screen.getByRole('status'))).toEqual(['check']);
    expect(iconsIn(within(saved).getByRole('heading', { name: '1:1 session saved' }))).toEqual(['check']);
    expect(screen.queryByRole('button', { name: 'Save Session & Schedule Next' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Copy shared notes' }));
    await settle();
    // The app renders and logs the shared notes; the web view sends no text.
    expect(callsOf(calls, 'copy_shared_notes')).toEqual([{ meetingId: 'm-now' }]);
    expect(callsOf(calls, 'copy_to_clipboard')).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent(/^Shared notes copied$/);
    expect(iconsIn(screen.getByRole('status'))).toEqual(['check']);

    await user.click(within(saved).getByRole('button', { name: 'Back to Ada' }));
    expect(navigate).toHaveBeenLastCalledWith({ screen: 'person', personId: 'p-ada' });
    await user.click(within(saved).getByRole('button', { name: 'Today' }));
    expect(navigate).toHaveBeenLastCalledWith({ screen: 'today' });
  });

  it('offers nothing to share when live notes are not shared', async () => {
    const { calls, user } = await renderSummary();
    const privateBox = screen.getByRole('checkbox', { name: /Share private notes/ });
    await user.click(privateBox);
    await user.click(screen.getByRole('button', { name: 'Share private notes' }));
    await user.click(screen.getByRole('checkbox', { name: /Share live notes/ }));
    expect(privateBox).not.toBeChecked();
    expect(privateBox).toBeDisabled();
    expect(document.getElementById('summary-preview')).not.toHaveTextContent('Billing migration');
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    await settle();
    expect((callsOf(calls, 'finish_session')[0] as { request: FinishRequest }).request.include_private_notes).toBe(false);
    expect(document.getElementById('session-saved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy shared notes' })).toBeNull();
  });

  it('goes back to the running session on Cancel', async () => {
    const { calls, onresumed, user } = await renderSummary();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(callsOf(calls, 'resume_session')).toEqual([{ meetingId: 'm-now' }]);
    expect(onresumed).toHaveBeenCalledWith(sessionView());
    expect(callsOf(calls, 'finish_session')).toEqual([]);
  });

  it('asks for a date when there is nothing to suggest, or saves without a next 1:1', async () => {
    const { calls, user } = await renderSummary(endSummary({ next: null }));
    expect(document.getElementById('next-suggested')).toHaveTextContent('No date to suggest');
    expect(screen.getByRole('radio', { name: 'Custom' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick a date and a time for the next 1:1.');
    expect(callsOf(calls, 'finish_session')).toEqual([]);

    await user.click(screen.getByRole('radio', { name: "Don't schedule now" }));
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    await settle();
    expect((callsOf(calls, 'finish_session')[0] as { request: FinishRequest }).request.next).toEqual({ mode: 'none' });
    expect(screen.getByRole('status')).toHaveTextContent(/^1:1 session saved$/);
    expect(iconsIn(screen.getByRole('status'))).toEqual(['check']);
  });

  it('keeps everything on screen when saving fails', async () => {
    const { user } = await renderSummary(endSummary(), {
      finish_session: () => {
        throw { code: 'invalid_input', message: 'The next 1:1 must be in the future.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Save Session & Schedule Next' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('The next 1:1 must be in the future.');
    expect(document.getElementById('session-saved')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save Session & Schedule Next' })).toBeEnabled();
  });
});
