import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OneOffInput } from '../lib/bindings';
import OneOffForm from '../lib/OneOffForm.svelte';
import { formatTimeOfDay, systemTimeZone, today } from '../lib/time';
import { TEMPLATES, meeting } from './builders';
import { commands, mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

function setup(handlers: Record<string, (args: unknown) => unknown> = {}) {
  const calls = mockBackend({
    list_templates: () => TEMPLATES,
    schedule_one_off: () => meeting({ series_id: null }),
    ...handlers,
  });
  const onsaved = vi.fn();
  const onclose = vi.fn();
  render(OneOffForm, { props: { personId: 'p-ada', personName: 'Ada', onsaved, onclose } });
  return { calls, onsaved, onclose, user: userEvent.setup(), dialog: screen.getByRole('dialog') };
}

function sent(calls: { cmd: string; args: unknown }[]): OneOffInput | undefined {
  return (calls.find((call) => call.cmd === 'schedule_one_off')?.args as { input: OneOffInput })
    ?.input;
}

describe('one-off form', () => {
  it('offers the three kinds, regular first, and defaults for the slot', () => {
    const { dialog } = setup();
    const kinds = within(dialog).getByRole('group', { name: 'Kind' });
    expect(within(kinds).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(
      ['regular', 'urgent', 'requested'],
    );
    expect(within(kinds).getByLabelText('Regular')).toBeChecked();
    expect(within(kinds).getByLabelText('Urgent (performance)')).toBeInTheDocument();
    expect(within(kinds).getByLabelText('Requested by IC')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Day')).toHaveValue(today());
    expect(within(dialog).getByLabelText('At')).toHaveValue(formatTimeOfDay('14:00'));
    expect(within(dialog).getByLabelText('Time zone')).toHaveValue(systemTimeZone());
    expect(within(dialog).getByLabelText('Minutes')).toHaveValue(30);
  });

  it('needs a topic when the IC asked for the 1:1', async () => {
    const { calls, dialog, user } = setup();
    await user.click(within(dialog).getByLabelText('Requested by IC'));
    expect(within(dialog).getByLabelText(/Topic/)).toHaveAttribute('aria-required', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule 1:1' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('needs its topic');
    expect(within(dialog).getByLabelText(/Topic/)).toHaveFocus();
    expect(commands(calls)).not.toContain('schedule_one_off');

    await user.type(within(dialog).getByLabelText(/Topic/), 'Promotion path');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule 1:1' }));
    expect(sent(calls)).toMatchObject({ kind: 'requested', topic: 'Promotion path' });
  });

  it('schedules an urgent 1:1 with the slot as typed', async () => {
    const { calls, dialog, onsaved, user } = setup();
    await user.click(within(dialog).getByLabelText('Urgent (performance)'));
    const day = within(dialog).getByLabelText('Day');
    await user.clear(day);
    await user.type(day, '2024-12-02');
    const time = within(dialog).getByLabelText('At');
    await user.clear(time);
    await user.type(time, '11:15');
    const zone = within(dialog).getByLabelText('Time zone');
    await user.clear(zone);
    await user.type(zone, 'Europe/Paris');
    const minutes = within(dialog).getByLabelText('Minutes');
    await user.clear(minutes);
    await user.type(minutes, '60');
    await user.selectOptions(within(dialog).getByLabelText('Format'), 'phone');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule 1:1' }));

    const expected: OneOffInput = {
      kind: 'urgent',
      topic: null,
      date: '2024-12-02',
      time: '11:15',
      time_zone: 'Europe/Paris',
      planned_minutes: 60,
      format: 'phone',
      template_id: null,
    };
    expect(calls.find((call) => call.cmd === 'schedule_one_off')?.args).toEqual({
      personId: 'p-ada',
      input: expected,
    });
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('shows a backend refusal and stays open', async () => {
    const { dialog, onsaved, user } = setup({
      schedule_one_off: () => {
        throw { code: 'invalid_input', message: 'That local time does not exist (clock change).' };
      },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule 1:1' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That local time does not exist (clock change).',
    );
    expect(onsaved).not.toHaveBeenCalled();
  });
});
