import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

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
    const container = document.createElement('div');
    container.innerHTML = html;
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveTextContent('the doc');
    expect(links[0]).not.toHaveAttribute('href');
    expect(links[0]).toHaveAttribute('title', 'https://example.com/doc');
    expect(links[1]).not.toHaveAttribute('href');
    expect(html).not.toContain('javascript:');
  });

  it('renders nothing for empty notes', () => {
    expect(renderMarkdown('  \n ')).toBe('');
  });
});
