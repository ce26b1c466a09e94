import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import TimeField from '../lib/TimeField.svelte';

function field(): HTMLInputElement {
  return screen.getByRole('textbox') as HTMLInputElement;
}

describe('time field', () => {
  it.each([
    ['en-US', '2:00 PM'],
    ['de-DE', '14:00'],
  ])('writes the time as %s does: %s', (locale, shown) => {
    render(TimeField, { id: 'at', value: '14:00', locale });
    expect(field()).toHaveValue(shown);
    expect(field()).not.toHaveAttribute('aria-invalid');
  });

  it('says how to write a time it cannot read, once the manager moves on', async () => {
    render(TimeField, { id: 'at', value: '14:00', locale: 'en-US' });
    const user = userEvent.setup();
    await user.clear(field());
    await user.type(field(), 'after lunch');
    expect(screen.queryByText(/Type a time/)).not.toBeInTheDocument();
    await user.tab();
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription('Type a time such as 2:30 PM.');
    // A time typed over it puts it right, and reads back as the locale writes it.
    await user.clear(field());
    await user.type(field(), '1430');
    expect(field()).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(field()).toHaveValue('2:30 PM');
    expect(screen.queryByText(/Type a time/)).not.toBeInTheDocument();
  });

  it('moves by a quarter hour with the arrow keys', async () => {
    render(TimeField, { id: 'at', value: '14:10', locale: 'en-US' });
    const user = userEvent.setup();
    await user.click(field());
    await user.keyboard('{ArrowUp}');
    expect(field()).toHaveValue('2:15 PM');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(field()).toHaveValue('1:45 PM');
  });
});
