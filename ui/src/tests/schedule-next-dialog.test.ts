import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ScheduleNextDialog from '../lib/ScheduleNextDialog.svelte';
import { mockBackend } from './fixtures';
import { settle, useClock } from './loop-fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

async function open(handlers: Record<string, (args: unknown) => unknown>) {
  useClock();
  const calls = mockBackend(handlers);
  const onclose = vi.fn();
  const onscheduled = vi.fn();
  render(ScheduleNextDialog, { meetingId: 'm-now', timeZone: 'Europe/Paris', onclose, onscheduled });
  await settle();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const dialog = screen.getByRole('dialog', { name: 'Schedule Next 1:1' });
  return { calls, onclose, onscheduled, user, dialog };
}

describe('schedule next dialog', () => {
  it('falls back to a custom date when the cadence has no suggestion', async () => {
    const { dialog } = await open({
      propose_next: () => {
        throw { code: 'invalid_input', message: 'No cadence to follow.' };
      },
    });
    expect(dialog).toHaveTextContent('No cadence to follow.');
    expect(within(dialog).getByRole('radio', { name: 'Custom' })).toBeChecked();
  });

  it('shows a refused plan and stays open', async () => {
    const { onscheduled, user, dialog } = await open({
      propose_next: () => {
        throw { code: 'invalid_input', message: 'No cadence to follow.' };
      },
      schedule_next: () => {
        throw { code: 'conflict', message: 'Ada already has a 1:1 then.' };
      },
    });
    await user.type(within(dialog).getByLabelText('Date'), '2024-12-06');
    await user.type(within(dialog).getByLabelText('Time'), '09:30');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    await settle();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Ada already has a 1:1 then.');
    expect(within(dialog).getByRole('button', { name: 'Schedule' })).toBeEnabled();
    expect(onscheduled).not.toHaveBeenCalled();
  });

  it('closes from Cancel', async () => {
    const { onclose, user, dialog } = await open({ propose_next: () => ({}) });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalled();
  });
});
