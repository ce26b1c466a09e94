import { describe, expect, it } from 'vitest';
import {
  continueList,
  indentLines,
  mapColumn,
  parseListItem,
  toggleBulletList,
  toggleCheckbox,
  toggleChecklist,
  toggleHeading,
  toggleNumberedList,
  type TextState,
} from './markdown-editing';

// "|" marks the caret; two "|" mark a selection.
function at(marked: string): TextState {
  const first = marked.indexOf('|');
  const second = marked.indexOf('|', first + 1);
  if (first === -1) throw new Error('no caret in test text');
  if (second === -1) {
    return { value: marked.replace('|', ''), start: first, end: first };
  }
  return { value: marked.replace(/\|/g, ''), start: first, end: second - 1 };
}

function show(state: TextState | null): string | null {
  if (state === null) return null;
  const { value, start, end } = state;
  if (start === end) return `${value.slice(0, start)}|${value.slice(start)}`;
  return `${value.slice(0, start)}|${value.slice(start, end)}|${value.slice(end)}`;
}

describe('parseListItem', () => {
  it.each([
    ['- item', { indent: '', bullet: '-', number: null, checked: null, length: 2 }],
    ['* item', { bullet: '*', length: 2 }],
    ['+ item', { bullet: '+', length: 2 }],
    ['  - nested', { indent: '  ', bullet: '-', length: 4 }],
    ['12. twelve', { bullet: null, number: 12, delimiter: '.', length: 4 }],
    ['3) three', { number: 3, delimiter: ')', length: 3 }],
    ['- [ ] todo', { checked: false, length: 6 }],
    ['- [x] done', { checked: true, length: 6 }],
    ['- [X] done', { checked: true, length: 6 }],
    ['- [ ]', { checked: false, length: 5 }],
    ['1. [ ] numbered task', { number: 1, checked: false, length: 7 }],
    ['- ', { bullet: '-', length: 2 }],
  ])('reads %j', (line, expected) => {
    expect(parseListItem(line)).toMatchObject(expected);
  });

  it.each(['plain text', '-', '1.', '---', '*emphasis*', '-no space', '2024.11.28', '## Heading', ''])(
    'does not take %j for a list item',
    (line) => {
      expect(parseListItem(line)).toBeNull();
    },
  );
});

describe('mapColumn', () => {
  it('keeps a caret in the text when a prefix is added or removed', () => {
    expect(mapColumn('foo', '- foo', 3)).toBe(5);
    expect(mapColumn('- foo', 'foo', 5)).toBe(3);
  });

  it('moves a caret inside a rewritten prefix past it', () => {
    expect(mapColumn('', '## ', 0)).toBe(3);
    expect(mapColumn('foo', '- foo', 0)).toBe(2);
    expect(mapColumn('## foo', 'foo', 1)).toBe(0);
  });

  it('keeps a caret before the change where it is', () => {
    expect(mapColumn('- [ ] foo', '- [x] foo', 1)).toBe(1);
    expect(mapColumn('- [ ] foo', '- [x] foo', 9)).toBe(9);
  });
});

describe('continueList (Enter)', () => {
  it.each([
    ['- first|', '- first\n- |'],
    ['* first|', '* first\n* |'],
    ['  - nested|', '  - nested\n  - |'],
    ['- [ ] task|', '- [ ] task\n- [ ] |'],
    ['- [x] done task|', '- [x] done task\n- [ ] |'],
    ['1. one|', '1. one\n2. |'],
    ['9) nine|', '9) nine\n10) |'],
    ['- split| here', '- split\n- | here'],
    ['intro\n- a|\nafter', 'intro\n- a\n- |\nafter'],
  ])('continues %j', (before, after) => {
    expect(show(continueList(at(before)))).toBe(after);
  });

  it('replaces a selection with the new item', () => {
    expect(show(continueList(at('- keep|gone|')))).toBe('- keep\n- |');
  });

  it.each([
    ['- a\n- |', '- a\n\n|'],
    ['- a\n- [ ] |', '- a\n\n|'],
    ['1. a\n2. |\nnext', '1. a\n\n|\nnext'],
  ])('ends the list on an empty item, leaving a blank line: %j', (before, after) => {
    expect(show(continueList(at(before)))).toBe(after);
  });

  it('steps out of a nested list on an empty nested item', () => {
    expect(show(continueList(at('- a\n  - b\n  - |')))).toBe('- a\n  - b\n- |');
    expect(show(continueList(at('1. a\n  1. b\n  2. |')))).toBe('1. a\n  1. b\n2. |');
  });

  it('renumbers the items after the new one', () => {
    expect(show(continueList(at('1. a|\n2. b\n3. c\n\n1. other list')))).toBe(
      '1. a\n2. |\n3. b\n4. c\n\n1. other list',
    );
  });

  it('keeps nested items out of the outer numbering', () => {
    expect(show(continueList(at('1. a|\n   - sub\n2. b')))).toBe('1. a\n2. |\n   - sub\n3. b');
  });

  it.each(['plain text|', '|- caret before the marker', '', '## Heading|'])(
    'leaves Enter alone outside list items: %j',
    (before) => {
      const state = before === '' ? { value: '', start: 0, end: 0 } : at(before);
      expect(continueList(state)).toBeNull();
    },
  );

  it('handles a caret at the very start of text that begins with a newline', () => {
    expect(continueList({ value: '\n- a', start: 0, end: 0 })).toBeNull();
  });
});

