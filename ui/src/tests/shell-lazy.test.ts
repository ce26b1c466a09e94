import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { today, TEMPLATES } from './builders';
import { PEOPLE, mockBackend, status } from './fixtures';

// The Templates screen's code cannot be loaded, as with a damaged install.
vi.mock('../lib/Templates.svelte', () => {
  throw new Error('failed to fetch the screen');
});

afterEach(() => {
  clearMocks();
});

describe('a screen whose code does not load', () => {
  it('says so in its place, and the other screens still open', async () => {
    mockBackend({
      app_status: () => status({ state: 'unlocked', key_backend: 'keyring' }),
      list_people: () => PEOPLE,
      get_today: () => today({ people_count: PEOPLE.length }),
      list_templates: () => TEMPLATES,
    });
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Templates' }));
    const main = screen.getByRole('main');
    const alert = await within(main).findByRole('alert');
    expect(alert).toHaveTextContent("Rapport could not load this screen's code");
    expect(alert).toHaveTextContent('Your notes are safe');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent(
      'This screen did not open',
    );
    expect(within(main).getByRole('button', { name: 'Reload the window' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() =>
      expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent('Today'),
    );
    expect(within(main).queryByRole('alert')).not.toBeInTheDocument();
  });
});
