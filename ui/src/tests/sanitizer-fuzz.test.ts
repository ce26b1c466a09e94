// Generated notes, hostile and ordinary, through the renderer that shows
// notes in the window: whatever goes in, what comes out holds no script, no
// foreign namespace, no inline style and nothing the window could navigate to.
// Ten thousand inputs per test run from a fixed seed, so a failure replays;
// `make fuzz` sets RAPPORT_FUZZ_INPUTS and RAPPORT_FUZZ_SEED for a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkTarget, renderMarkdown } from '../lib/markdown';

const FORBIDDEN_ELEMENTS = [
  'script',
  'style',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'img',
  'link',
  'meta',
  'base',
  'video',
  'audio',
  'source',
];
const ADDRESS_ATTRIBUTES = [
  'href',
  'xlink:href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'background',
  'ping',
  'style',
  'target',
];

const tags = fc.constantFrom(
  'a',
  'svg',
  'math',
  'script',
  'style',
  'iframe',
  'img',
  'form',
  'div',
  'p',
  'span',
  'b',
  'details',
  'summary',
  'use',
  'animate',
  'set',
  'foreignObject',
  'mi',
  'mglyph',
  'noscript',
  'template',
  'object',
  'base',
  'meta',
  'table',
  'select',
  'textarea',
);
const attributeNames = fc.constantFrom(
  'href',
  'xlink:href',
  'src',
  'style',
  'onclick',
  'onerror',
  'onload',
  'action',
  'formaction',
  'srcdoc',
  'data',
  'target',
  'title',
  'class',
  'id',
  'attributeName',
  'to',
  'values',
  'xmlns',
  'http-equiv',
  'content',
);
const addresses = fc.constantFrom(
  'https://example.invalid/x',
  'http://example.invalid',
  'mailto:someone@example.invalid',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'tauri://localhost/',
  '//example.invalid',
  '/relative',
  '#top',
  'vbscript:msgbox(1)',
  '&#106;avascript:alert(1)',
  'https://example.invalid/"onmouseover="alert(1)',
);

const attribute = fc
  .tuple(attributeNames, fc.oneof(addresses, fc.string({ maxLength: 12 })))
  .map(([name, value]) => ` ${name}="${value}"`);

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      tags,
      fc.array(attribute, { maxLength: 3 }),
      depth > 1
        ? fc.array(fc.oneof(element(depth - 1), fc.string({ maxLength: 10 })), { maxLength: 3 })
        : fc.constant([]),
      fc.boolean(),
    )
    .map(
      ([tag, attrs, children, closed]) =>
        `<${tag}${attrs.join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`,
    ),
);

const markdownPiece = fc.oneof(
  addresses.map((a) => `[link](${a})`),
  addresses.map((a) => `<${a}>`),
  addresses.map((a) => `![img](${a})`),
  addresses.map((a) => `[ref]\n\n[ref]: ${a}`),
  fc.constantFrom('# Heading', '- item', '1. item', '> quote', '```\ncode\n```', '**bold**', '\n\n', '|a|b|\n|-|-|\n|1|2|'),
  fc.string({ maxLength: 40 }),
  element(3),
);

const notes = fc.array(markdownPiece, { maxLength: 8 }).map((pieces) => pieces.join(' '));

function problems(html: string): string[] {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const found: string[] = [];
  for (const el of Array.from(holder.querySelectorAll('*'))) {
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`foreign ${el.localName}`);
    if (FORBIDDEN_ELEMENTS.includes(el.localName)) found.push(`element ${el.localName}`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`handler ${name}`);
      if (ADDRESS_ATTRIBUTES.includes(name)) found.push(`attribute ${name}`);
      if (name === 'data-href' && linkTarget(attr.value) !== attr.value) {
        found.push(`unvetted data-href ${attr.value}`);
      }
    }
  }
  return found;
}

const INPUTS = Number(import.meta.env.RAPPORT_FUZZ_INPUTS ?? 10_000);
const SEED = Number(import.meta.env.RAPPORT_FUZZ_SEED ?? 20261203);

describe('the notes sanitizer under generated input', () => {
  it(`lets nothing active or navigable through in ${INPUTS} notes`, () => {
    fc.assert(
      fc.property(notes, (source) => {
        expect(problems(renderMarkdown(source))).toEqual([]);
      }),
      { numRuns: INPUTS, seed: SEED },
    );
  }, 0);

  it('would notice what it looks for', () => {
    // The checker itself must be able to fail.
    expect(problems('<a href="https://example.invalid">x</a>')).toEqual(['attribute href']);
    expect(problems('<svg><a></a></svg>').length).toBeGreaterThan(0);
    expect(problems('<p onclick="x()">x</p>')).toEqual(['handler onclick']);
    expect(problems('<a data-href="javascript:alert(1)">x</a>')).toHaveLength(1);
  });
});
