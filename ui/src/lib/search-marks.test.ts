import { describe, expect, it } from 'vitest';
import type { Term } from './bindings';
import { findMatches, fold, markMatches } from './search-marks';

function word(text: string, prefix = false): Term {
  return { text, phrase: false, prefix };
}

function phrase(text: string, prefix = false): Term {
  return { text, phrase: true, prefix };
}

/** The matched pieces of `text`, for reading the expectations at a glance. */
function found(text: string, terms: Term[]): string[] {
  return findMatches(text, terms).map(({ start, end }) => text.slice(start, end));
}

describe('search marks: matching', () => {
  it('folds accents and case the way the index does', () => {
    expect(fold('Réunion ÉTÉ')).toBe('reunion ete');
    expect(found('La Réunion de l’ÉTÉ', [word('reunion'), word('été')])).toEqual([
      'Réunion',
      'ÉTÉ',
    ]);
    expect(found('reunion', [word('RÉUNION')])).toEqual(['reunion']);
  });

  it('keeps a decomposed accent inside the word it belongs to', () => {
    const text = 'Cafe\u0301 talk';
    expect(found(text, [word('café')])).toEqual(['Cafe\u0301']);
  });

  it('matches whole words only, unless the term is a prefix', () => {
    expect(found('billing and bill', [word('bill')])).toEqual(['bill']);
    expect(found('billing and bill', [word('bill', true)])).toEqual(['billing', 'bill']);
    expect(found('rebill', [word('bill', true)])).toEqual([]);
  });

  it('matches a phrase word by word, across spaces and punctuation', () => {
    expect(found('A career path, then career  - path again', [phrase('career path')])).toEqual([
      'career path',
      'career  - path',
    ]);
    expect(found('path career', [phrase('career path')])).toEqual([]);
    expect(found('career pathway', [phrase('career path', true)])).toEqual(['career pathway']);
  });

  it('finds nothing when nothing matches', () => {
    expect(findMatches('Billing migration', [word('holiday')])).toEqual([]);
    expect(findMatches('Billing migration', [])).toEqual([]);
    expect(findMatches('', [word('billing')])).toEqual([]);
    // A term of punctuation alone has no word to look for.
    expect(findMatches('a - b', [word('-')])).toEqual([]);
  });

  it('merges overlapping matches into one', () => {
    expect(found('career path', [phrase('career path'), word('path')])).toEqual(['career path']);
  });
});

describe('search marks: in the page', () => {
  it('wraps matches in marks without reading any text as HTML', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Talked about <strong>billing</strong> &lt;b&gt;billing&lt;/b&gt;</p>';
    const marks = markMatches(root, [word('billing')]);
    expect(marks).toHaveLength(2);
    expect(marks.every((mark) => mark.className === 'search-mark')).toBe(true);
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toBe('Talked about billing <b>billing</b>');
    expect(marks[0]?.parentElement?.tagName).toBe('STRONG');
  });

  it('marks nothing twice', () => {
    const root = document.createElement('div');
    root.textContent = 'billing';
    markMatches(root, [word('billing')]);
    markMatches(root, [word('billing')]);
    expect(root.querySelectorAll('mark')).toHaveLength(1);
  });
});
