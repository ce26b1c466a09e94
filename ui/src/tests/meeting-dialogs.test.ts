import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CancelDialog from '../lib/CancelDialog.svelte';
import EndSeriesDialog from '../lib/EndSeriesDialog.svelte';
import RescheduleDialog from '../lib/RescheduleDialog.svelte';
import { formatTimeOfDay, today } from '../lib/time';
import { meeting, series } from './builders';
import { commands, mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

describe('move a 1:1', () => {
  function setup(handlers: Record<string, (args: unknown) => unknown>, oneOff = false) {
    const calls = mockBackend(handlers);
    const onsaved = vi.fn();
    const onclose = vi.fn();
    render(RescheduleDialog, {
      props: {
        meeting: meeting(oneOff ? { series_id: null } : {}),
        personName: 'Ada',
        onsaved,
        onclose,
      },
    });
    return { calls, onsaved, onclose, user: userEvent.setup(), dialog: screen.getByRole('dialog') };
  }

  it('starts from the current slot in its zone', () => {
    const { dialog } = setup({});
    expect(within(dialog).getByLabelText('New day')).toHaveAttribute('id', 'reschedule-date');
    expect(within(dialog).getByLabelText('New day')).toHaveValue('2024-11-28');
    expect(within(dialog).getByLabelText('At')).toHaveValue(formatTimeOfDay('14:00'));
    expect(within(dialog).getByLabelText('Time zone')).toHaveValue('Europe/Paris');
    expect(dialog).toHaveAccessibleDescription(/Only this 1:1 moves; the series carries on/);
  });

  it('does not talk about a series for a one-off', () => {
    const { dialog } = setup({}, true);
    expect(dialog).not.toHaveTextContent('series');
  });

  it('shows a refusal and stays open', async () => {
    const { dialog, onsaved, user } = setup({
      reschedule_meeting: () => {
        throw { code: 'invalid_input', message: 'Only a 1:1 that has not started can be moved.' };
      },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Move 1:1' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only a 1:1 that has not started can be moved.',
    );
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('needs a day and a time', async () => {
    const { calls, dialog, user } = setup({});
    await user.clear(within(dialog).getByLabelText('At'));
    await user.click(within(dialog).getByRole('button', { name: 'Move 1:1' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick the new day and time.');
    expect(commands(calls)).toEqual([]);
  });
});

describe('cancel a 1:1', () => {
  function setup() {
    const calls = mockBackend({ cancel_meeting: () => meeting({ status: 'cancelled' }) });
    const onsaved = vi.fn();
    render(CancelDialog, {
      props: { meeting: meeting(), personName: 'Ada', onsaved, onclose: vi.fn() },
    });
    const dialog = screen.getByRole('dialog', { name: 'Cancel the 1:1 with Ada' });
    return { calls, onsaved, user: userEvent.setup(), dialog };
  }

  it('asks who asked to cancel first, with nothing chosen', () => {
    const { dialog } = setup();
    const group = within(dialog).getByRole('radiogroup', { name: 'Who asked to cancel?' });
    expect(group).toHaveAttribute('id', 'cancel-by');
    const mine = within(group).getByRole('radio', { name: 'I did' });
    const theirs = within(group).getByRole('radio', { name: 'Ada did' });
    expect(mine).toHaveAttribute('id', 'cancel-by-manager');
    expect(theirs).toHaveAttribute('id', 'cancel-by-report');
    expect(mine).not.toBeChecked();
    expect(theirs).not.toBeChecked();
    // Focus lands on the first choice without choosing it.
    expect(mine).toHaveFocus();
  });

  it('sends nothing until it is said who asked, then sends who', async () => {
    const { calls, dialog, onsaved, user } = setup();
    await user.type(within(dialog).getByLabelText('Reason'), 'Ada is at a conference');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Say who asked to cancel: the team numbers count both.',
    );
    const group = within(dialog).getByRole('radiogroup');
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(within(group).getByRole('radio', { name: 'I did' })).toHaveFocus();
    expect(commands(calls)).toEqual([]);

    await user.click(within(dialog).getByLabelText('Ada did'));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    expect(calls).toEqual([
      {
        cmd: 'cancel_meeting',
        args: { meetingId: 'm-next', reason: 'Ada is at a conference', by: 'report' },
      },
    ]);
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('sends the trimmed reason', async () => {
    const { calls, dialog, onsaved, user } = setup();
    await user.click(within(dialog).getByLabelText('I did'));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why the 1:1 is cancelled');
    expect(within(dialog).getByLabelText('Reason')).toHaveFocus();
    expect(within(dialog).getByRole('radiogroup')).not.toHaveAttribute('aria-invalid');
    expect(commands(calls)).toEqual([]);

    await user.type(within(dialog).getByLabelText('Reason'), '  Offsite  ');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 1:1' }));
    expect(calls).toEqual([
      { cmd: 'cancel_meeting', args: { meetingId: 'm-next', reason: 'Offsite', by: 'manager' } },
    ]);
    expect(onsaved).toHaveBeenCalledOnce();
  });
});

describe('end a series', () => {
  it('proposes today as the last day and explains what happens', async () => {
    const calls = mockBackend({ end_series: () => series({ ends_on: today() }) });
    const onsaved = vi.fn();
    render(EndSeriesDialog, {
      props: { series: series(), personName: 'Ada', onsaved, onclose: vi.fn() },
    });
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'End the 1:1s with Ada' });
    expect(dialog).toHaveAccessibleDescription(
      /Weekly on Thursday at 2:00 PM \(Europe\/Paris\), 30 min.*after the last day are cancelled/,
    );
    expect(within(dialog).getByLabelText('Last day')).toHaveValue(today());
    await user.click(within(dialog).getByRole('button', { name: 'End series' }));
    expect(calls).toEqual([{ cmd: 'end_series', args: { seriesId: 's-weekly', lastDay: today() } }]);
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('shows a refusal and stays open', async () => {
    mockBackend({
      end_series: () => {
        throw { code: 'not_found', message: 'That series no longer exists.' };
      },
    });
    const onsaved = vi.fn();
    render(EndSeriesDialog, {
      props: { series: series(), personName: 'Ada', onsaved, onclose: vi.fn() },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'End series' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That series no longer exists.');
    expect(onsaved).not.toHaveBeenCalled();
  });
});
