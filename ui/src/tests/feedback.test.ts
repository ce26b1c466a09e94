import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Feedback, FeedbackInput } from '../lib/bindings';
import FeedbackForm from '../lib/FeedbackForm.svelte';
import FeedbackList from '../lib/FeedbackList.svelte';
import { feedback } from './coaching-builders';
import { mockBackend, type Call } from './fixtures';

afterEach(() => {
  clearMocks();
});

type Handlers = Record<string, (args: unknown) => unknown>;

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element;
}

function argsOf(calls: Call[], cmd: string): unknown[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

function renderForm(props: { feedback?: Feedback; meetingId?: string } = {}, handlers: Handlers = {}) {
  const calls = mockBackend({
    add_feedback: () => feedback(),
    edit_feedback: () => feedback(),
    ...handlers,
  });
  const onsaved = vi.fn();
  const onclose = vi.fn();
  render(FeedbackForm, {
    props: { idPrefix: 'person', personId: 'p-ada', personName: 'Ada', onsaved, onclose, ...props },
  });
  return { calls, onsaved, onclose, user: userEvent.setup(), dialog: screen.getByRole('dialog') };
}

describe('feedback form', () => {
  it('sends the SBI parts, the tone and the privacy', async () => {
    const { calls, onsaved, user } = renderForm();
    await user.selectOptions(byId('person-feedback-tone'), 'constructive');
    await user.type(byId('person-feedback-situation'), '  In the incident review ');
    await user.type(byId('person-feedback-behaviour'), 'You interrupted Ben twice');
    await user.type(byId('person-feedback-impact'), 'He stopped sharing what he knew');
    await user.click(byId('person-feedback-private'));
    await user.click(byId('person-feedback-save'));

    const expected: FeedbackInput = {
      tone: 'constructive',
      status: 'planned',
      situation: 'In the incident review',
      behaviour: 'You interrupted Ben twice',
      impact: 'He stopped sharing what he knew',
      request: null,
      private: true,
      meeting_id: null,
      given_on: null,
    };
    expect(argsOf(calls, 'add_feedback')).toEqual([{ personId: 'p-ada', input: expected }]);
    expect(onsaved).toHaveBeenCalledOnce();
  });

  it('logs feedback given on a day, with its request, in the 1:1 it belongs to', async () => {
    const { calls, user } = renderForm({ meetingId: 'm-now' });
    expect(byId('person-feedback-tone')).toHaveValue('positive');
    expect(byId('person-feedback-private')).not.toBeChecked();
    await user.click(byId('person-feedback-given'));
    const day = byId('person-feedback-given-on');
    await user.clear(day);
    await user.type(day, '2024-11-20');
    await user.type(byId('person-feedback-situation'), 'At the demo');
    await user.type(byId('person-feedback-behaviour'), 'You answered every question');
    await user.type(byId('person-feedback-impact'), 'The client signed');
    await user.type(byId('person-feedback-request'), 'Lead the next one');
    await user.click(byId('person-feedback-save'));

    expect(argsOf(calls, 'add_feedback')).toEqual([
      {
        personId: 'p-ada',
        input: {
          tone: 'positive',
          status: 'given',
          situation: 'At the demo',
          behaviour: 'You answered every question',
          impact: 'The client signed',
          request: 'Lead the next one',
          private: false,
          meeting_id: 'm-now',
          given_on: '2024-11-20',
        },
      },
    ]);
  });

  it("shows the backend's message for an empty situation and stays open", async () => {
    const { calls, dialog, onsaved, user } = renderForm(
      {},
      {
        add_feedback: () => {
          throw { code: 'invalid_input', message: 'Write the situation.' };
        },
      },
    );
    await user.type(byId('person-feedback-behaviour'), 'You shipped early');
    await user.type(byId('person-feedback-impact'), 'We demoed on time');
    await user.click(byId('person-feedback-save'));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Write the situation.');
    expect(argsOf(calls, 'add_feedback')).toHaveLength(1);
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('edits an entry starting from its words and privacy', async () => {
    const entry = feedback({
      id: 'f-private',
      tone: 'constructive',
      sbi: undefined,
      private_sbi: { situation: 'At stand-up', behaviour: 'Late again', impact: 'Blocked QA', request: null },
    });
    const { calls, user } = renderForm({ feedback: entry });
    expect(byId('person-feedback-situation')).toHaveValue('At stand-up');
    expect(byId('person-feedback-tone')).toHaveValue('constructive');
    expect(byId('person-feedback-private')).toBeChecked();
    expect(byId('person-feedback-planned')).toBeChecked();
    await user.clear(byId('person-feedback-impact'));
    await user.type(byId('person-feedback-impact'), 'QA waited a day');
    await user.click(byId('person-feedback-save'));

    expect(argsOf(calls, 'edit_feedback')).toEqual([
      {
        feedbackId: 'f-private',
        input: expect.objectContaining({
          situation: 'At stand-up',
          impact: 'QA waited a day',
          private: true,
          tone: 'constructive',
        }),
      },
    ]);
    expect(argsOf(calls, 'add_feedback')).toEqual([]);
  });
});

describe('feedback list', () => {
  function renderList(items: Feedback[], props: { meetingId?: string } = {}, handlers: Handlers = {}) {
    const calls = mockBackend(handlers);
    render(FeedbackList, {
      props: { items, idPrefix: 'session', personId: 'p-ada', personName: 'Ada', ...props },
    });
    return { calls, user: userEvent.setup() };
  }

  it('shows each entry with its tone, privacy, when, and the four parts', () => {
    renderList([
      feedback(),
      feedback({
        id: 'f-given',
        tone: 'constructive',
        status: 'given',
        given_on: '2024-11-21',
        sbi: undefined,
        private_sbi: { situation: 'S2', behaviour: 'B2', impact: 'I2', request: null },
      }),
    ]);
    const rows = within(byId('session-feedback-list')).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const [planned, given] = rows as [HTMLElement, HTMLElement];
    expect(planned).toHaveTextContent('Positive');
    expect(planned).toHaveTextContent('Planned');
    expect(planned).not.toHaveTextContent('Private');
    const parts = Array.from(planned.querySelectorAll('dt [aria-hidden]')).map((dt) => dt.textContent);
    expect(parts).toEqual(['S', 'B', 'I', 'R']);
    expect(planned).toHaveTextContent('You walked the team through the trade-offs');
    expect(within(planned).getByRole('button', { name: 'Mark given' })).toBeInTheDocument();

    expect(given).toHaveTextContent('Constructive');
    expect(given).toHaveTextContent('Private');
    expect(given).toHaveTextContent(/Given Thu 21 Nov/);
    // No request: no R line, and nothing to mark.
    expect(Array.from(given.querySelectorAll('dt [aria-hidden]')).map((dt) => dt.textContent)).toEqual([
      'S',
      'B',
      'I',
    ]);
    expect(within(given).queryByRole('button', { name: 'Mark given' })).toBeNull();
  });

  it('marks planned feedback given in the running 1:1', async () => {
    const entry = feedback();
    const { calls, user } = renderList([entry], { meetingId: 'm-now' }, {
      edit_feedback: () =>
        feedback({ status: 'given', given_on: '2024-11-28', meeting_id: 'm-now' }),
    });
    await user.click(screen.getByRole('button', { name: 'Mark given' }));

    expect(argsOf(calls, 'edit_feedback')).toEqual([
      {
        feedbackId: 'f-1',
        input: {
          tone: 'positive',
          status: 'given',
          situation: 'In Tuesday’s design review',
          behaviour: 'You walked the team through the trade-offs',
          impact: 'We chose in ten minutes instead of an hour',
          request: 'Do it again for the roadmap review',
          private: false,
          meeting_id: 'm-now',
          given_on: null,
        },
      },
    ]);
    const row = within(byId('session-feedback-list')).getByRole('listitem');
    expect(await within(row).findByText(/Given Thu 28 Nov/)).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Mark given' })).toBeNull();
  });

  it('deletes an entry after asking', async () => {
    const { calls, user } = renderList([feedback()], {}, { delete_feedback: () => null });
    await user.click(screen.getByRole('button', { name: /^Delete feedback/ }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(argsOf(calls, 'delete_feedback')).toEqual([{ feedbackId: 'f-1' }]);
    expect(await screen.findByText('No feedback yet.')).toBeInTheDocument();
  });
});
