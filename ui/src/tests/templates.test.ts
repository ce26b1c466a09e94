import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateInput, TemplateView } from '../lib/bindings';
import Templates from '../lib/Templates.svelte';
import { TEMPLATES, template } from './builders';
import { commands, mockBackend, type Call } from './fixtures';

afterEach(() => {
  clearMocks();
});

async function renderTemplates(handlers: Record<string, (args: unknown) => unknown> = {}) {
  const calls = mockBackend({ list_templates: () => TEMPLATES, ...handlers });
  render(Templates);
  await screen.findByText('Friday sync');
  return { calls, user: userEvent.setup() };
}

function rowOf(id: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-template-id="${id}"]`);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

function sentInput(calls: Call[], cmd: string): TemplateInput {
  return (calls.find((call) => call.cmd === cmd)?.args as { input: TemplateInput }).input;
}

describe('templates', () => {
  it('lists built-ins read-only and the manager’s own with all actions', async () => {
    await renderTemplates();
    expect(screen.getByRole('heading', { level: 1, name: 'Templates' })).toBeInTheDocument();
    const builtins = document.getElementById('templates-builtin')!;
    expect(within(builtins).getAllByRole('listitem').map((li) => li.dataset.templateId)).toEqual([
      'standard-weekly',
      'performance-improvement',
    ]);
    const standard = rowOf('standard-weekly');
    expect(standard).toHaveTextContent('3 items · 30 min');
    expect(standard).toHaveTextContent('Check-in 5′ · Their topics 15′ · Action items 10′');
    expect(within(standard).getByRole('button', { name: 'Duplicate Standard weekly' })).toBeInTheDocument();
    expect(within(standard).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(within(standard).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();

    const mine = rowOf('t-mine');
    expect(document.getElementById('templates-own')).toContainElement(mine);
    for (const name of ['Edit Friday sync', 'Duplicate Friday sync', 'Delete Friday sync']) {
      expect(within(mine).getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('says how to get templates of one’s own when there are none', async () => {
    mockBackend({ list_templates: () => TEMPLATES.filter((t) => t.builtin) });
    render(Templates);
    expect(await screen.findByText(/None of your own yet/)).toBeInTheDocument();
  });

  it('writes a new template with items added, reordered and removed', async () => {
    const { calls, user } = await renderTemplates({
      create_template: (args) =>
        template({ ...(args as { input: TemplateInput }).input, id: 't-new', builtin: false }),
    });
    await user.click(screen.getByRole('button', { name: 'New template' }));
    const dialog = await screen.findByRole('dialog', { name: 'New template' });
    await user.type(within(dialog).getByLabelText('Name'), 'Growth chat');
    await user.type(within(dialog).getByLabelText('Description'), 'Monthly career talk');
    await user.type(within(dialog).getByLabelText('Item 1'), 'Goals');
    await user.type(within(dialog).getByLabelText(/Prompts/), 'Where next?{Enter}What skills?');

    await user.click(within(dialog).getByRole('button', { name: '+ Add item' }));
    expect(within(dialog).getByLabelText('Item 2')).toHaveFocus();
    await user.keyboard('Feedback');
    const minutes2 = within(dialog).getAllByLabelText('Minutes')[1]!;
    await user.clear(minutes2);
    await user.type(minutes2, '20');
    expect(within(dialog).getByText('Total 25 min')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: '+ Add item' }));
    await user.keyboard('Scratch');
    await user.click(within(dialog).getByRole('button', { name: 'Remove item 3' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move item 2 up' }));
    expect(within(dialog).getByLabelText('Item 1')).toHaveValue('Feedback');
    expect(within(dialog).getByRole('button', { name: 'Move item 1 up' })).toBeDisabled();

    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentInput(calls, 'create_template')).toEqual({
      name: 'Growth chat',
      description: 'Monthly career talk',
      items: [
        { title: 'Feedback', minutes: 20, prompts: [] },
        { title: 'Goals', minutes: 5, prompts: ['Where next?', 'What skills?'] },
      ],
    });
    expect(screen.getByRole('status')).toHaveTextContent('"Growth chat" is saved.');
    expect(commands(calls).filter((cmd) => cmd === 'list_templates')).toHaveLength(2);
  });

  it('edits one of the manager’s templates', async () => {
    const { calls, user } = await renderTemplates({
      update_template: () => TEMPLATES[2],
    });
    await user.click(screen.getByRole('button', { name: 'Edit Friday sync' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Friday sync' });
    expect(within(dialog).getByLabelText('Item 1')).toHaveValue('Wins');
    expect(within(dialog).getAllByLabelText(/Prompts/)[0]).toHaveValue('What went well?');
    expect(within(dialog).getByText('Total 15 min')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Move item 1 down' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((call) => call.cmd === 'update_template')?.args).toEqual({
      templateId: 't-mine',
      input: {
        name: 'Friday sync',
        description: 'Short and sweet.',
        items: [
          { title: 'Blockers', minutes: 10, prompts: [] },
          { title: 'Wins', minutes: 5, prompts: ['What went well?'] },
        ],
      },
    });
  });

  it('keeps the editor open with the backend message', async () => {
    const { user } = await renderTemplates({
      update_template: () => {
        throw { code: 'invalid_input', message: 'Agenda item 1 needs a title.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Edit Friday sync' }));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText('Item 1'));
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Agenda item 1 needs a title.',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('duplicates a built-in and opens the copy for editing', async () => {
    const copy: TemplateView = template({
      id: 't-copy',
      name: 'Standard weekly (copy)',
      builtin: false,
    });
    let list = TEMPLATES;
    const { calls, user } = await renderTemplates({
      list_templates: () => list,
      duplicate_template: () => {
        list = [...TEMPLATES, copy];
        return copy;
      },
    });
    await user.click(screen.getByRole('button', { name: 'Duplicate Standard weekly' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Standard weekly (copy)' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Standard weekly (copy)');
    expect(calls.find((call) => call.cmd === 'duplicate_template')?.args).toEqual({
      templateId: 'standard-weekly',
    });
    expect(rowOf('t-copy')).toBeInTheDocument();
  });

  it('deletes one of the manager’s templates after confirming', async () => {
    let list = TEMPLATES;
    const { calls, user } = await renderTemplates({
      list_templates: () => list,
      delete_template: () => {
        list = TEMPLATES.filter((t) => t.id !== 't-mine');
        return null;
      },
    });
    await user.click(screen.getByRole('button', { name: 'Delete Friday sync' }));
    expect(commands(calls)).not.toContain('delete_template');
    const confirm = screen.getByRole('group', { name: 'Delete "Friday sync"?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete template' }));
    await waitFor(() => expect(screen.queryByText('Friday sync')).not.toBeInTheDocument());
    expect(calls.find((call) => call.cmd === 'delete_template')?.args).toEqual({
      templateId: 't-mine',
    });
  });

  it('backs out of a delete with Keep', async () => {
    const { calls, user } = await renderTemplates();
    await user.click(screen.getByRole('button', { name: 'Delete Friday sync' }));
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByRole('button', { name: 'Delete Friday sync' })).toHaveFocus();
    expect(commands(calls)).toEqual(['list_templates']);
  });

  it('shows a failed delete', async () => {
    const { user } = await renderTemplates({
      delete_template: () => {
        throw { code: 'invalid_input', message: 'Built-in templates cannot be deleted.' };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Delete Friday sync' }));
    await user.click(screen.getByRole('button', { name: 'Delete template' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Built-in templates cannot be deleted.',
    );
    expect(rowOf('t-mine')).toBeInTheDocument();
  });
});
