// Notes are written in Markdown and shown as HTML. Everything rendered goes
// through DOMPurify: notes may hold pasted text from anywhere.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// A private instance: options set here must not leak into other renderers.
const markdown = new Marked({ gfm: true, breaks: true });

// Images would be blocked by the content security policy anyway; drop them
// rather than show broken boxes. Forms could post somewhere; frames and
// objects could load another page inside the window.
const FORBID_TAGS = [
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'style',
  'link',
  'meta',
  'base',
];

// Inline styles can cover the window with a fake screen; the others name
// somewhere to go or to send something.
const FORBID_ATTR = [
  'style',
  'xlink:href',
  'srcset',
  'action',
  'formaction',
  'target',
  'ping',
  'background',
];

/** The only kinds of address a link in notes may have. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link may open, normalized, or null when it is not an absolute
 * http, https or mailto address (a relative path, `javascript:`, `file:`, `data:` …).
 */
export function linkTarget(href: string | null | undefined): string | null {
  if (!href) return null;
  let url: URL;
  try {
    // No base: a relative address has nowhere sensible to go from inside the app.
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return LINK_SCHEMES.has(url.protocol) ? url.href : null;
}

/**
 * Markdown to sanitized HTML for display inside the app window.
 *
 * Only HTML survives (no SVG, no MathML, no inline style), and no element
 * keeps an address the window could follow. A link with an allowed address
 * keeps it in `data-href` and shows it on hover; the view that shows the
 * notes asks before handing it to the browser (see RenderedNotes.svelte).
 */
export function renderMarkdown(source: string): string {
  if (source.trim() === '') return '';
  const html = markdown.parse(source, { async: false });
  const fragment = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    RETURN_DOM_FRAGMENT: true,
  });
  // Whatever the sanitizer let through, nothing in notes is navigable: the
  // addresses move out of `href`, where a click, a middle click or a drag
  // would act on them, and only the vetted ones are kept.
  for (const element of Array.from(fragment.querySelectorAll('[href], [data-href]'))) {
    const href = element.getAttribute('href') ?? element.getAttribute('data-href');
    element.removeAttribute('href');
    element.removeAttribute('data-href');
    const target = element.localName === 'a' ? linkTarget(href) : null;
    if (target) {
      element.setAttribute('data-href', target);
      element.setAttribute('title', target);
      element.setAttribute('role', 'link');
      element.setAttribute('tabindex', '0');
    }
  }
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
