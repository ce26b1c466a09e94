import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import NotesEditor from '../lib/NotesEditor.svelte';
import { iconsIn } from './icons';

function renderEditor(value = '') {
  const onchange = vi.fn();
  render(NotesEditor, { id: 'live-notes', label: 'Live notes', value, onchange });
  const textarea = screen.getByLabelText('Live notes') as HTMLTextAreaElement;
  return { textarea, onchange, user: userEvent.setup() };
}

describe('notes editor', () => {
  it('is a labelled textarea with the given id and reports every change', async () => {
    const { textarea, onchange, user } = renderEditor();
    expect(textarea.tagName).toBe('TEXTAREA');
    expect(textarea.id).toBe('live-notes');
    await user.type(textarea, 'Hi');
    expect(onchange).toHaveBeenLastCalledWith('Hi');
  });

  it('continues lists on Enter and ends them on an empty item', async () => {
    const { textarea, onchange, user } = renderEditor();
    await user.type(textarea, '- one{Enter}two{Enter}{Enter}after');
    expect(textarea).toHaveValue('- one\n- two\n\nafter');
    expect(onchange).toHaveBeenLastCalledWith('- one\n- two\n\nafter');
  });

  it('numbers the next item and continues checklists unticked', async () => {
    const { textarea, user } = renderEditor();
    // "[[" types a literal "[".
    await user.type(textarea, '1. a{Enter}b{Enter}{Enter}- [[x] c{Enter}d');
    expect(textarea).toHaveValue('1. a\n2. b\n\n- [x] c\n- [ ] d');
  });

  it('indents and outdents list items with Tab and Shift+Tab', async () => {
    const { textarea, user } = renderEditor();
    await user.type(textarea, '- a{Enter}b');
    await user.keyboard('{Tab}');
    expect(textarea).toHaveValue('- a\n  - b');
    expect(textarea).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(textarea).toHaveValue('- a\n- b');
  });

  it('lets Tab leave the editor outside lists, and after Escape', async () => {
    const { textarea, user } = renderEditor();
    await user.type(textarea, 'plain');
    await user.keyboard('{Tab}');
    expect(textarea).not.toHaveFocus();
    expect(textarea).toHaveValue('plain');

    await user.click(textarea);
    await user.keyboard('{Enter}- item{Escape}{Tab}');
    expect(textarea).not.toHaveFocus();
    expect(textarea).toHaveValue('plain\n- item');
  });

  it('toggles a checkbox with Ctrl+Enter', async () => {
    const { textarea, onchange, user } = renderEditor('- [ ] call Jane');
    await user.click(textarea);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(textarea).toHaveValue('- [x] call Jane');
    expect(onchange).toHaveBeenLastCalledWith('- [x] call Jane');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    expect(textarea).toHaveValue('- [ ] call Jane');
  });

  it('formats the current line from the toolbar', async () => {
    const { textarea, onchange, user } = renderEditor('Wins');
    const toolbar = screen.getByRole('group', { name: 'Formatting: Live notes' });
    // Icons, each button named in words.
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((button) => [button.getAttribute('aria-label'), ...iconsIn(button)]),
    ).toEqual([
      ['Heading', 'heading'],
      ['Bulleted list', 'list'],
      ['Numbered list', 'list-ordered'],
      ['Checklist', 'list-checks'],
      ['Toggle checkbox', 'square-check'],
    ]);
    await user.click(textarea);
    await user.click(within(toolbar).getByRole('button', { name: 'Heading' }));
    expect(textarea).toHaveValue('## Wins');
    expect(onchange).toHaveBeenLastCalledWith('## Wins');
    await user.click(within(toolbar).getByRole('button', { name: 'Bulleted list' }));
    expect(textarea).toHaveValue('- Wins');
    await user.click(within(toolbar).getByRole('button', { name: 'Checklist' }));
    expect(textarea).toHaveValue('- [ ] Wins');
    await user.click(within(toolbar).getByRole('button', { name: 'Toggle checkbox' }));
    expect(textarea).toHaveValue('- [x] Wins');
    expect(textarea).toHaveFocus();
    // Typing goes on where the caret was: at the end of the line.
    await user.keyboard('!');
    expect(textarea).toHaveValue('- [x] Wins!');
  });

  it('disables the textarea and the toolbar together', () => {
    render(NotesEditor, { id: 'prep-notes', label: 'Prep', value: '', disabled: true });
    expect(screen.getByLabelText('Prep')).toBeDisabled();
    for (const button of within(screen.getByRole('group')).getAllByRole('button')) {
      expect(button).toBeDisabled();
    }
  });
});
