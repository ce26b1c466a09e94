import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FinishResult, ShareLogEntry } from '../lib/bindings';
import EndSummary from '../lib/EndSummary.svelte';
import PersonPage from '../lib/PersonPage.svelte';
import { personPage } from './builders';
import { mockBackend } from './fixtures';
import { endSummary, meeting, settle, useClock } from './loop-fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

function entry(overrides: Partial<ShareLogEntry> = {}): ShareLogEntry {
  return {
    id: 'sl-1',
    person_id: 'p-ada',
    meeting_id: 'm-1',
    meeting_start: '2024-11-28T13:00:00Z',
    kind: 'notes',
    format: 'eml',
    recipient: 'Ada Okafor <ada@example.com>',
    shared_at: '2024-11-28T14:00:00Z',
    ...overrides,
  };
}

async function finishedSummary(handlers: Record<string, (args: unknown) => unknown>) {
  useClock('2024-11-28T13:47:30Z');
  const result: FinishResult = {
    meeting: meeting({ status: 'completed' }),
    next_meeting: null,
    shared_markdown: '# 1:1\n',
  };
  const calls = mockBackend({ finish_session: () => result, ...handlers });
  render(EndSummary, { summary: endSummary(), navigate: vi.fn(), onresumed: vi.fn() });
  await settle();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  await user.click(screen.getByRole('button', { name: /Save Session/ }));
  await settle();
  return { calls, user, result };
}

describe('sharing with the IC', () => {
  it('offers "Email to Ada" beside "Copy shared notes" and opens the draft', async () => {
    const { calls, user, result } = await finishedSummary({ share_email_draft: () => '/cache/drafts/x.eml' });
    const email = document.getElementById('email-shared-notes') as HTMLButtonElement;
    expect(email).toHaveTextContent('Email to Ada');
    expect(document.getElementById('copy-shared-notes')).toBeInTheDocument();
    await user.click(email);
    await settle();
    expect(calls.filter((c) => c.cmd === 'share_email_draft').map((c) => c.args)).toEqual([
      { meetingId: result.meeting.id },
    ]);
    expect(await screen.findByText(/E-mail draft to Ada opened/)).toBeInTheDocument();
  });

  it('shows why the draft could not be opened', async () => {
    const { user } = await finishedSummary({
      share_email_draft: () => {
        throw { code: 'io', message: 'The draft is in /cache/x.eml, but no mail app opened it' };
      },
    });
    await user.click(document.getElementById('email-shared-notes') as HTMLButtonElement);
    await settle();
    expect(await screen.findByText(/no mail app opened it/)).toBeInTheDocument();
  });

  it('lists what was shared on the person page', async () => {
    useClock('2024-11-29T09:00:00Z');
    mockBackend({
      get_person_page: () =>
        personPage({
          shared: [
            entry({ id: 'sl-2', kind: 'invite', format: 'ics', shared_at: '2024-11-28T15:00:00Z' }),
            entry(),
          ],
        }),
      get_reminder_offsets: () => ({ minutes: [15] }),
    });
    render(PersonPage, { props: { personId: 'p-ada', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
    await screen.findByRole('heading', { level: 1, name: /Ada Okafor/ });
    await settle();
    const log = document.getElementById('person-share-log') as HTMLElement;
    expect(screen.getByRole('heading', { name: /^Shared with / })).toBeInTheDocument();
    const items = log.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Invite of the 1:1 on');
    expect(items[0]).toHaveTextContent('calendar file');
    expect(items[1]).toHaveTextContent('Notes of the 1:1 on');
    expect(items[1]).toHaveTextContent('e-mail draft');
    expect(items[1]).toHaveTextContent('Ada Okafor <ada@example.com>');
  });

  it('says when nothing was shared yet', async () => {
    useClock('2024-11-29T09:00:00Z');
    mockBackend({
      get_person_page: () => personPage(),
      get_reminder_offsets: () => ({ minutes: [15] }),
    });
    render(PersonPage, { props: { personId: 'p-ada', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
    await screen.findByRole('heading', { level: 1, name: /Ada Okafor/ });
    await settle();
    expect(document.getElementById('person-share-log')).toHaveTextContent('Nothing shared yet');
  });
});
