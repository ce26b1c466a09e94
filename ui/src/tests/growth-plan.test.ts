import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GrowthPlan, GrowthPlanInput } from '../lib/bindings';
import { checkpointTiming, nextCheckpoint } from '../lib/coaching';
import GrowthPlanCard from '../lib/GrowthPlanCard.svelte';
import GrowthPlanForm from '../lib/GrowthPlanForm.svelte';
import { checkpoint, growthPlan } from './coaching-builders';
import { mockBackend, type Call } from './fixtures';
import { iconsIn } from './icons';

afterEach(() => {
  clearMocks();
});

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function argsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

function renderCard(plan: GrowthPlan, today = '2024-12-10') {
  const onedit = vi.fn();
  const ondelete = vi.fn();
  render(GrowthPlanCard, { props: { plan, today, onedit, ondelete } });
  return { onedit, ondelete, user: userEvent.setup() };
}

function checkpointRow(id: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-checkpoint-id="${id}"]`);
  if (!row) throw new Error(`checkpoint ${id} is missing`);
  return row;
}

describe('growth plan card', () => {
  it('shows the goal, status, support and evidence, and highlights the next checkpoint', () => {
    renderCard(growthPlan());
    const card = screen.getByRole('article', { name: 'Lead a cross-team project' });
    expect(card).toHaveTextContent('Active');
    expect(card).not.toHaveTextContent('Private');
    expect(card).toHaveTextContent('Introductions to the platform leads');
    expect(card).toHaveTextContent('The billing migration ships with two teams');

    expect(checkpointRow('c-next')).toHaveClass('next');
    expect(checkpointRow('c-next')).toHaveAttribute('aria-current', 'step');
    expect(checkpointRow('c-next')).toHaveTextContent('due in 5 days');
    expect(checkpointRow('c-met')).toHaveTextContent('Met:');
    expect(iconsIn(checkpointRow('c-met'))).toEqual(['circle-check']);
    expect(iconsIn(checkpointRow('c-next'))).toEqual(['circle']);
    expect(checkpointRow('c-met')).not.toHaveClass('next');
    expect(checkpointRow('c-later')).not.toHaveTextContent(/due in/);
  });

  it('says a past pending checkpoint was missed', () => {
    renderCard(growthPlan(), '2024-12-18');
    expect(checkpointRow('c-next')).toHaveClass('next', 'late');
    expect(checkpointRow('c-next')).toHaveTextContent('missed 3 days ago');
  });

  it('marks a private plan and offers edit and delete', async () => {
    const plan = growthPlan({
      plan: undefined,
      private_plan: {
        goal: 'Get ready for staff',
        support: '',
        evidence: '',
        checkpoints: [],
      },
    });
    const { onedit, ondelete, user } = renderCard(plan);
    expect(screen.getByText('Private')).toBeInTheDocument();
    expect(screen.getByText('No checkpoints set.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit growth plan: Get ready for staff' }));
    expect(onedit).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Delete growth plan: Get ready for staff' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(ondelete).toHaveBeenCalledOnce();
  });
});

describe('checkpoint rules', () => {
  it('picks the pending checkpoint due first', () => {
    const next = nextCheckpoint([
      checkpoint({ id: 'late', due_on: '2025-02-01' }),
      checkpoint({ id: 'done', due_on: '2024-10-01', status: 'met' }),
      checkpoint({ id: 'soon', due_on: '2024-12-01' }),
    ]);
    expect(next?.id).toBe('soon');
    expect(nextCheckpoint([checkpoint({ status: 'missed' })])).toBeNull();
  });

  it('words the time left or past', () => {
    expect(checkpointTiming('2024-12-10', '2024-12-10')).toBe('due today');
    expect(checkpointTiming('2024-12-11', '2024-12-10')).toBe('due in 1 day');
    expect(checkpointTiming('2024-12-09', '2024-12-10')).toBe('missed 1 day ago');
  });
});

describe('growth plan form', () => {
  it('creates a plan with its checkpoints', async () => {
    const calls = mockBackend({ add_growth_plan: () => growthPlan() });
    const onsaved = vi.fn();
    render(GrowthPlanForm, {
      props: { idPrefix: 'person', personId: 'p-ada', personName: 'Ada', onsaved, onclose: vi.fn() },
    });
    const user = userEvent.setup();
    await user.type(byId('person-plan-goal'), 'Lead a cross-team project');
    await user.type(byId('person-plan-support'), 'Introductions');
    await user.type(byId('person-plan-evidence'), 'Two teams ship');
    await user.click(byId('person-plan-add-checkpoint'));
    await user.click(byId('person-plan-add-checkpoint'));
    const due = byId('person-plan-checkpoint-0-due');
    await user.clear(due);
    await user.type(due, '2025-01-15');
    await user.type(byId('person-plan-checkpoint-0-title'), 'Kick-off held');
    await user.type(byId('person-plan-checkpoint-1-title'), 'To remove');
    await user.click(screen.getByRole('button', { name: 'Remove checkpoint 2' }));
    await user.click(byId('person-plan-private'));
    await user.click(byId('person-plan-save'));

    const expected: GrowthPlanInput = {
      goal: 'Lead a cross-team project',
      support: 'Introductions',
      evidence: 'Two teams ship',
      status: 'active',
      private: true,
      checkpoints: [
        { id: null, due_on: '2025-01-15', title: 'Kick-off held', status: 'pending', note: '' },
      ],
    };
    expect(argsOf(calls, 'add_growth_plan')).toEqual([{ personId: 'p-ada', input: expected }]);
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('edits a plan keeping its checkpoints’ ids', async () => {
    const calls = mockBackend({ edit_growth_plan: () => growthPlan() });
    render(GrowthPlanForm, {
      props: {
        idPrefix: 'person',
        personId: 'p-ada',
        personName: 'Ada',
        plan: growthPlan(),
        onsaved: vi.fn(),
        onclose: vi.fn(),
      },
    });
    const user = userEvent.setup();
    expect(byId('person-plan-goal')).toHaveValue('Lead a cross-team project');
    await user.selectOptions(byId('person-plan-checkpoint-1-status'), 'met');
    await user.selectOptions(byId('person-plan-status'), 'achieved');
    await user.click(byId('person-plan-save'));

    const [call] = argsOf(calls, 'edit_growth_plan') as [{ planId: string; input: GrowthPlanInput }];
    expect(call.planId).toBe('g-1');
    expect(call.input.status).toBe('achieved');
    expect(call.input.private).toBe(false);
    expect(call.input.checkpoints.map((c) => [c.id, c.status])).toEqual([
      ['c-met', 'met'],
      ['c-next', 'met'],
      ['c-later', 'pending'],
    ]);
    expect(within(screen.getByRole('dialog')).queryByRole('alert')).toBeNull();
  });
});
