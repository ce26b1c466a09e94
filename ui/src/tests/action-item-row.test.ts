import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ActionItemRow from '../lib/ActionItemRow.svelte';
import type { ActionItemView } from '../lib/bindings';
import { mockBackend } from './fixtures';
import { iconsIn } from './icons';
import { action, settle, useClock } from './loop-fixtures';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

type Layout = 'table' | 'list' | 'card';

/** A table row needs a table body, a list line a list. */
function host(layout: Layout): HTMLElement {
  const outer = document.createElement(layout === 'table' ? 'table' : 'ul');
  document.body.append(outer);
  if (layout !== 'table') return outer;
  const body = document.createElement('tbody');
  outer.append(body);
  return body;
}

function mount(
  layout: Layout,
  item: ActionItemView,
  extra: Partial<{
    disabled: boolean;
    onproblem: (message: string | null) => void;
    trailing: ReturnType<typeof createRawSnippet>;
  }> = {},
) {
  const onupdated = vi.fn();
  render(ActionItemRow, {
    target: host(layout),
    props: { item, layout, personName: 'Ada Okafor', onupdated, ...extra },
  });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { onupdated, user };
}

describe('action item row', () => {
  it('shows owner, due date and status in a table row', () => {
    useClock();
    mount('table', action({ overdue: true, days_overdue: 2, due_on: '2024-11-26' }));
    const row = document.querySelector('tr[data-action-id="a-1"]') as HTMLElement;
    expect(within(row).getAllByRole('cell')).toHaveLength(4);
    expect(row).toHaveTextContent('Ada');
    expect(row).toHaveTextContent('26 Nov');
    const status = row.querySelector('.status');
    expect(status).toHaveTextContent('Overdue');
    expect(iconsIn(status)).toEqual(['clock-alert']);
    // The edit control is an icon with a name, not a glyph.
    expect(iconsIn(within(row).getByRole('button', { name: 'Edit “Improve submission quality”' }))).toEqual([
      'pencil',
    ]);
  });

  it('shows a list line, the manager as "You", and the controls given after the status', () => {
    useClock();
    const trailing = createRawSnippet(() => ({
      render: () => '<button type="button">Remove it</button>',
    }));
    mount('list', action({ owner: 'manager', due_on: null }), { trailing });
    const row = document.querySelector('li[data-action-id="a-1"]') as HTMLElement;
    expect(row).toHaveTextContent('You');
    expect(row).toHaveTextContent('Ongoing');
    expect(within(row).getByRole('button', { name: 'Remove it' })).toBeInTheDocument();
  });

  it('shows the person page entry with its status history', async () => {
    useClock();
    const { user } = mount(
      'card',
      action({
        status: 'partial',
        history: [
          { status: 'open', due_on: '2024-11-28', changed_at: '2024-11-21T13:30:00Z' },
          { status: 'partial', due_on: null, changed_at: '2024-11-25T09:00:00Z' },
        ],
      }),
    );
    expect(screen.getByLabelText('Status of Improve submission quality')).toHaveValue('partial');
    await user.click(screen.getByRole('button', { name: 'History (2)' }));
    const history = screen.getByRole('list', { name: 'Status history of Improve submission quality' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
  });

  it('offers every status and hands the stored item back after a change', async () => {
    useClock();
    const done = action({ status: 'done' });
    const calls = mockBackend({ set_action_status: () => done });
    const { onupdated, user } = mount('list', action());
    const select = screen.getByRole('combobox', { name: 'Status of “Improve submission quality”' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Open',
      'Partial',
      'Done',
      'Escalated',
      'Dropped',
    ]);
    await user.selectOptions(select, 'done');
    await settle();
    expect(calls.map((call) => call.args)).toEqual([{ itemId: 'a-1', status: 'done' }]);
    expect(onupdated).toHaveBeenCalledWith(done);
  });

  it('shows a failed change in the row and keeps the stored status', async () => {
    useClock();
    mockBackend({
      set_action_status: () => {
        throw { code: 'not_found', message: 'That action item no longer exists.' };
      },
    });
    const { onupdated, user } = mount('card', action());
    const select = screen.getByLabelText('Status of Improve submission quality');
    await user.selectOptions(select, 'done');
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('That action item no longer exists.');
    expect(select).toHaveValue('open');
    expect(onupdated).not.toHaveBeenCalled();
  });

  it('tells the screen about a failed change when the screen shows problems', async () => {
    useClock();
    mockBackend({
      set_action_status: () => {
        throw { code: 'storage', message: 'The store is read-only.' };
      },
    });
    const problems: (string | null)[] = [];
    const { user } = mount('table', action(), { onproblem: (message) => problems.push(message) });
    await user.selectOptions(screen.getByRole('combobox'), 'done');
    await settle();
    expect(problems).toEqual([null, 'The store is read-only.']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('combobox')).toHaveValue('open');
  });

  it('cannot be changed while disabled', () => {
    useClock();
    mount('list', action(), { disabled: true });
    expect(screen.getByRole('combobox')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Edit “Improve submission quality”' })).toBeDisabled();
  });

  it('edits the item in a dialog opened with its values, and hands the stored item back', async () => {
    useClock();
    const stored = action({ title: 'Improve submission quality (3/week)', owner: 'manager', due_on: '2024-12-05', priority: 'p1' });
    const calls = mockBackend({ edit_action_item: () => stored });
    const { onupdated, user } = mount('list', action({ due_on: '2024-11-28' }));
    await user.click(screen.getByRole('button', { name: 'Edit “Improve submission quality”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit action item' });
    const title = within(dialog).getByLabelText('Action item');
    expect(title).toHaveAttribute('id', 'edit-action-title');
    expect(title).toHaveValue('Improve submission quality');
    expect(within(dialog).getByLabelText('Owner')).toHaveValue('ic');
    expect(within(dialog).getByLabelText('Due date')).toHaveValue('2024-11-28');
    expect(within(dialog).getByLabelText('Priority')).toHaveValue('');
    expect(
      within(within(dialog).getByLabelText('Owner')).getAllByRole('option').map((option) => option.textContent),
    ).toEqual(['Ada', 'Me (manager)']);

    await user.type(title, ' (3/week)');
    await user.selectOptions(within(dialog).getByLabelText('Owner'), 'manager');
    await user.clear(within(dialog).getByLabelText('Due date'));
    await user.type(within(dialog).getByLabelText('Due date'), '2024-12-05');
    await user.selectOptions(within(dialog).getByLabelText('Priority'), 'p1');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await settle();

    expect(calls.map((call) => call.args)).toEqual([
      {
        itemId: 'a-1',
        edit: { title: 'Improve submission quality (3/week)', owner: 'manager', due_on: '2024-12-05', priority: 'p1' },
      },
    ]);
    expect(onupdated).toHaveBeenCalledWith(stored);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('clears the due date and the priority when emptied', async () => {
    useClock();
    const calls = mockBackend({ edit_action_item: () => action() });
    const { user } = mount('card', action({ priority: 'p2' }));
    await user.click(screen.getByRole('button', { name: 'Edit “Improve submission quality”' }));
    await user.clear(screen.getByLabelText('Due date'));
    await user.selectOptions(screen.getByLabelText('Priority'), '');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(calls.map((call) => call.args)).toEqual([
      { itemId: 'a-1', edit: { title: 'Improve submission quality', owner: 'ic', due_on: null, priority: null } },
    ]);
  });

  it('keeps the edit dialog open with the backend message when saving fails', async () => {
    useClock();
    mockBackend({
      edit_action_item: () => {
        throw { code: 'invalid', message: 'An action item needs a title.' };
      },
    });
    const { onupdated, user } = mount('table', action());
    await user.click(screen.getByRole('button', { name: 'Edit “Improve submission quality”' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(within(screen.getByRole('dialog')).getByRole('alert')).toHaveTextContent('An action item needs a title.');
    expect(onupdated).not.toHaveBeenCalled();
    expect(document.querySelector('tr[data-action-id="a-1"]')).toHaveTextContent('28 Nov');
  });

  it('asks for a title before saving an edit', async () => {
    useClock();
    const calls = mockBackend({ edit_action_item: () => action() });
    const { user } = mount('list', action());
    await user.click(screen.getByRole('button', { name: 'Edit “Improve submission quality”' }));
    await user.clear(screen.getByLabelText('Action item'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Give the action item a title.');
    expect(calls).toEqual([]);
  });

  it.each(['table', 'list', 'card'] as const)('shows the priority next to the title (%s)', (layout) => {
    useClock();
    mount(layout, action({ priority: 'p1' }));
    const row = document.querySelector('[data-action-id="a-1"]') as HTMLElement;
    const badge = row.querySelector('[data-priority]');
    expect(badge).toHaveTextContent('P1');
    expect(badge).toHaveAttribute('data-priority', 'p1');
  });

  it('shows no priority badge when the item has none', () => {
    useClock();
    mount('list', action());
    expect(document.querySelector('[data-priority]')).toBeNull();
    expect(document.querySelector('[data-action-id="a-1"]')).not.toHaveTextContent(/P[12]/);
  });

  it.each(['table', 'list', 'card'] as const)('shows the last move of the due date under the row (%s)', (layout) => {
    useClock();
    mount(
      layout,
      action({
        due_on: '2024-12-01',
        history: [
          { status: 'open', due_on: '2024-11-24', changed_at: '2024-11-21T13:30:00Z' },
          { status: 'open', due_on: '2024-12-01', changed_at: '2024-11-28T13:20:00Z' },
        ],
      }),
    );
    const line = document.querySelector('[data-action-id="a-1"] .due-move');
    expect(line).toHaveTextContent(/^New due date: 1 Dec \(was 24 Nov\)$/);
  });

  it('says nothing about the due date when only the status changed', () => {
    useClock();
    mount(
      'table',
      action({
        status: 'partial',
        history: [
          { status: 'open', due_on: '2024-11-24', changed_at: '2024-11-21T13:30:00Z' },
          { status: 'partial', due_on: '2024-11-24', changed_at: '2024-11-25T09:00:00Z' },
        ],
      }),
    );
    expect(document.querySelector('.due-move')).toBeNull();
    expect(document.querySelector('[data-action-id="a-1"]')).not.toHaveTextContent('New due date');
  });
});
