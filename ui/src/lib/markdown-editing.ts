// Pure text transforms behind the notes editor. Notes are stored as Markdown, so
// the editor only ever rewrites plain text: each function takes the textarea's
// value and selection and returns the new value and selection (or null when the
// key should keep its default behaviour).

export interface TextState {
  value: string;
  /** Selection start, as a UTF-16 offset into `value`. */
  start: number;
  /** Selection end; equal to `start` for a caret. */
  end: number;
}

export interface ListItem {
  indent: string;
  /** "-", "*" or "+" for a bullet; null for a numbered item. */
  bullet: string | null;
  /** The number of a numbered item; null for a bullet. */
  number: number | null;
  /** "." or ")" after the number; empty for a bullet. */
  delimiter: string;
  /** The whitespace between the marker and the text (or the checkbox). */
  spacing: string;
  /** The checkbox state, when the item is a task. */
  checked: boolean | null;
  /** Length of the whole prefix (indent, marker, spacing, checkbox). */
  length: number;
}

const INDENT = '  ';
const LIST_ITEM = /^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[([ xX])\](?:[ \t]+|$))?/;
const HEADING = /^(#{1,6})[ \t]+/;

/** Reads the list marker at the start of a line, if there is one. */
export function parseListItem(line: string): ListItem | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const [whole, indent = '', bullet, digits, delimiter = '', spacing = ' ', box, mark] = match;
  return {
    indent,
    bullet: bullet ?? null,
    number: digits === undefined ? null : Number(digits),
    delimiter,
    spacing,
    checked: box === undefined ? null : mark !== ' ',
    length: whole.length,
  };
}

function marker(item: ListItem): string {
  const head = item.bullet ?? `${item.number ?? 1}${item.delimiter || '.'}`;
  const box = item.checked === null ? '' : item.checked ? '[x] ' : '[ ] ';
  return `${item.indent}${head}${item.spacing}${box}`;
}

// --- Lines and positions --------------------------------------------------------

interface Pos {
  line: number;
  col: number;
}

function toPos(value: string, offset: number): Pos {
  const before = value.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, col: offset - (before.lastIndexOf('\n') + 1) };
}

function toOffset(lines: readonly string[], pos: Pos): number {
  let offset = 0;
  for (let i = 0; i < pos.line; i += 1) offset += (lines[i] ?? '').length + 1;
  return offset + Math.min(pos.col, (lines[pos.line] ?? '').length);
}

/**
 * Where a column of a rewritten line lands. The edits here change a line's prefix
 * (marker, indent, checkbox), so a caret in the untouched tail keeps its place
 * relative to the end, and a caret inside the rewritten part moves past it.
 */
