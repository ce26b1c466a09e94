import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings as SettingsData } from '../lib/bindings';
import Settings from '../lib/Settings.svelte';
import { mockBackend } from './fixtures';

afterEach(() => {
  clearMocks();
});

async function renderSettings(handlers: Record<string, (args: unknown) => unknown> = {}) {
  const calls = mockBackend({
    get_settings: () => ({ manager_name: 'Sam Rivera', manager_email: 'sam@example.com' }),
    save_settings: (args) => (args as { settings: SettingsData }).settings,
    ...handlers,
  });
  render(Settings);
  await screen.findByLabelText('Your name');
  return { calls, user: userEvent.setup() };
}

describe('settings', () => {
  it('shows the stored name and e-mail', async () => {
    await renderSettings();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByLabelText('Your name')).toHaveValue('Sam Rivera');
    expect(screen.getByLabelText('Your e-mail')).toHaveValue('sam@example.com');
  });

  it('saves them, a blank e-mail as none', async () => {
    const { calls, user } = await renderSettings();
    await user.clear(screen.getByLabelText('Your name'));
    await user.type(screen.getByLabelText('Your name'), 'Sam R.');
    await user.clear(screen.getByLabelText('Your e-mail'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(calls.find((call) => call.cmd === 'save_settings')?.args).toEqual({
      settings: { manager_name: 'Sam R.', manager_email: null },
    });
  });

  it('shows a refusal and keeps what was typed', async () => {
    const { user } = await renderSettings({
      save_settings: () => {
        throw { code: 'invalid_input', message: '"sam@" is not an e-mail address.' };
      },
    });
    await user.clear(screen.getByLabelText('Your e-mail'));
    await user.type(screen.getByLabelText('Your e-mail'), 'sam@');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('"sam@" is not an e-mail address.');
    expect(screen.getByLabelText('Your e-mail')).toHaveValue('sam@');
    expect(screen.queryByText('Settings saved.')).not.toBeInTheDocument();
  });

  it('shows a load failure', async () => {
    mockBackend({
      get_settings: () => {
        throw { code: 'storage', message: 'The notebook could not be read.' };
      },
    });
    render(Settings);
    expect(await screen.findByRole('alert')).toHaveTextContent('The notebook could not be read.');
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
  });
});
