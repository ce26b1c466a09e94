import { describe, expect, it } from 'vitest';
import notes from '../../../src-tauri/core/tests/fixtures/markdown/notes.md?raw';
import expected from '../../../src-tauri/core/tests/fixtures/markdown/notes.structure.json';
import { renderMarkdown } from './markdown';

// The same list of structural tags the Rust side reads from the shared HTML
// (src-tauri/core/tests/markdown_structure.rs): both must match one fixture.
const TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code',
  'pre', 'blockquote', 'a', 'br', 'table', 'th', 'td',
]);

function structure(html: string): string[] {
  const container = document.createElement('div');
  container.innerHTML = html;
  const out: string[] = [];
  for (const element of Array.from(container.querySelectorAll('*'))) {
    const name = element.tagName.toLowerCase();
    if (!TAGS.has(name)) continue;
    // The window keeps a link's address in its title, never in href.
    out.push(name === 'a' ? `a ${element.getAttribute('title') ?? ''}` : name);
  }
  return out;
}

describe('notes structure', () => {
  it('matches the structure of the shared HTML', () => {
    expect(structure(renderMarkdown(notes))).toEqual(expected);
  });

  it('sees emphasis and links', () => {
    expect(structure('<p><strong>a</strong> <a title="https://x.test">b</a></p>')).toEqual([
      'p',
      'strong',
      'a https://x.test',
    ]);
  });
});
