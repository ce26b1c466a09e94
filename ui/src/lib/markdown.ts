// Notes are written in Markdown and shown as HTML. Everything rendered goes
// through DOMPurify: notes may hold pasted text from anywhere.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// A private instance: options set here must not leak into other renderers.
const markdown = new Marked({ gfm: true, breaks: true });

// Images would be blocked by the content security policy anyway; drop them
// rather than show broken boxes.
const FORBID_TAGS = ['img', 'picture', 'video', 'audio', 'iframe', 'form', 'input', 'style'];

/**
 * Markdown to sanitized HTML for display inside the app window.
 *
 * Links keep their text and show their address on hover, but lose `href`:
 * following one would navigate the app's own window away from Rapport.
 */
export function renderMarkdown(source: string): string {
  if (source.trim() === '') return '';
  const html = markdown.parse(source, { async: false });
  const fragment = DOMPurify.sanitize(html, {
    FORBID_TAGS,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const link of Array.from(fragment.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    link.removeAttribute('href');
    if (href) link.setAttribute('title', href);
  }
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
