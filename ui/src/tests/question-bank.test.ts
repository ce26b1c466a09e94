import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../lib/bindings';
import { appendLine, fold, splitHint } from '../lib/coaching';
import QuestionBank from '../lib/QuestionBank.svelte';
import { QUESTIONS, question } from './coaching-builders';
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

async function renderBank(list: Question[] = QUESTIONS, handlers: Handlers = {}) {
  const calls = mockBackend({ list_questions: () => list, ...handlers });
  const oninsert = vi.fn();
  render(QuestionBank, { props: { oninsert } });
  await screen.findByText("What's been going well recently?");
  return { calls, oninsert, user: userEvent.setup() };
}

function shownTexts(): string[] {
  return Array.from(document.querySelectorAll('#question-bank .groups li.question .text')).map(
    (text) => text.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest('li');
  if (!row) throw new Error(`no row for ${text}`);
  return row;
}

describe('question bank', () => {
  it('lists the questions by category, crediting each built-in to its seed', async () => {
    await renderBank();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Current state',
      'Career aspirations',
      'Questions that work',
      'Questions to avoid',
    ]);
    expect(within(rowOf("What's been challenging?")).getByText('001')).toBeInTheDocument();
    expect(within(rowOf('What is the hardest part of your job right now?')).getByText('004')).toBeInTheDocument();
    expect(within(rowOf('What did you learn this week?')).queryByText(/^00/)).toBeNull();
    expect(
      screen.getByText("Questions from Rapport's use cases (seeds 000, 001, 003, 004)"),
    ).toBeInTheDocument();
  });

  it('filters as you type, ignoring case and accents', async () => {
    const { user } = await renderBank();
    await user.type(byId('question-search'), 'RESUME');
    expect(shownTexts()).toEqual(['What would you like your résumé to say next year?']);
    await user.clear(byId('question-search'));
    await user.type(byId('question-search'), 'current');
    // A category's name finds its questions too.
    expect(shownTexts()).toHaveLength(3);
    await user.type(byId('question-search'), 'zzz');
    expect(shownTexts()).toEqual([]);
    expect(screen.getByText('No question matches “currentzzz”.')).toBeInTheDocument();
  });

  it('inserts a question through the oninsert callback', async () => {
    const { oninsert, user } = await renderBank();
    const row = rowOf("What's been challenging?");
    await user.click(within(row).getByRole('button', { name: 'Insert' }));
    expect(oninsert).toHaveBeenCalledWith("What's been challenging?");
    expect(row.querySelector('.question-insert')).not.toBeNull();
  });

  it('offers Add to agenda only when the screen has an agenda to add to', async () => {
    const { user } = await renderBank();
    expect(document.querySelector('.question-agenda')).toBeNull();
    cleanup();
    clearMocks();
    mockBackend({ list_questions: () => QUESTIONS });
    const onagenda = vi.fn();
    render(QuestionBank, { props: { oninsert: vi.fn(), onagenda } });
    const row = (await screen.findByText("What's been challenging?")).closest('li') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Add to agenda' }));
    expect(onagenda).toHaveBeenCalledWith("What's been challenging?");
  });

  it('shows questions to avoid muted, with their hint and no Insert', async () => {
    await renderBank();
    const row = rowOf('"Everything going okay?"');
    expect(row).toHaveClass('avoid');
    expect(within(row).getByText('invites a yes; ask what is hardest instead')).toHaveClass('hint');
    expect(row.querySelector('.question-insert')).toBeNull();
    expect(document.querySelectorAll('.question-insert')).toHaveLength(QUESTIONS.length - 1);
  });

  it('hides a question in edit mode, and shows it again from Hidden', async () => {
    let hidden = false;
    const { calls, user } = await renderBank(QUESTIONS, {
      set_question_hidden: (args) => {
        hidden = (args as { hidden: boolean }).hidden;
        return question({ id: 'cur-challenging', text: "What's been challenging?", hidden });
      },
    });
    await user.click(byId('question-edit-bank'));
    await user.click(within(rowOf("What's been challenging?")).getByRole('button', { name: /^Hide/ }));

    expect(argsOf(calls, 'set_question_hidden')).toEqual([
      { questionId: 'cur-challenging', hidden: true },
    ]);
    expect(shownTexts()).not.toContain("What's been challenging?");
    const hiddenList = byId('question-hidden');
    expect(within(hiddenList).getByRole('heading')).toHaveTextContent('Hidden (1)');
    await user.click(within(hiddenList).getByRole('button', { name: /^Show/ }));
    expect(argsOf(calls, 'set_question_hidden')).toEqual([
      { questionId: 'cur-challenging', hidden: true },
      { questionId: 'cur-challenging', hidden: false },
    ]);
    expect(shownTexts()).toContain("What's been challenging?");
  });

  it('edits the words of a question and resets an edited built-in', async () => {
    let edited = false;
    const { calls, user } = await renderBank(QUESTIONS, {
      edit_question: () => {
        edited = true;
        return question({ text: 'What went well this week?', edited: true });
      },
      reset_question: () => {
        edited = false;
        return null;
      },
    });
    await user.click(byId('question-edit-bank'));
    await user.click(within(rowOf("What's been going well recently?")).getByRole('button', { name: /^Edit:/ }));
    const field = byId('question-edit-text');
    await user.clear(field);
    await user.type(field, 'What went well this week?{Enter}');
    expect(argsOf(calls, 'edit_question')).toEqual([
      {
        questionId: 'cur-going-well',
        input: { category: 'Current state', text: 'What went well this week?' },
      },
    ]);
    expect(edited).toBe(true);

    const row = rowOf('What went well this week?');
    expect(within(row).getByText('edited')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: /^Reset/ }));
    expect(argsOf(calls, 'reset_question')).toEqual([{ questionId: 'cur-going-well' }]);
    // The shipped words come back from a fresh list.
    expect(await screen.findByText("What's been going well recently?")).toBeInTheDocument();
  });

  it('adds a question to a category', async () => {
    const added = question({
      id: 'q-new',
      category: 'Current state',
      text: 'What surprised you?',
      source: null,
      builtin: false,
    });
    const { calls, user } = await renderBank(QUESTIONS, { add_question: () => added });
    await user.click(byId('question-edit-bank'));
    await user.type(byId('question-new-category'), 'Current state');
    await user.type(byId('question-new-text'), 'What surprised you?');
    await user.click(byId('question-add'));
    expect(argsOf(calls, 'add_question')).toEqual([
      { input: { category: 'Current state', text: 'What surprised you?' } },
    ]);
    expect(shownTexts().slice(0, 4)).toEqual([
      "What's been going well recently?",
      "What's been challenging?",
      'What did you learn this week?',
      'What surprised you?',
    ]);
  });
});

describe('question rules', () => {
  it('folds case and accents, appends a line, splits a hint off', () => {
    expect(fold('Résumé ÉTÉ')).toBe('resume ete');
    expect(appendLine('', '- Q')).toBe('- Q');
    expect(appendLine('Notes', '- Q')).toBe('Notes\n- Q');
    expect(appendLine('Notes\n', '- Q')).toBe('Notes\n- Q');
    expect(splitHint('"Okay?" (invites a yes)')).toEqual({ words: '"Okay?"', hint: 'invites a yes' });
    expect(splitHint('What drains you?')).toEqual({ words: 'What drains you?', hint: null });
  });
});
