/**
 * The library's persistent term index: the folded words of each note, kept in IndexedDB beside
 * the note (store `noteTerms`, see `db.ts`), so a search is answered by index look-ups the
 * moment the store opens, with nothing to build in memory first.
 */
import type { IDBPTransaction } from 'idb';
import { normalizeWord } from '../analysis/entities/normalize';
import type { Note } from '../notes/types';
import type { GlossDbSchema } from './db';
import type { NotesPage } from './types';

/** One note's searchable words, stored under the note's id. */
export interface NoteTerms {
  id: string;
  /** Each folded word of the note's body, quote, tags, article title and entity name, once. */
  terms: string[];
}

/** Words of this many letters or more also match as prefixes ("Boitch" finds "Boïtchenko"). */
export const PREFIX_MATCH_LENGTH = 4;

/** Where the library's words split: spaces, line breaks and punctuation (MiniSearch's own rule). */
const WORD_BREAK = /[\n\r\p{Z}\p{P}]+/u;

/** A read transaction over the notes and their terms. */
export type TermsReadTransaction = IDBPTransaction<GlossDbSchema, ('notes' | 'noteTerms')[], 'readonly'>;

/** Splits text into words as the library indexes and searches it (see `foldWord`). */
export function splitWords(text: string): string[] {
  return text.split(WORD_BREAK);
}

/** A word as the library compares it: accents and case folded ("Boïtchenko" -> "boitchenko"). */
export function foldWord(word: string): string {
  return normalizeWord(word).toLowerCase();
}

/** The text of each searchable field of a note, in the order the index names them. */
export function searchableFields(note: Note): Record<'body' | 'quote' | 'tags' | 'title' | 'entity', string> {
  return {
    body: note.body,
    quote: note.quote.exact,
    tags: note.tags.join(' '),
    title: note.title,
    entity: note.entity?.name ?? '',
  };
}

/** The distinct folded words of a text (empty ones left out). */
export function foldedWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of splitWords(text)) {
    const folded = foldWord(word);
    if (folded) words.add(folded);
  }
  return [...words];
}

/** The record the term index keeps for a note. */
export function noteTerms(note: Note): NoteTerms {
  return { id: note.id, terms: foldedWords(Object.values(searchableFields(note)).join('\n')) };
}

/**
 * The notes whose words match every word of `query` (a word of `PREFIX_MATCH_LENGTH` letters
 * or more as a prefix, a shorter one exactly), newest change first, at most `limit` of them.
 * `query` must have at least one word.
 */
export async function searchTerms(tx: TermsReadTransaction, query: string, limit: number): Promise<NotesPage> {
  const byTerm = tx.objectStore('noteTerms').index('terms');
  const idLists = await Promise.all(
    foldedWords(query).map((word) =>
      byTerm.getAllKeys(
        word.length >= PREFIX_MATCH_LENGTH ? IDBKeyRange.bound(word, `${word}\uffff`) : IDBKeyRange.only(word),
      ),
    ),
  );
  const hits = intersect(idLists);
  const notes = tx.objectStore('notes');
  let page: Note[];
  if (hits.size <= limit) {
    // Few enough to read them all and sort.
    const read = await Promise.all([...hits].map((id) => notes.get(id)));
    page = read.filter((note): note is Note => !!note).sort((a, b) => compare(b.modified, a.modified));
  } else {
    // Many: one read of every id in order of change beats reading each match to sort it.
    const newestFirst = (await notes.index('modified').getAllKeys()).reverse();
    const pageIds: string[] = [];
    for (const id of newestFirst) {
      if (!hits.has(id)) continue;
      pageIds.push(id);
      if (pageIds.length === limit) break;
    }
    page = (await Promise.all(pageIds.map((id) => notes.get(id)))).filter((note): note is Note => !!note);
  }
  return { notes: page, total: hits.size };
}

/** The ids in every list (a note matching a prefix through two of its words is listed twice). */
function intersect(lists: readonly string[][]): Set<string> {
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  let ids = new Set(shortest);
  for (const other of others) {
    const inOther = new Set(other);
    ids = new Set([...ids].filter((id) => inOther.has(id)));
  }
  return ids;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
