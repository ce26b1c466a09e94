import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person, PersonInput } from '../lib/bindings';
import PersonForm from '../lib/PersonForm.svelte';
import { TEMPLATES, person } from './builders';
import { commands, mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

function setup(
  handlers: Record<string, (args: unknown) => unknown> = {},
  editing: Person | null = null,
) {
  const calls = mockBackend({
    list_templates: () => TEMPLATES,
    create_person: (args) => person({ ...(args as { input: PersonInput }).input, id: 'p-new' }),
    ...handlers,
  });
  const onsaved = vi.fn();
  const onclose = vi.fn();
  render(PersonForm, { props: { person: editing, onsaved, onclose } });
  return { calls, onsaved, onclose, user: userEvent.setup(), dialog: screen.getByRole('dialog') };
}

function sent(calls: { cmd: string; args: unknown }[], cmd: string): PersonInput {
  return (calls.find((call) => call.cmd === cmd)?.args as { input: PersonInput }).input;
}

describe('person form', () => {
  it('has a labelled field for everything, with the ids the app uses', async () => {
    const { dialog } = setup();
    expect(dialog).toHaveAccessibleName('Add person');
    const ids: [string, string][] = [
      ['Name', 'person-name'],
      ['E-mail', 'person-email'],
      ['Role', 'person-role'],
      ['Level', 'person-level'],
      ['Started on', 'person-start-date'],
      ['Current focus areas', 'person-focus'],
      ['1:1 cadence', 'person-cadence'],
      ['Career talk every (days)', 'person-career'],
      ['Default agenda', 'person-template'],
    ];
    for (const [label, id] of ids) {
      expect(within(dialog).getByLabelText(label)).toHaveAttribute('id', id);
    }
    expect(within(dialog).getByLabelText('Started on')).toHaveAttribute('type', 'date');
    expect(within(dialog).getByRole('button', { name: 'Save person' })).toHaveAttribute(
      'id',
      'person-save',
    );
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    expect(
      await within(dialog).findByRole('option', { name: 'Friday sync' }),
    ).toBeInTheDocument();
  });

  it("shows the level's proposed rhythm as the level changes", async () => {
    const { dialog, user } = setup();
    const level = within(dialog).getByLabelText('Level');
    await user.selectOptions(level, 'junior');
    expect(within(dialog).getByRole('option', { name: 'Proposed for Junior (Weekly)' })).toHaveValue('');
    expect(within(dialog).getByLabelText('Career talk every (days)')).toHaveAttribute(
      'placeholder',
      '14',
    );
    expect(dialog).toHaveTextContent(
      'Proposed for Junior: 1:1s every week for 45 minutes, career conversations every two weeks.',
    );
    await user.selectOptions(level, 'staff_plus');
    expect(
      within(dialog).getByRole('option', { name: 'Proposed for Staff+ (Every two weeks)' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Career talk every (days)')).toHaveAttribute(
      'placeholder',
      '60',
    );
  });

  it('creates a person with blanks as "not set" and one focus area per line', async () => {
    const { calls, dialog, onsaved, user } = setup();
    await user.type(within(dialog).getByLabelText('Name'), '  Eve Martin ');
    await user.type(within(dialog).getByLabelText('Role'), 'Data engineer');
    await user.selectOptions(within(dialog).getByLabelText('Level'), 'junior');
    await user.type(
      within(dialog).getByLabelText('Current focus areas'),
      'Learn the pipeline{Enter}{Enter}  Own the nightly job  ',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save person' }));

    expect(sent(calls, 'create_person')).toEqual({
      name: 'Eve Martin',
      email: null,
      role: 'Data engineer',
      level: 'junior',
      start_date: null,
      focus_areas: ['Learn the pipeline', 'Own the nightly job'],
      cadence: null,
      career_talk_every_days: null,
      default_template_id: null,
    });
    expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'p-new', name: 'Eve Martin' }));
  });

  it('sends the chosen overrides', async () => {
    const { calls, dialog, user } = setup();
    await user.type(within(dialog).getByLabelText('Name'), 'Eve Martin');
    await user.type(within(dialog).getByLabelText('E-mail'), 'eve@example.com');
    await user.type(within(dialog).getByLabelText('Started on'), '2024-09-02');
    await user.selectOptions(within(dialog).getByLabelText('1:1 cadence'), 'monthly');
    await user.type(within(dialog).getByLabelText('Career talk every (days)'), '45');
    await within(dialog).findByRole('option', { name: 'Friday sync' });
    await user.selectOptions(within(dialog).getByLabelText('Default agenda'), 't-mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save person' }));

    expect(sent(calls, 'create_person')).toMatchObject({
      email: 'eve@example.com',
      start_date: '2024-09-02',
      cadence: 'monthly',
      career_talk_every_days: 45,
      default_template_id: 't-mine',
    });
  });

  it('asks for a name without calling the backend', async () => {
    const { calls, dialog, onsaved, user } = setup();
    await user.click(within(dialog).getByRole('button', { name: 'Save person' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A person needs a name.');
    expect(within(dialog).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    expect(commands(calls)).not.toContain('create_person');
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('shows a backend refusal and stays open', async () => {
    const { dialog, onsaved, onclose, user } = setup({
      create_person: () => {
        throw { code: 'invalid_input', message: '"eve@" is not an e-mail address.' };
      },
    });
    await user.type(within(dialog).getByLabelText('Name'), 'Eve');
    await user.type(within(dialog).getByLabelText('E-mail'), 'eve@');
    await user.click(within(dialog).getByRole('button', { name: 'Save person' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '"eve@" is not an e-mail address.',
    );
    expect(within(dialog).getByLabelText('E-mail')).toHaveValue('eve@');
    expect(onsaved).not.toHaveBeenCalled();
    expect(onclose).not.toHaveBeenCalled();
  });

  it('closes on Cancel and on Escape', async () => {
    const { dialog, onclose, user } = setup();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(2);
  });

  it('edits with the current values and updates', async () => {
    const editing = person({
      cadence: 'weekly',
      career_talk_every_days: 21,
      default_template_id: 't-mine',
    });
    const { calls, dialog, user } = setup(
      { update_person: () => editing },
      editing,
    );
    expect(dialog).toHaveAccessibleName('Edit Ada Okafor');
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Ada Okafor');
    expect(within(dialog).getByLabelText('Level')).toHaveValue('senior');
    expect(within(dialog).getByLabelText('Started on')).toHaveValue('2023-03-01');
    expect(within(dialog).getByLabelText('1:1 cadence')).toHaveValue('weekly');
    expect(within(dialog).getByLabelText('Career talk every (days)')).toHaveValue(21);
    await within(dialog).findByRole('option', { name: 'Friday sync' });
    expect(within(dialog).getByLabelText('Default agenda')).toHaveValue('t-mine');

    await user.selectOptions(within(dialog).getByLabelText('1:1 cadence'), '');
    await user.clear(within(dialog).getByLabelText('Career talk every (days)'));
    await user.click(within(dialog).getByRole('button', { name: 'Save person' }));
    expect(calls.find((call) => call.cmd === 'update_person')?.args).toMatchObject({
      personId: 'p-ada',
      input: { cadence: null, career_talk_every_days: null, default_template_id: 't-mine' },
    });
  });
});
