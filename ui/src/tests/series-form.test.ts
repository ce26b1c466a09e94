import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cadence, Level, SeriesInput } from '../lib/bindings';
import SeriesForm from '../lib/SeriesForm.svelte';
import { formatTimeOfDay, systemTimeZone, today, weekdayOf } from '../lib/time';
import { TEMPLATES, series } from './builders';
import { commands, mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

function setup(
  cadence: Cadence,
  handlers: Record<string, (args: unknown) => unknown> = {},
  level: Level | null = null,
) {
  const calls = mockBackend({
    list_templates: () => TEMPLATES,
    create_series: () => series(),
    ...handlers,
  });
  const onsaved = vi.fn();
  const onclose = vi.fn();
  render(SeriesForm, {
    props: { personId: 'p-ada', personName: 'Ada', cadence, level, onsaved, onclose },
  });
  return { calls, onsaved, onclose, user: userEvent.setup(), dialog: screen.getByRole('dialog') };
}

describe('series form', () => {
  it('proposes a rhythm from the cadence and sensible defaults', () => {
    const { dialog } = setup('monthly');
    const field = (label: string) => within(dialog).getByLabelText(label);
    expect(field('Repeats')).toHaveAttribute('id', 'series-frequency');
    expect(field('Repeats')).toHaveValue('monthly');
    expect(field('On')).toHaveAttribute('id', 'series-weekday');
    expect(field('On')).toHaveValue(weekdayOf(today()));
    expect(field('At')).toHaveAttribute('id', 'series-time');
    expect(field('At')).toHaveValue(formatTimeOfDay('14:00'));
    expect(field('Starting')).toHaveAttribute('id', 'series-starts-on');
    expect(field('Starting')).toHaveValue(today());
    expect(field('Minutes')).toHaveAttribute('id', 'series-duration');
    expect(field('Minutes')).toHaveValue(30);
    expect(field('Format')).toHaveAttribute('id', 'series-format');
    expect(within(field('Format')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'In person',
      'Video call',
      'Phone',
    ]);
    expect(field('Time zone')).toHaveAttribute('id', 'series-zone');
    expect(field('Time zone')).toHaveValue(systemTimeZone());
    expect(field('Agenda')).toHaveAttribute('id', 'series-template');
    expect(within(dialog).getByRole('button', { name: 'Save schedule' })).toHaveAttribute(
      'id',
      'series-save',
    );
  });

  it.each([
    ['junior', 45],
    ['senior', 30],
  ] as const)("proposes the %s level's length of 1:1", (level, minutes) => {
    const { dialog } = setup('weekly', {}, level);
    expect(within(dialog).getByLabelText('Minutes')).toHaveValue(minutes);
  });

  it.each([
    ['weekly', 'weekly'],
    ['biweekly', 'biweekly'],
  ] as const)('proposes %s for a %s cadence', (cadence, frequency) => {
    const { dialog } = setup(cadence);
    expect(within(dialog).getByLabelText('Repeats')).toHaveValue(frequency);
  });

  it('reads a time typed on the 12-hour clock, and refuses one it cannot read', async () => {
    const { calls, dialog, user } = setup('weekly');
    const at = within(dialog).getByLabelText('At');
    const save = within(dialog).getByRole('button', { name: 'Save schedule' });
    await user.clear(at);
    await user.type(at, 'after lunch');
    await user.click(save);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick the time of the 1:1.');
    expect(at).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((call) => call.cmd === 'create_series')).toBe(false);

    await user.clear(at);
    await user.type(at, '2:30 pm');
    await user.click(save);
    const sent = calls.find((call) => call.cmd === 'create_series')?.args as {
      input: SeriesInput;
    };
    expect(sent.input.local_time).toBe('14:30');
  });

  it('sends the schedule as typed', async () => {
    const { calls, dialog, onsaved, user } = setup('weekly');
    const field = (label: string) => within(dialog).getByLabelText(label);
    await user.selectOptions(field('Repeats'), 'biweekly');
    await user.selectOptions(field('On'), 'tue');
    await user.clear(field('At'));
    await user.type(field('At'), '09:30');
    await user.clear(field('Starting'));
    await user.type(field('Starting'), '2024-12-03');
    await user.clear(field('Minutes'));
    await user.type(field('Minutes'), '45');
    await user.selectOptions(field('Format'), 'video');
    await user.clear(field('Time zone'));
    await user.type(field('Time zone'), 'America/New_York');
    await within(dialog).findByRole('option', { name: 'Friday sync' });
    await user.selectOptions(field('Agenda'), 't-mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));

    const expected: SeriesInput = {
      frequency: 'biweekly',
      weekday: 'tue',
      last_of_month: false,
      local_time: '09:30',
      time_zone: 'America/New_York',
      duration_minutes: 45,
      format: 'video',
      template_id: 't-mine',
      starts_on: '2024-12-03',
    };
    expect(calls.find((call) => call.cmd === 'create_series')?.args).toEqual({
      personId: 'p-ada',
      input: expected,
    });
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('asks for a second day twice a week, three days on, and sends it', async () => {
    const { calls, dialog, user } = setup('weekly');
    const field = (label: string) => within(dialog).getByLabelText(label);
    expect(within(dialog).queryByLabelText('And on')).toBeNull();
    await user.selectOptions(field('On'), 'mon');
    await user.selectOptions(field('Repeats'), 'twice_weekly');
    expect(field('And on')).toHaveAttribute('id', 'series-weekday-2');
    await user.selectOptions(field('And on'), 'mon');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    expect(dialog).toHaveTextContent('Twice a week falls on two different days');
    expect(calls.some((call) => call.cmd === 'create_series')).toBe(false);
    await user.selectOptions(field('And on'), 'thu');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    const sent = calls.find((call) => call.cmd === 'create_series')?.args as {
      input: SeriesInput;
    };
    expect(sent.input.frequency).toBe('twice_weekly');
    expect(sent.input.weekday).toBe('mon');
    expect(sent.input.second_weekday).toBe('thu');
  });

  it('offers the last weekday of the month for a monthly 1:1, and sends it', async () => {
    const { calls, dialog, user } = setup('weekly');
    const field = (label: string) => within(dialog).getByLabelText(label);
    expect(within(dialog).queryByText(/of the month/)).toBeNull();
    await user.selectOptions(field('Repeats'), 'monthly');
    await user.selectOptions(field('On'), 'tue');
    await user.clear(field('Starting'));
    await user.type(field('Starting'), '2024-10-29');
    // 29 October 2024 is a fifth Tuesday: the rule keeps the fourth unless told otherwise.
    expect(field('The fourth, as the first 1:1')).toBeChecked();
    await user.click(field('The last, the fifth in a month that has five'));
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    const sent = calls.find((call) => call.cmd === 'create_series')?.args as {
      input: SeriesInput;
    };
    expect(sent.input.frequency).toBe('monthly');
    expect(sent.input.last_of_month).toBe(true);
  });

  it('never sends the last weekday for another rhythm', async () => {
    const { calls, dialog, user } = setup('weekly');
    const field = (label: string) => within(dialog).getByLabelText(label);
    await user.selectOptions(field('Repeats'), 'monthly');
    await user.click(field('The last, the fifth in a month that has five'));
    await user.selectOptions(field('Repeats'), 'weekly');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    const sent = calls.find((call) => call.cmd === 'create_series')?.args as {
      input: SeriesInput;
    };
    expect(sent.input.last_of_month).toBe(false);
  });

  it('refuses a time zone the computer does not know, without calling the backend', async () => {
    const { calls, dialog, user } = setup('weekly');
    const zone = within(dialog).getByLabelText('Time zone');
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '"Mars/Olympus" is not a time zone this computer knows.',
    );
    expect(commands(calls)).not.toContain('create_series');
  });

  it('shows a backend refusal and stays open', async () => {
    const { dialog, onsaved, user } = setup('weekly', {
      create_series: () => {
        throw { code: 'invalid_input', message: 'That agenda template no longer exists.' };
      },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That agenda template no longer exists.',
    );
    expect(onsaved).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
