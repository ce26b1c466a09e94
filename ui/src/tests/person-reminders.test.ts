import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersonPage as PageData, ReminderOffsets } from '../lib/bindings';
import PersonPage from '../lib/PersonPage.svelte';
import { TEMPLATES, person, personPage } from './builders';
import { mockBackend, type Call } from './fixtures';

afterEach(() => {
  clearMocks();
});

type Handlers = Record<string, (args: unknown) => unknown>;

/** A backend whose default is `everyone` and whose Ada has `theirs` (null: the default). */
function offsets(everyone: number[], theirs: number[] | null) {
  return (args: unknown): ReminderOffsets | null => {
    const { personId } = args as { personId: string | null };
    if (personId === null) return { minutes: everyone };
    return theirs === null ? null : { minutes: theirs };
  };
}

async function renderPage(handlers: Handlers = {}, page: PageData = personPage()) {
  const calls = mockBackend({
    get_person_page: () => page,
    list_templates: () => TEMPLATES,
    get_reminder_offsets: offsets([15], null),
    set_reminder_offsets: () => null,
    ...handlers,
  });
  render(PersonPage, { props: { personId: 'p-ada', navigate: vi.fn(), onpeoplechanged: vi.fn() } });
  await screen.findByRole('heading', { level: 1, name: /Ada Okafor/ });
  return { calls, user: userEvent.setup() };
}

async function select(): Promise<HTMLSelectElement> {
  return (await screen.findByLabelText('Reminders:')) as HTMLSelectElement;
}

function selectedLabel(element: HTMLSelectElement): string {
  return element.selectedOptions[0]?.textContent?.trim() ?? '';
}

function sets(calls: Call[]): unknown[] {
  return calls.filter((call) => call.cmd === 'set_reminder_offsets').map((call) => call.args);
}

describe("person page: the person's reminders", () => {
  it('shows the default by name when the person follows it', async () => {
    const { calls } = await renderPage();
    const element = await select();
    expect(element).toHaveAttribute('id', 'person-reminders');
    await waitFor(() => expect(selectedLabel(element)).toBe('Default (15 minutes before)'));
    expect([...element.options].map((option) => option.textContent?.trim())).toEqual([
      'Default (15 minutes before)',
      '15 minutes before',
      '1 hour and 15 minutes before',
      '1 day and 15 minutes before',
      'None',
    ]);
    const reads = calls.filter((call) => call.cmd === 'get_reminder_offsets');
    expect(reads.map((call) => call.args)).toEqual(
      expect.arrayContaining([{ personId: null }, { personId: 'p-ada' }]),
    );
  });

  it("shows the person's own times", async () => {
    await renderPage({ get_reminder_offsets: offsets([15], [60, 15]) });
    const element = await select();
    await waitFor(() => expect(selectedLabel(element)).toBe('1 hour and 15 minutes before'));
  });

  it('keeps times set elsewhere visible and selected', async () => {
    await renderPage({ get_reminder_offsets: offsets([1440], [30]) });
    const element = await select();
    await waitFor(() => expect(selectedLabel(element)).toBe('30 minutes before'));
    expect(element.options[0]).toHaveTextContent('Default (1 day before)');
  });

  it('says when the default is no reminders at all', async () => {
    await renderPage({ get_reminder_offsets: offsets([], null) });
    const element = await select();
    await waitFor(() => expect(selectedLabel(element)).toBe('Default (no reminders)'));
  });

  it('saves each choice for this person; the default clears their own', async () => {
    const { calls, user } = await renderPage();
    const element = await select();
    await waitFor(() => expect(selectedLabel(element)).toMatch(/^Default/));

    await user.selectOptions(element, '1 hour and 15 minutes before');
    await waitFor(() => expect(sets(calls)).toHaveLength(1));
    await user.selectOptions(element, '1 day and 15 minutes before');
    await waitFor(() => expect(sets(calls)).toHaveLength(2));
    await user.selectOptions(element, 'None');
    await waitFor(() => expect(sets(calls)).toHaveLength(3));
    await user.selectOptions(element, '15 minutes before');
    await waitFor(() => expect(sets(calls)).toHaveLength(4));
    await user.selectOptions(element, 'Default (15 minutes before)');
    await waitFor(() => expect(sets(calls)).toHaveLength(5));

    expect(sets(calls)).toEqual([
      { personId: 'p-ada', offsets: { minutes: [60, 15] } },
      { personId: 'p-ada', offsets: { minutes: [1440, 15] } },
      { personId: 'p-ada', offsets: { minutes: [] } },
      { personId: 'p-ada', offsets: { minutes: [15] } },
      { personId: 'p-ada', offsets: null },
    ]);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts the previous choice back and says why when saving fails', async () => {
    const { calls, user } = await renderPage({
      get_reminder_offsets: offsets([15], [60, 15]),
      set_reminder_offsets: () => {
        throw { code: 'storage', message: 'The notebook could not be written.' };
      },
    });
    const element = await select();
    await waitFor(() => expect(selectedLabel(element)).toBe('1 hour and 15 minutes before'));
    await user.selectOptions(element, 'None');
    expect(await screen.findByRole('alert')).toHaveTextContent('The notebook could not be written.');
    expect(selectedLabel(element)).toBe('1 hour and 15 minutes before');
    expect(sets(calls)).toEqual([{ personId: 'p-ada', offsets: { minutes: [] } }]);
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument();
  });

  it('stays out of the way when the times cannot be read', async () => {
    const { calls } = await renderPage({
      get_reminder_offsets: () => {
        throw { code: 'storage', message: 'The notebook could not be read.' };
      },
    });
    await waitFor(() => expect(calls.map((call) => call.cmd)).toContain('get_reminder_offsets'));
    // Let the failed reads come back before looking.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.getElementById('person-reminders')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is not offered for an archived person, who gets no reminders', async () => {
    const { calls } = await renderPage({}, personPage({ person: person({ archived: true }) }));
    expect(screen.getByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(document.getElementById('person-reminders')).not.toBeInTheDocument();
    expect(calls.map((call) => call.cmd)).not.toContain('get_reminder_offsets');
  });
});
