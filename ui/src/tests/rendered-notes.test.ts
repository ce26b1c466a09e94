import { clearMocks } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../lib/markdown';
import RenderedNotes from '../lib/RenderedNotes.svelte';
import { mockBackend } from './fixtures';

const OPEN_URL = 'plugin:opener|open_url';

afterEach(() => {
  clearMocks();
});

function setup(source: string) {
  const opened: string[] = [];
  const calls = mockBackend({
    [OPEN_URL]: (args) => {
      opened.push((args as { url: string }).url);
      return null;
    },
  });
  const { container } = render(RenderedNotes, { props: { html: renderMarkdown(source) } });
  return { opened, calls, container, user: userEvent.setup() };
}

describe('links in notes', () => {
  it('ask before opening, and open in the browser only once confirmed', async () => {
    const { opened, container, user } = setup('See [the doc](https://example.com/doc) first.');
    const link = screen.getByRole('link', { name: 'the doc' });
    await user.click(link);

    const dialog = screen.getByRole('dialog', { name: 'Open a link' });
    expect(dialog).toHaveTextContent('Open https://example.com/doc in your browser?');
    expect(opened).toEqual([]);
    // The window itself went nowhere.
    expect(window.location.href).not.toContain('example.com');
    expect(container.querySelector('[href]')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Open in browser' }));
    expect(opened).toEqual(['https://example.com/doc']);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('open nothing when the question is declined', async () => {
    const { opened, calls, user } = setup('[the doc](https://example.com/doc)');
    await user.click(screen.getByRole('link', { name: 'the doc' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'the doc' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opened).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('can be reached and asked about from the keyboard', async () => {
    const { opened, user } = setup('[mail Ada](mailto:ada@example.com)');
    await user.tab();
    expect(screen.getByRole('link', { name: 'mail Ada' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Open a link' });
    expect(dialog).toHaveTextContent('Open mailto:ada@example.com in your browser?');
    await user.click(within(dialog).getByRole('button', { name: 'Open in browser' }));
    expect(opened).toEqual(['mailto:ada@example.com']);
  });

  it('ask nothing for a link that lost its address', async () => {
    const { calls, user } = setup(
      '[bad](javascript:alert(1)) <svg><a xlink:href="https://example.invalid">x</a></svg>',
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    await user.click(screen.getByText('bad'));
    expect(document.querySelector('svg, [href], [data-href]')).toBeNull();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('show why the browser did not open', async () => {
    mockBackend({
      [OPEN_URL]: () => {
        throw { code: 'io', message: 'No browser is installed.' };
      },
    });
    render(RenderedNotes, { props: { html: renderMarkdown('[doc](https://example.com/)') } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'doc' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Open in browser' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('No browser is installed.');
  });
});
