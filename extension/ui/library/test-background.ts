/**
 * For unit tests of the library and the options page: an in-memory stand-in for the background's
 * notes and memory handlers, answering the requests of `notes/messages.ts` with replies of their
 * types, and recording every request it was sent.
 */
import type { NotesRequest } from '../../notes/messages';
import type { ArticleRecord, Note } from '../../notes/types';

export interface TestBackground {
  /** The requests received, in order. */
  requests: NotesRequest[];
  notes: Map<string, Note>;
  articles: ArticleRecord[];
  /** Replies with this error to the next request of this type, once. */
  failNext(type: NotesRequest['type'], error: string): void;
  send(request: NotesRequest): Promise<unknown>;
}

export function testBackground(notes: Note[] = [], articles: ArticleRecord[] = []): TestBackground {
  const failures = new Map<string, string>();
  const background: TestBackground = {
    requests: [],
    notes: new Map(notes.map((note) => [note.id, note])),
    articles,
    failNext: (type, error) => void failures.set(type, error),
    async send(request) {
      background.requests.push(request);
      const failure = failures.get(request.type);
      if (failure !== undefined) {
        failures.delete(request.type);
        return { ok: false, error: failure };
      }
      return answer(background, request);
    },
  };
  return background;
}

function answer(background: TestBackground, request: NotesRequest): unknown {
  const { notes } = background;
  switch (request.type) {
    case 'gloss:notes:library': {
      const query = request.query.toLowerCase();
      const matching = [...notes.values()]
        .filter((note) => !query || [note.body, note.quote.exact, note.title, note.entity?.name ?? '', ...note.tags].some((text) => text.toLowerCase().includes(query)))
        .sort((a, b) => b.modified.localeCompare(a.modified));
      return { ok: true, notes: matching.slice(0, request.limit), total: matching.length };
    }
    case 'gloss:notes:save':
      notes.set(request.note.id, request.note);
      return { ok: true, note: request.note };
    case 'gloss:notes:delete': {
      const note = notes.get(request.id) ?? null;
      notes.delete(request.id);
      return { ok: true, note };
    }
    case 'gloss:notes:open':
      return notes.has(request.id) ? { ok: true } : { ok: false, error: 'That note is gone.' };
    case 'gloss:notes:export':
      return request.format === 'jsonld'
        ? { ok: true, filename: 'gloss-notes.jsonld', mime: 'application/ld+json', text: JSON.stringify([...notes.values()]) }
        : { ok: true, filename: 'gloss-notes.md', mime: 'text/markdown', text: [...notes.values()].map((note) => `> ${note.quote.exact}`).join('\n') };
    case 'gloss:notes:import': {
      let imported: Note[];
      try {
        imported = JSON.parse(request.text) as Note[];
      } catch {
        return { ok: false, error: 'Nothing was imported: the file is not JSON (it ends too early at character 12).' };
      }
      let added = 0;
      let unchanged = 0;
      for (const note of imported) {
        if (notes.has(note.id)) unchanged++;
        else added++;
        notes.set(note.id, note);
      }
      return { ok: true, added, updated: 0, unchanged };
    }
    case 'gloss:notes:clear':
      notes.clear();
      return { ok: true };
    case 'gloss:memory:articles':
      return { ok: true, articles: background.articles };
    case 'gloss:memory:forget':
      background.articles = request.site === null ? [] : background.articles.filter((article) => article.site !== request.site);
      return { ok: true };
    default:
      return { ok: false, error: `The test background does not answer ${request.type}.` };
  }
}

/** A note with everything a test does not care about filled in. */
export function testNote(fields: Partial<Note> & Pick<Note, 'id'>): Note {
  return {
    url: 'https://news.example/mariupol',
    title: 'Mariupol under siege',
    quote: { type: 'TextQuoteSelector', exact: 'a strategic port city', prefix: 'Mariupol, ', suffix: ' on the Sea' },
    position: { type: 'TextPositionSelector', start: 10, end: 31 },
    entity: null,
    body: '',
    tags: [],
    colour: 'yellow',
    created: '2026-03-01T10:00:00.000Z',
    modified: '2026-03-01T10:00:00.000Z',
    anchor: 'anchored',
    ...fields,
  };
}
