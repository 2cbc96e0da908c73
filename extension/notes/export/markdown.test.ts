import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Note } from '../types';
import { exportMarkdown } from './markdown';

const NOW = new Date('2026-11-25T12:00:00.000Z');

function note(overrides: Partial<Note>): Note {
  return {
    id: 'urn:uuid:0b7f8a52-3d4e-4c1a-9f1e-2a3b4c5d6e7f',
    url: 'https://news.example/harbour',
    title: 'Harbour city votes',
    quote: { type: 'TextQuoteSelector', exact: 'Helena Marsh', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 100, end: 112 },
    entity: null,
    body: '',
    tags: [],
    colour: 'yellow',
    created: '2026-11-20T09:15:00.000Z',
    modified: '2026-11-20T09:15:00.000Z',
    anchor: 'anchored',
    ...overrides,
  };
}

const notes = [
  note({ id: 'urn:uuid:a', body: 'She ran on this.', tags: ['harbour', 'budget'], entity: { key: 'PER:helena marsh', name: 'Helena Marsh', type: 'PER' } }),
  note({
    id: 'urn:uuid:b',
    url: 'https://other.example/a_(b)?q=1&r=2',
    title: 'Prices *soar* [again] <script>alert(1)</script>',
    quote: { type: 'TextQuoteSelector', exact: '# Not a heading\n1. not a list\n\n- nor this & <b>that</b> | ~x~ `code`', prefix: '', suffix: '' },
    body: 'My _own_ words\nover two lines',
    modified: '2026-11-22T08:00:00.000Z',
  }),
  // Same article as the first note, earlier in the text: listed first under that article.
  note({ id: 'urn:uuid:c', quote: { type: 'TextQuoteSelector', exact: 'the ferry terminal', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 10, end: 28 } }),
];

describe('exportMarkdown', () => {
  const markdown = exportMarkdown(notes, NOW);
  const html = marked.parse(markdown, { async: false });

  it('groups notes by article, the title linking to it, notes in text order', () => {
    expect(markdown.startsWith('# Gloss notes\n\nExported 2026-11-25: 3 notes from 2 articles.\n')).toBe(true);
    expect(html).toContain('<h2><a href="https://news.example/harbour">Harbour city votes</a></h2>');
    const first = markdown.indexOf('## [Harbour city votes]');
    const second = markdown.indexOf('## [Prices');
    expect(first).toBeLessThan(markdown.indexOf('> the ferry terminal'));
    expect(markdown.indexOf('> the ferry terminal')).toBeLessThan(markdown.indexOf('> Helena Marsh'));
    expect(markdown.indexOf('> Helena Marsh')).toBeLessThan(second);
  });

  it('shows the quote as a block quote, then the body, tags, entity and dates', () => {
    expect(html).toContain('<blockquote>\n<p>Helena Marsh</p>\n</blockquote>\n<p>She ran on this.</p>\n<p>Tags: harbour, budget · On: Helena Marsh (person) · Noted 2026-11-20</p>');
    expect(html).toContain('Noted 2026-11-20, edited 2026-11-22');
  });

  it('renders page text and the reader\'s text as typed: no markup, headings, lists or links from them', () => {
    expect(html).toContain('<h2><a href="https://other.example/a_(b)?q=1&amp;r=2">Prices *soar* [again] &lt;script&gt;alert(1)&lt;/script&gt;</a></h2>');
    expect(html).toContain('# Not a heading<br>1. not a list');
    expect(html).toContain('- nor this &amp; &lt;b&gt;that&lt;/b&gt; | ~x~ `code`');
    expect(html).toContain('<p>My _own_ words<br>over two lines</p>');
    expect(html).not.toMatch(/<(script|em|strong|code|ol|ul|li|h1>#|del|table)\b/);
    // Only the document's own heading, and the two article headings.
    expect(html.match(/<h\d/g)).toEqual(['<h1', '<h2', '<h2']);
  });

  it('says so when there are no notes', () => {
    expect(exportMarkdown([], NOW)).toBe('# Gloss notes\n\nExported 2026-11-25: 0 notes from 0 articles.\n');
  });
});