export function mapColumn(oldLine: string, newLine: string, col: number): number {
  const limit = Math.min(oldLine.length, newLine.length);
  let prefix = 0;
  while (prefix < limit && oldLine[prefix] === newLine[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    oldLine[oldLine.length - 1 - suffix] === newLine[newLine.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  if (col < prefix) return col;
  if (col >= oldLine.length - suffix) return col + newLine.length - oldLine.length;
  return newLine.length - suffix;
}

/** The lines a selection touches; a selection ending at a line start leaves that line out. */
function touchedLines(state: TextState): { first: number; last: number } {
  const from = toPos(state.value, state.start);
  const to = toPos(state.value, state.end);
  const last = to.line > from.line && to.col === 0 ? to.line - 1 : to.line;
  return { first: from.line, last };
}

/** Replaces some lines (same count) and carries the selection over. */
function rewrite(state: TextState, oldLines: readonly string[], newLines: string[]): TextState {
  const selecting = state.start !== state.end;
  const mapPos = (offset: number): number => {
    const pos = toPos(state.value, offset);
    // A selection of whole lines stays a selection of whole lines.
    if (selecting && pos.col === 0) {
      return toOffset(newLines, pos);
    }
    const col = mapColumn(oldLines[pos.line] ?? '', newLines[pos.line] ?? '', pos.col);
    return toOffset(newLines, { line: pos.line, col });
  };
  return {
    value: newLines.join('\n'),
    start: mapPos(state.start),
    end: mapPos(state.end),
  };
}

// --- Numbering ------------------------------------------------------------------

/**
 * Renumbers the ordered lists of the paragraph around `first..last`, level by level.
 * The first item of a list keeps its number (a list may start at 5) unless it is
 * one of `restart`, the lines that just moved to a new level, which start at 1.
 */
function renumber(lines: string[], first: number, last: number, restart: ReadonlySet<number>): void {
  let top = first;
  while (top > 0 && (lines[top - 1] ?? '').trim() !== '') top -= 1;
  let bottom = last;
  while (bottom < lines.length - 1 && (lines[bottom + 1] ?? '').trim() !== '') bottom += 1;

  const levels: { indent: number; last: number | null }[] = [];
  for (let i = top; i <= bottom; i += 1) {
    const line = lines[i] ?? '';
    const item = parseListItem(line);
    if (!item) continue;
    const indent = item.indent.length;
    while (levels.length > 0 && (levels[levels.length - 1]?.indent ?? 0) > indent) levels.pop();
    const level = levels[levels.length - 1];
    if (level && level.indent === indent) {
      if (item.number !== null && level.last !== null && item.number !== level.last + 1) {
        lines[i] = marker({ ...item, number: level.last + 1 }) + line.slice(item.length);
        level.last += 1;
      } else {
        level.last = item.number;
      }
    } else {
      let number = item.number;
      if (number !== null && restart.has(i) && number !== 1) {
        number = 1;
        lines[i] = marker({ ...item, number }) + line.slice(item.length);
      }
      levels.push({ indent, last: number });
    }
  }
}

// --- Keys -----------------------------------------------------------------------

/**
 * Enter inside a list item: starts the next item (next number, unchecked box). On
 * an item with no text it ends the list instead (or steps out of a nested one).
 */
export function continueList(state: TextState): TextState | null {
  const value = state.value.slice(0, state.start) + state.value.slice(state.end);
  const caret = state.start;
  const lineStart = caret === 0 ? 0 : value.lastIndexOf('\n', caret - 1) + 1;
  const newline = value.indexOf('\n', caret);
  const lineEnd = newline === -1 ? value.length : newline;
  const line = value.slice(lineStart, lineEnd);
  const item = parseListItem(line);
  // A caret inside the marker means "new line above", which is the default.
  if (!item || caret < lineStart + item.length) return null;

  if (line.slice(item.length).trim() === '') {
    // A nested empty item steps out one level, like Shift+Tab.
    if (item.indent !== '') {
      return indentLines({ value, start: caret, end: caret }, 'out');
    }
    // A blank line after the list, so the next text is a paragraph of its own
    // rather than a continuation of the last item.
    const next = `${value.slice(0, lineStart)}\n${value.slice(lineEnd)}`;
    return { value: next, start: lineStart + 1, end: lineStart + 1 };
  }

  const nextItem: ListItem = {
    ...item,
    number: item.number === null ? null : item.number + 1,
    checked: item.checked === null ? null : false,
  };
  const insert = `\n${marker(nextItem)}`;
  const inserted = value.slice(0, caret) + insert + value.slice(caret);
  const caretAfter = caret + insert.length;
  if (item.number === null) return { value: inserted, start: caretAfter, end: caretAfter };

  const lines = inserted.split('\n');
  const before = [...lines];
  const pos = toPos(inserted, caretAfter);
  renumber(lines, pos.line, pos.line, new Set());
  return rewrite({ value: inserted, start: caretAfter, end: caretAfter }, before, lines);
}

/**
 * Tab / Shift+Tab on list lines: moves the touched list items one level in or out.
 * Returns null when no list item moves, so Tab keeps moving the focus.
 */
export function indentLines(state: TextState, direction: 'in' | 'out'): TextState | null {
  const lines = state.value.split('\n');
  const before = [...lines];
  const { first, last } = touchedLines(state);
  const moved = new Set<number>();
  for (let i = first; i <= last; i += 1) {
    const line = lines[i] ?? '';
    if (!parseListItem(line)) continue;
    if (direction === 'in') {
      lines[i] = INDENT + line;
      moved.add(i);
    } else if (line.startsWith('\t')) {
      lines[i] = line.slice(1);
      moved.add(i);
    } else {
      const spaces = /^ */.exec(line)?.[0].length ?? 0;
      const remove = Math.min(spaces, INDENT.length);
      if (remove > 0) {
        lines[i] = line.slice(remove);
        moved.add(i);
      }
    }
  }
  // Nothing to move (an item already at the margin): let the key move the focus.
  if (moved.size === 0) return null;
  renumber(lines, first, last, direction === 'in' ? moved : new Set());
  return rewrite(state, before, lines);
}

// --- Toolbar --------------------------------------------------------------------

type LineRewrite = (line: string) => string;

/**
 * Applies `change` to the touched lines. Blank lines inside a multi-line selection
 * are left alone; a single blank line is changed so the user can start typing.
 */
function eachLine(
  state: TextState,
  allAlready: (line: string) => boolean,
  apply: LineRewrite,
  undo: LineRewrite,
): TextState {
  const lines = state.value.split('\n');
  const before = [...lines];
  const { first, last } = touchedLines(state);
  const targets: number[] = [];
  for (let i = first; i <= last; i += 1) {
    if (first === last || (lines[i] ?? '').trim() !== '') targets.push(i);
  }
  const remove = targets.length > 0 && targets.every((i) => allAlready(lines[i] ?? ''));
  for (const i of targets) lines[i] = (remove ? undo : apply)(lines[i] ?? '');
  renumber(lines, first, last, new Set());
  return rewrite(state, before, lines);
}

/** The line without its list marker or heading marker, keeping the indent. */
function plainText(line: string): { indent: string; text: string } {
  const item = parseListItem(line);
  if (item) return { indent: item.indent, text: line.slice(item.length) };
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  const heading = HEADING.exec(rest);
  return { indent, text: heading ? rest.slice(heading[0].length) : rest };
}

function withMarker(line: string, make: (indent: string, old: ListItem | null) => ListItem): string {
  const { indent, text } = plainText(line);
  return marker(make(indent, parseListItem(line))) + text;
}

function bulletItem(indent: string): ListItem {
  return { indent, bullet: '-', number: null, delimiter: '', spacing: ' ', checked: null, length: 0 };
}

/** "## " on the touched lines, or off when they are all headings already. */
export function toggleHeading(state: TextState): TextState {
  return eachLine(
    state,
    (line) => HEADING.test(line),
    (line) => `## ${plainText(line).text}`,
    (line) => line.replace(HEADING, ''),
  );
}

const isBullet = (line: string): boolean => {
  const item = parseListItem(line);
  return item !== null && item.bullet !== null && item.checked === null;
};

/** Bullets on the touched lines, or plain text when they are all bullets already. */
export function toggleBulletList(state: TextState): TextState {
  return eachLine(
    state,
    isBullet,
    (line) => withMarker(line, (indent) => bulletItem(indent)),
    (line) => {
      const { indent, text } = plainText(line);
      return indent + text;
    },
  );
}

const isNumbered = (line: string): boolean => {
  const item = parseListItem(line);
  return item !== null && item.number !== null && item.checked === null;
};

/** A numbered list over the touched lines, or plain text when it is one already. */
export function toggleNumberedList(state: TextState): TextState {
  return eachLine(
    state,
    isNumbered,
    (line) =>
      withMarker(line, (indent) => ({
        ...bulletItem(indent),
        bullet: null,
        // Numbers are fixed up by the renumbering pass.
        number: 1,
        delimiter: '.',
      })),
    (line) => {
      const { indent, text } = plainText(line);
      return indent + text;
    },
  );
}

const isTask = (line: string): boolean => parseListItem(line)?.checked != null;

/** "- [ ] " on the touched lines (ticks kept), or plain text when all are tasks already. */
export function toggleChecklist(state: TextState): TextState {
  return eachLine(
    state,
    isTask,
    (line) =>
      withMarker(line, (indent, old) => ({
        ...(old ?? bulletItem(indent)),
        checked: old?.checked ?? false,
      })),
    (line) => {
      const { indent, text } = plainText(line);
      return indent + text;
    },
  );
}

/**
 * Ctrl/Cmd+Enter: ticks or unticks the task on the touched lines. A list item
 * without a box gets one, and a plain line becomes an open task.
 */
export function toggleCheckbox(state: TextState): TextState {
  const lines = state.value.split('\n');
  const { first, last } = touchedLines(state);
  const targets: number[] = [];
  for (let i = first; i <= last; i += 1) {
    if (first === last || (lines[i] ?? '').trim() !== '') targets.push(i);
  }
  const tasks = targets.filter((i) => isTask(lines[i] ?? ''));
  if (tasks.length === 0) return toggleChecklist(state);
  // Mixed selections converge: tick everything unless all are ticked already.
  const tick = tasks.some((i) => parseListItem(lines[i] ?? '')?.checked === false);
  const before = [...lines];
  for (const i of targets) {
    const line = lines[i] ?? '';
    const item = parseListItem(line);
    if (item?.checked == null) continue;
    lines[i] = marker({ ...item, checked: tick }) + line.slice(item.length);
  }
  return rewrite(state, before, lines);
}
