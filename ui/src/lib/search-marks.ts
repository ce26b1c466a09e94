// Marks the words a search matched in the text it opens. The index compares
// words without accents and case (unicode61 with remove_diacritics), so this
// folds the same way; otherwise "reunion" would find "Réunion" and then mark
// nothing in it.

import type { Term } from './bindings';

/** A matched stretch of the original text, `start` inclusive, `end` exclusive. */
export type Range = { start: number; end: number };

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/** Lower case without accents, as the index compares words. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

type Word = { text: string; start: number; end: number };

/**
 * The folded words of `text`, each with where it sits in the original. A
 * character can fold to nothing (a combining accent) or to several; either
 * way the word's range covers all of the original it came from.
 */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  let index = 0;
  for (const char of text) {
    const start = index;
    index += char.length;
    const folded = fold(char);
    if (folded === '') {
      // An accent typed on its own belongs to the word it follows.
      if (current) current.end = index;
      continue;
    }
    for (const piece of folded) {
      if (WORD_CHAR.test(piece)) {
        if (current) {
          current.text += piece;
          current.end = index;
        } else {
          current = { text: piece, start, end: index };
          words.push(current);
        }
      } else {
        current = null;
      }
    }
  }
  return words;
}

/** The words a term stands for, folded. */
function termWords(term: Term): string[] {
  return fold(term.text).match(WORDS) ?? [];
}

/**
 * Where the terms occur in `text`: whole words (a word* term: the start of a
 * word), a phrase's words in order with only spaces or punctuation between,
 * overlapping matches merged into one.
 */
export function findMatches(text: string, terms: readonly Term[]): Range[] {
  if (terms.length === 0 || text === '') return [];
  const words = wordsOf(text);
  const found: Range[] = [];
  for (const term of terms) {
    const wanted = termWords(term);
    if (wanted.length === 0) continue;
    const lastIndex = wanted.length - 1;
    for (let at = 0; at + lastIndex < words.length; at++) {
      const matches = wanted.every((part, offset) => {
        const word = words[at + offset];
        if (!word) return false;
        const open = term.prefix && offset === lastIndex;
        return open ? word.text.startsWith(part) : word.text === part;
      });
      if (!matches) continue;
      const first = words[at];
      const last = words[at + lastIndex];
      if (first && last) found.push({ start: first.start, end: last.end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of found) {
    const previous = merged[merged.length - 1];
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Elements whose text is not the notes' own: never marked inside. */
const SKIP = new Set(['MARK', 'SCRIPT', 'STYLE', 'TEXTAREA']);

/**
 * Wraps every match inside `root` in `<mark class="search-mark">`, text node
 * by text node (so a phrase split by formatting is not marked). Only text
 * nodes are created: nothing is parsed as HTML. Returns the marks, in
 * document order.
 */
export function markMatches(root: Element, terms: readonly Term[]): HTMLElement[] {
  if (terms.length === 0) return [];
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      let parent = node.parentElement;
      while (parent && parent !== root) {
        if (SKIP.has(parent.tagName)) return NodeFilter.FILTER_REJECT;
        parent = parent.parentElement;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    const ranges = findMatches(text, terms);
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let cursor = 0;
    for (const { start, end } of ranges) {
      if (start > cursor) fragment.append(document.createTextNode(text.slice(cursor, start)));
      const mark = document.createElement('mark');
      mark.className = 'search-mark';
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      marks.push(mark);
      cursor = end;
    }
    if (cursor < text.length) fragment.append(document.createTextNode(text.slice(cursor)));
    node.replaceWith(fragment);
  }
  return marks;
}
