/**
 * The library's full-text index of notes (MiniSearch), kept in memory: built once from every
 * note, then updated by each change the store makes.
 */
import MiniSearch from 'minisearch';
import { normalizeWord } from '../analysis/entities/normalize';
import type { Note } from '../notes/types';

/** One note that matches a search: its id and when it last changed (the library's order). */
export interface NoteHit {
  id: string;
  modified: string;
}

/** Words of this many letters or more also match as prefixes and with a typo or two. */
const LOOSE_MATCH_LENGTH = 4;

/** How many notes are indexed between two turns of the event loop while building. */
const BUILD_SLICE = 500;

/** A full-text index over each note's body, quote, tags, article title and entity name. */
export class NoteSearchIndex {
  private readonly index = new MiniSearch<Note>({
    fields: ['body', 'quote', 'tags', 'title', 'entity'],
    storeFields: ['modified'],
    extractField: (note, field) => {
      switch (field) {
        case 'quote':
          return note.quote.exact;
        case 'tags':
          return note.tags.join(' ');
        case 'entity':
          return note.entity?.name ?? '';
        default:
          return String(note[field as keyof Note] ?? '');
      }
    },
    // "Boïtchenko" and "Boitchenko", "Kyiv’s" and "Kyiv's" find each other.
    processTerm: (term) => normalizeWord(term).toLowerCase(),
    searchOptions: {
      combineWith: 'AND',
      prefix: (term) => term.length >= LOOSE_MATCH_LENGTH,
      fuzzy: (term) => (term.length >= LOOSE_MATCH_LENGTH ? 0.2 : false),
    },
  });

  /**
   * An index of these notes, built in slices so the background keeps answering messages
   * meanwhile (10,000 notes take a few hundred milliseconds).
   */
  static async build(notes: readonly Note[]): Promise<NoteSearchIndex> {
    const built = new NoteSearchIndex();
    await built.index.addAllAsync(notes, { chunkSize: BUILD_SLICE });
    return built;
  }

  /** Adds a note, or replaces the indexed version of it. */
  upsert(note: Note): void {
    if (this.index.has(note.id)) this.index.replace(note);
    else this.index.add(note);
  }

  /** Removes a note when it is indexed. */
  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** Removes every note. */
  clear(): void {
    this.index.removeAll();
  }

  /** The notes matching every word of `query`, newest change first. */
  search(query: string): NoteHit[] {
    return this.index
      .search(query)
      .map((result) => ({ id: result.id as string, modified: result['modified'] as string }))
      .sort(newestFirst);
  }
}

function newestFirst(a: NoteHit, b: NoteHit): number {
  return a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0;
}
