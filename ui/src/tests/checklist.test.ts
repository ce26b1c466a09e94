import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Checklists } from '../lib/bindings';
import Checklist from '../lib/Checklist.svelte';
import { mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

const LISTS: Checklists = {
  before: [{ text: 'Read the last notes', source: '000' }],
  during: [{ text: 'Listen more than you talk', source: '001' }],
  after: [
    { text: 'Share the notes while they are fresh', source: '000' },
    { text: 'Track the action items', source: '000' },
  ],
};

describe('checklist', () => {
  it("folds away the moment's prompts until opened", async () => {
    mockBackend({ get_checklists: () => LISTS });
    render(Checklist, { props: { moment: 'after', id: 'summary-checklist' } });
    const summary = await screen.findByText('Checklist: after the 1:1');
    const details = summary.closest('details');
    expect(details).not.toHaveAttribute('open');
    await userEvent.setup().click(summary);
    expect(details).toHaveAttribute('open');
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
    expect(screen.getByText('Track the action items')).toBeVisible();
    expect(screen.queryByText('Read the last notes')).toBeNull();
  });

  it('shows nothing when the checklists cannot be read', async () => {
    mockBackend({
      get_checklists: () => {
        throw { code: 'storage', message: 'no' };
      },
    });
    const { container } = render(Checklist, { props: { moment: 'before', id: 'c' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.querySelector('details')).toBeNull();
  });
});
