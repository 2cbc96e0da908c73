/**
 * The library's typo-tolerant index of notes (MiniSearch), kept in memory: built from every note
 * the first time a search finds nothing as typed, then updated by each change the store makes.
 * Until then the persistent term index (`terms.ts`), which needs no build, answers searches;
 * once built, this one answers them all (it is the faster) and finds the same notes as typed.
 */
import MiniSearch from 'minisearch';
import type { Note } from '../notes/types';
import { foldWord, PREFIX_MATCH_LENGTH, searchableFields, splitWords } from './terms';

/** One note that matches a search: its id and when it last changed (the library's order). */
export interface NoteHit {
  id: string;
  modified: string;
}

/** How many notes are indexed between two turns of the event loop while building. */
const BUILD_SLICE = 500;

/**
 * A full-text index over each note's body, quote, tags, article title and entity name, with
 * the words split and folded as the term index does, so both find the same notes as typed.
 */
export class NoteSearchIndex {
  private readonly index = new MiniSearch<Note>({
    fields: ['body', 'quote', 'tags', 'title', 'entity'],
    storeFields: ['modified'],
    // Also asked for the id and the stored `modified`, which are the note's own fields.
    extractField: (note, field) =>
      (searchableFields(note) as Record<string, string>)[field] ?? String(note[field as keyof Note]),
    tokenize: splitWords,
    // "Boïtchenko" and "Boitchenko" find each other.
    processTerm: foldWord,
    searchOptions: {
      combineWith: 'AND',
      // Words long enough to match as prefixes also match with a typo or two ("shiping").
      prefix: (term) => term.length >= PREFIX_MATCH_LENGTH,
      fuzzy: (term) => (term.length >= PREFIX_MATCH_LENGTH ? 0.2 : false),
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

  /**
   * The notes matching every word of `query` as typed (the longer words as prefixes), as the
   * term index finds them; only when there are none, those matching with a typo or two. Newest
   * change first.
   */
  search(query: string): NoteHit[] {
    const typed = this.index.search(query, { fuzzy: false });
    return (typed.length > 0 ? typed : this.index.search(query))
      .map((result) => ({ id: result.id as string, modified: result['modified'] as string }))
      .sort(newestFirst);
  }
}

function newestFirst(a: NoteHit, b: NoteHit): number {
  return a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0;
}
