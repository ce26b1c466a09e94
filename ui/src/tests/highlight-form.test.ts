import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightInput } from '../lib/bindings';
import HighlightForm from '../lib/HighlightForm.svelte';
import { today } from '../lib/time';
import { highlight } from './builders';
import { commands, mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

function setup(handlers: Record<string, (args: unknown) => unknown> = {}) {
  const calls = mockBackend({ add_highlight: () => highlight(), ...handlers });
  const onsaved = vi.fn();
  const onclose = vi.fn();
  render(HighlightForm, { props: { personId: 'p-ada', personName: 'Ada', onsaved, onclose } });
  return { calls, onsaved, onclose, user: userEvent.setup(), dialog: screen.getByRole('dialog') };
}

describe('highlight form', () => {
  it('defaults to a shareable win today', () => {
    const { dialog } = setup();
    expect(within(dialog).getByLabelText('Kind')).toHaveValue('win');
    expect(
      within(within(dialog).getByLabelText('Kind')).getAllByRole('option').map((o) => o.textContent),
    ).toEqual(['Win', 'Concern', 'Accomplishment']);
    expect(within(dialog).getByLabelText('Day')).toHaveValue(today());
    expect(within(dialog).getByLabelText('Private (manager only)')).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Log it' })).toHaveAttribute(
      'id',
      'highlight-save',
    );
  });

  it('logs a private concern', async () => {
    const { calls, dialog, onsaved, user } = setup();
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'concern');
    const day = within(dialog).getByLabelText('Day');
    await user.clear(day);
    await user.type(day, '2024-11-25');
    await user.type(within(dialog).getByLabelText('What happened'), '  Missed two stand-ups ');
    await user.click(within(dialog).getByLabelText('Private (manager only)'));
    await user.click(within(dialog).getByRole('button', { name: 'Log it' }));

    const expected: HighlightInput = {
      kind: 'concern',
      occurred_on: '2024-11-25',
      text: 'Missed two stand-ups',
      private: true,
      meeting_id: null,
    };
    expect(calls.find((call) => call.cmd === 'add_highlight')?.args).toEqual({
      personId: 'p-ada',
      input: expected,
    });
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('asks what happened before calling the backend', async () => {
    const { calls, dialog, user } = setup();
    await user.click(within(dialog).getByRole('button', { name: 'Log it' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Write what happened.');
    expect(commands(calls)).toEqual([]);
  });

  it('shows a backend refusal and stays open', async () => {
    const { dialog, onsaved, user } = setup({
      add_highlight: () => {
        throw {
          code: 'invalid_input',
          message: 'A win or concern is about something that happened; pick a date up to today.',
        };
      },
    });
    await user.type(within(dialog).getByLabelText('What happened'), 'Will ship');
    await user.click(within(dialog).getByRole('button', { name: 'Log it' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('pick a date up to today');
    expect(within(dialog).getByLabelText('What happened')).toHaveValue('Will ship');
    expect(onsaved).not.toHaveBeenCalled();
  });
});
