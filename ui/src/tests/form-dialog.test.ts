import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import FormDialog from '../lib/FormDialog.svelte';

const fields = createRawSnippet(() => ({
  render: () => '<label>Name <input id="name" /></label>',
}));

function open(onsubmit: () => Promise<string | void>, error: string | null = null) {
  const onclose = vi.fn();
  render(FormDialog, {
    title: 'New thing',
    onclose,
    onsubmit,
    error,
    submitId: 'thing-save',
    submitLabel: 'Save thing',
    children: fields,
  });
  return { onclose, user: userEvent.setup() };
}

/** A submit that waits until the test lets it finish. */
function held(): { onsubmit: () => Promise<void>; finish: () => void; fail: (error: unknown) => void } {
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const onsubmit = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return { onsubmit, finish: () => finish(), fail: (error) => fail(error) };
}

describe('form dialog', () => {
  it('submits once at a time, the button disabled until the call ends', async () => {
    const call = held();
    const { user } = open(call.onsubmit);
    const save = screen.getByRole('button', { name: 'Save thing' });
    await user.click(save);
    expect(save).toBeDisabled();
    // A second submit (Enter in a field, say) while the first is running.
    await fireEvent.submit(save.closest('form') as HTMLFormElement);
    expect(call.onsubmit).toHaveBeenCalledTimes(1);
    call.finish();
    await vi.waitFor(() => expect(save).toBeEnabled());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the message of a rejected call and lets the form try again', async () => {
    const call = held();
    const { user } = open(call.onsubmit);
    await user.click(screen.getByRole('button', { name: 'Save thing' }));
    call.fail({ code: 'conflict', message: 'That name is taken.' });
    expect(await screen.findByRole('alert')).toHaveTextContent('That name is taken.');
    expect(screen.getByRole('button', { name: 'Save thing' })).toBeEnabled();
  });

  it('shows what the form refuses, and clears it on the next submit', async () => {
    const onsubmit = vi.fn<() => Promise<string | void>>().mockResolvedValueOnce('Give it a name.');
    const { user } = open(onsubmit);
    await user.click(screen.getByRole('button', { name: 'Save thing' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Give it a name.');
    await user.click(screen.getByRole('button', { name: 'Save thing' }));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(onsubmit).toHaveBeenCalledTimes(2);
  });

  it('shows a problem from outside until the form is submitted', async () => {
    const { user } = open(async () => undefined, 'Templates could not be loaded: disk full');
    expect(screen.getByRole('alert')).toHaveTextContent('Templates could not be loaded');
    await user.click(screen.getByRole('button', { name: 'Save thing' }));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('closes from its cancel button without submitting', async () => {
    const onsubmit = vi.fn(async () => undefined);
    const { onclose, user } = open(onsubmit);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalled();
    expect(onsubmit).not.toHaveBeenCalled();
  });
});
