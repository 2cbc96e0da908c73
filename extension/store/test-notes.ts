/** Notes and articles for the store's tests and bench, written the way the page makes them. */
import type { ArticleRecord, Note } from '../notes/types';
import { siteKey } from '../settings/settings';

/** A note on `url` at `start`, with whatever else a test needs changed. */
export function makeNote(overrides: Partial<Note> & { id: string }, start = 0): Note {
  const exact = overrides.quote?.exact ?? 'nearly 3.9 million Ukrainians';
  return {
    url: 'https://news.example/mariupol',
    title: 'Mariupol, day 20',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'the agency said ', suffix: ' had left' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    entity: null,
    body: 'Check this against the UNHCR figures.',
    tags: ['refugees'],
    colour: 'yellow',
    created: '2026-03-01T10:00:00.000Z',
    modified: '2026-03-01T10:00:00.000Z',
    anchor: 'unknown',
    ...overrides,
  };
}

/** An article record of `site`, seen on `seen`. */
export function makeArticle(url: string, seen: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    url,
    title: `Article at ${url}`,
    published: null,
    outlet: 'Example News',
    seen,
    site: siteKey(url),
    ...overrides,
  };
}
