import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import PeriodField from '../lib/PeriodField.svelte';
import { PERIODS } from '../lib/periods';

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not on screen`);
  return element;
}

describe('period field', () => {
  it('asks for the two days of a custom period only', async () => {
    const onchange = vi.fn();
    render(PeriodField, { id: 'review', period: 'any', from: '', to: '', onchange });
    const user = userEvent.setup();
    expect(screen.getByRole('combobox', { name: 'Period' })).toBe(byId('review-period'));
    expect(document.getElementById('review-from')).not.toBeInTheDocument();

    await user.selectOptions(byId('review-period'), 'Custom…');
    expect(onchange).toHaveBeenCalledOnce();
    await user.type(byId('review-from'), '2024-01-01');
    await user.type(byId('review-to'), '2024-03-31');
    expect(byId('review-from')).toHaveValue('2024-01-01');
    expect(byId('review-to')).toHaveValue('2024-03-31');

    await user.selectOptions(byId('review-period'), 'Last quarter');
    expect(document.getElementById('review-to')).not.toBeInTheDocument();
  });

  it('offers the periods it is given, as chips unless plain', () => {
    const bounded = PERIODS.filter((period) => period !== 'any');
    render(PeriodField, {
      id: 'review',
      periods: bounded,
      plain: true,
      period: 'custom',
      from: '',
      to: '',
    });
    const options = Array.from((byId('review-period') as HTMLSelectElement).options);
    expect(options.map((option) => option.value)).toEqual(bounded);
    expect(byId('review-period')).not.toHaveClass('inline-select');
    expect(byId('review-from').closest('label')).not.toHaveClass('chip');
  });
});
