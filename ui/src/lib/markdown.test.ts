import { describe, expect, it } from 'vitest';
import { linkTarget, renderMarkdown } from './markdown';

function parse(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

/** The addresses a click could act on: none in `href`, only vetted ones in `data-href`. */
function navigable(container: HTMLElement): string[] {
  const hrefs = container.querySelectorAll('[href], [xlink\\:href], [src], [action]');
  expect(hrefs, container.innerHTML).toHaveLength(0);
  return Array.from(container.querySelectorAll('[data-href]')).map(
    (element) => element.getAttribute('data-href') ?? '',
  );
}

describe('notes rendering', () => {
  it('renders Markdown', () => {
    const html = renderMarkdown('# Plan\n\n- **Q1** goal\n- ship it');
    expect(html).toContain('<h1>Plan</h1>');
    expect(html).toContain('<li><strong>Q1</strong> goal</li>');
  });

  it('keeps line breaks as typed', () => {
    expect(renderMarkdown('first\nsecond')).toContain('first<br>second');
  });

  it('removes scripts, event handlers and images', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script><b onclick="steal()">there</b> ![x](https://tracker.example/p.png)',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('<img');
    expect(html).toContain('<b>there</b>');
  });

  it('keeps link text but not a target the window could follow', () => {
    const html = renderMarkdown('[the doc](https://example.com/doc) and [bad](javascript:alert(1))');
    const links = parse(html).querySelectorAll('a');
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveTextContent('the doc');
    expect(links[0]).not.toHaveAttribute('href');
    expect(links[0]).toHaveAttribute('data-href', 'https://example.com/doc');
    expect(links[0]).toHaveAttribute('title', 'https://example.com/doc');
    expect(links[0]).toHaveAttribute('role', 'link');
    expect(links[1]).toHaveTextContent('bad');
    expect(links[1]).not.toHaveAttribute('href');
    expect(links[1]).not.toHaveAttribute('data-href');
    expect(html).not.toContain('javascript:');
  });

  it('drops a javascript: link however it is spelled', () => {
    for (const source of [
      '<a href="javascript:alert(1)">a</a>',
      '<a href=" JaVaScRiPt:alert(1)">b</a>',
      '<a href="java&#x09;script:alert(1)">c</a>',
      '[d](javascript:alert%281%29)',
      '<a data-href="javascript:alert(1)">e</a>',
    ]) {
      const html = renderMarkdown(source);
      expect(navigable(parse(html)), source).toEqual([]);
      expect(html.toLowerCase(), source).not.toContain('javascript');
    }
  });

  it('keeps http, https and mailto addresses only', () => {
    const html = renderMarkdown(
      [
        '[web](http://example.com/a)',
        '[secure](https://example.com/b)',
        '[mail](mailto:ada@example.com)',
        '[file](file:///etc/passwd)',
        '[data](data:text/html,hi)',
        '[relative](../settings)',
        '[app](tauri://localhost/)',
        '[call](tel:+331234)',
      ].join(' '),
    );
    expect(navigable(parse(html))).toEqual([
      'http://example.com/a',
      'https://example.com/b',
      'mailto:ada@example.com',
    ]);
  });

  it('leaves no navigable link in SVG or MathML', () => {
    const html = renderMarkdown(
      'Look <svg><a xlink:href="https://example.invalid">x</a></svg> and ' +
        '<math><mi xlink:href="https://example.invalid">y</mi></math> ' +
        '<svg><a href="https://example.invalid/2"><text>z</text></a></svg>',
    );
    const container = parse(html);
    expect(container.querySelector('svg, math, a')).toBeNull();
    expect(navigable(container)).toEqual([]);
    expect(html).not.toContain('example.invalid');
    expect(html).not.toContain('xlink');
  });

  it('removes inline styles and the attributes that point somewhere', () => {
    const html = renderMarkdown(
      '<p style="position:fixed;inset:0">cover</p><area href="https://example.invalid">' +
        '<a href="https://example.com" target="_top" ping="https://example.invalid">go</a>',
    );
    expect(html).not.toContain('style');
    expect(html).not.toContain('target');
    expect(html).not.toContain('ping');
    expect(navigable(parse(html))).toEqual(['https://example.com/']);
  });

  it('renders nothing for empty notes', () => {
    expect(renderMarkdown('  \n ')).toBe('');
  });
});

describe('link targets', () => {
  it('takes absolute http, https and mailto addresses only', () => {
    expect(linkTarget('https://example.com')).toBe('https://example.com/');
    expect(linkTarget(' mailto:ada@example.com ')).toBe('mailto:ada@example.com');
    for (const refused of [null, '', 'javascript:alert(1)', 'file:///x', '/settings', 'ftp://x/']) {
      expect(linkTarget(refused), String(refused)).toBeNull();
    }
  });
});