describe('indentLines (Tab, Shift+Tab)', () => {
  it('indents and outdents a bullet, keeping the caret in the text', () => {
    expect(show(indentLines(at('- a\n- b|'), 'in'))).toBe('- a\n  - b|');
    expect(show(indentLines(at('- a\n  - b|'), 'out'))).toBe('- a\n- b|');
  });

  it('indents every list line of a selection', () => {
    expect(show(indentLines(at('|- a\n- b|'), 'in'))).toBe('|  - a\n  - b|');
  });

  it('leaves out the line a selection ends at the start of', () => {
    expect(show(indentLines(at('|- a\n|- b'), 'in'))).toBe('|  - a\n|- b');
  });

  it('restarts the numbering of an indented item and follows on after it', () => {
    expect(show(indentLines(at('1. a\n2. b|\n3. c'), 'in'))).toBe('1. a\n  1. b|\n2. c');
  });

  it('continues the outer numbering when an item is outdented', () => {
    expect(show(indentLines(at('1. a\n  1. b|\n2. c'), 'out'))).toBe('1. a\n2. b|\n3. c');
  });

  it('outdents a tab-indented item', () => {
    expect(show(indentLines(at('\t- a|'), 'out'))).toBe('- a|');
  });

  it('lets Shift+Tab move the focus from an item already at the margin', () => {
    expect(indentLines(at('- a|'), 'out')).toBeNull();
  });

  it('returns null when no touched line is a list item, so Tab moves the focus', () => {
    expect(indentLines(at('just text|'), 'in')).toBeNull();
    expect(indentLines(at('just text|'), 'out')).toBeNull();
  });
});

describe('toolbar transforms', () => {
  it('toggles a heading on the current line', () => {
    expect(show(toggleHeading(at('Wins|')))).toBe('## Wins|');
    expect(show(toggleHeading(at('## Wins|')))).toBe('Wins|');
    expect(show(toggleHeading(at('- Wins|')))).toBe('## Wins|');
  });

  it('starts a heading on an empty line with the caret after the marker', () => {
    expect(show(toggleHeading(at('a\n|')))).toBe('a\n## |');
  });

  it('bullets the selected lines, skipping blank ones, and removes them again', () => {
    const on = toggleBulletList(at('|one\n\ntwo|'));
    expect(show(on)).toBe('|- one\n\n- two|');
    expect(show(toggleBulletList(on))).toBe('|one\n\ntwo|');
  });

  it('turns numbered items and tasks into bullets', () => {
    expect(show(toggleBulletList(at('|1. one\n- [x] two|')))).toBe('|- one\n- two|');
  });

  it('numbers the selected lines in order and removes the numbers again', () => {
    const on = toggleNumberedList(at('|a\nb\nc|'));
    expect(show(on)).toBe('|1. a\n2. b\n3. c|');
    expect(show(toggleNumberedList(on))).toBe('|a\nb\nc|');
  });

  it('makes a checklist, keeping ticks, and removes it again', () => {
    const on = toggleChecklist(at('|- [x] done\nopen|'));
    expect(show(on)).toBe('|- [x] done\n- [ ] open|');
    expect(show(toggleChecklist(on))).toBe('|done\nopen|');
  });

  it('keeps the indent of nested lines', () => {
    expect(show(toggleChecklist(at('  - nested|')))).toBe('  - [ ] nested|');
  });
});

describe('toggleCheckbox (Ctrl/Cmd+Enter)', () => {
  it('ticks and unticks the task on the line', () => {
    expect(show(toggleCheckbox(at('- [ ] call Jane|')))).toBe('- [x] call Jane|');
    expect(show(toggleCheckbox(at('- [x] call| Jane')))).toBe('- [ ] call| Jane');
  });

  it('keeps a numbered task numbered', () => {
    expect(show(toggleCheckbox(at('2. [ ] b|')))).toBe('2. [x] b|');
  });

  it('adds an open box to a plain line or a bullet', () => {
    expect(show(toggleCheckbox(at('call Jane|')))).toBe('- [ ] call Jane|');
    expect(show(toggleCheckbox(at('- call Jane|')))).toBe('- [ ] call Jane|');
  });

  it('ticks every task of a mixed selection, then unticks them all', () => {
    const ticked = toggleCheckbox(at('|- [x] a\n- [ ] b\nnote|'));
    expect(show(ticked)).toBe('|- [x] a\n- [x] b\nnote|');
    expect(show(toggleCheckbox(ticked))).toBe('|- [ ] a\n- [ ] b\nnote|');
  });
});
