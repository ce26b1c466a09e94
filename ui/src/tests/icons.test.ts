import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ActionStatus, CheckpointStatus, HighlightKind } from '../lib/bindings';
import { CHECKPOINT_ICONS, CHECKPOINT_STATUS_LABELS, PLAN_STATUS_LABELS } from '../lib/coaching';
import Icon from '../lib/Icon.svelte';
import { ICON_NAMES, ICONS, type Marked } from '../lib/icons';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUS_MARKS,
  ACTION_STATUSES,
  HIGHLIGHT_ICONS,
  HIGHLIGHT_KIND_LABELS,
  HIGHLIGHT_KINDS,
  OVERDUE_MARK,
} from '../lib/labels';
import MarkedText from '../lib/MarkedText.svelte';
import { actionFacts, statusLabel } from '../lib/session-format';
import { iconsIn } from './icons';

// Emoji and the symbol blocks they are drawn from (technical symbols, geometric
// shapes, miscellaneous symbols, dingbats, the emoji planes, the emoji
// presentation selector): a font may lack them and show an empty box. Arrows,
// the minus sign and punctuation stay allowed: every text font has them.
const PICTOGRAPH =
  /[\u{2300}-\u{23FF}\u{25A0}-\u{27BF}\u{2B00}-\u{2BFF}\u{1F000}-\u{1FAFF}\u{FE0F}]/u;

function pictographsIn(text: string): string[] {
  return [...text].filter((char) => PICTOGRAPH.test(char));
}

const CHECKPOINT_STATUSES = Object.keys(CHECKPOINT_STATUS_LABELS) as CheckpointStatus[];

/** Every status as the meeting screens mark it, overdue or not. */
function everyStatusLabel(): Marked[] {
  return ACTION_STATUSES.flatMap((status: ActionStatus) => [
    statusLabel({ status, overdue: false }),
    statusLabel({ status, overdue: true }),
  ]);
}

function everyActionFacts(): Marked[] {
  return ACTION_STATUSES.flatMap((status) =>
    (['ic', 'manager'] as const).flatMap((owner) =>
      actionFacts({ owner, status, due_on: '2024-12-05' }, 'Ada Okafor'),
    ),
  );
}

describe('icons', () => {
  it('draws each icon as an SVG that follows the text colour and size, hidden from screen readers', () => {
    for (const name of ICON_NAMES) {
      const { container, unmount } = render(Icon, { name });
      const svg = container.querySelector('svg');
      expect(svg, name).not.toBeNull();
      expect(svg).toHaveAttribute('data-icon', name);
      expect(svg).toHaveAttribute('aria-hidden', 'true');
      expect(svg).toHaveAttribute('stroke', 'currentColor');
      expect(svg).toHaveAttribute('width', '1em');
      expect(svg).toHaveClass('icon');
      expect(svg?.querySelector('path, circle, rect, line, polyline')).not.toBeNull();
      expect(container.textContent?.trim()).toBe('');
      unmount();
    }
  });

  it('colours a toned icon from the theme', () => {
    const { container } = render(Icon, { name: 'circle-check', tone: 'success' });
    expect(container.querySelector('svg')).toHaveClass('icon', 'tone-success');
  });

  it('renders each action status as its icon and its words', () => {
    for (const mark of everyStatusLabel()) {
      const { container, unmount } = render(MarkedText, { mark });
      expect(container).toHaveTextContent(mark.text);
      expect(iconsIn(container)).toEqual(mark.icon ? [mark.icon] : []);
      unmount();
    }
  });

  it('renders the facts of a past action item as one line', () => {
    const mark = actionFacts({ owner: 'ic', status: 'escalated', due_on: null }, 'Ada Okafor');
    const { container } = render(MarkedText, { mark });
    expect(container).toHaveTextContent(/^Ada · Escalated · Due Ongoing$/);
    expect(iconsIn(container)).toEqual(['triangle-alert']);
  });

  it('names only icons the set has', () => {
    const named = [
      ...everyStatusLabel(),
      ...everyActionFacts(),
      ...Object.values(ACTION_STATUS_MARKS),
      OVERDUE_MARK,
    ].flatMap((mark) => (mark.icon ? [mark.icon] : []));
    named.push(...HIGHLIGHT_KINDS.map((kind: HighlightKind) => HIGHLIGHT_ICONS[kind].icon));
    named.push(...CHECKPOINT_STATUSES.map((status) => CHECKPOINT_ICONS[status]));
    for (const name of named) expect(Object.keys(ICONS)).toContain(name);
  });

  it('returns no emoji or symbol glyph in any text the screens show', () => {
    const texts = [
      ...everyStatusLabel().map((mark) => mark.text),
      ...everyActionFacts().map((mark) => mark.text),
      OVERDUE_MARK.text,
      ...Object.values(ACTION_STATUS_MARKS).map((mark) => mark.text),
      ...Object.values(ACTION_STATUS_LABELS),
      ...Object.values(HIGHLIGHT_KIND_LABELS),
      ...Object.values(CHECKPOINT_STATUS_LABELS),
      ...Object.values(PLAN_STATUS_LABELS),
    ];
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.flatMap(pictographsIn)).toEqual([]);
  });

  it('leaves no emoji or symbol glyph in the screens’ sources', () => {
    const sources = import.meta.glob(
      ['../lib/*.svelte', '../lib/*.ts', '!../lib/*.test.ts', '../App.svelte', '../app.css'],
      { query: '?raw', import: 'default', eager: true },
    ) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    // The Mac's command-key sign, which the shortcuts show on macOS only: its
    // system fonts all have it, as its own menus use it.
    const allowed = (path: string, char: string): boolean =>
      path.endsWith('/lib/shortcuts.ts') && char === '\u2318';
    const found = Object.entries(sources).flatMap(([path, text]) =>
      text.split('\n').flatMap((line, index) =>
        pictographsIn(line).some((char) => !allowed(path, char))
          ? [`${path}:${index + 1}: ${line.trim()}`]
          : [],
      ),
    );
    expect(found).toEqual([]);
  });
});
