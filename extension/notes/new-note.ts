/**
 * Making a Note from what the reader selected (or an entity's mention) in the article text, and
 * the small rules the editor applies to what the reader typed. Offsets are article-text offsets.
 */
import { cleanUrl } from '../article/page-meta';
import { describeSpan } from './anchoring/describe';
import { MAX_TAG_LENGTH, MAX_TAGS } from './messages';
import type { Note, NoteColour, NoteEntity } from './types';

/** The key notes are filed under: the article's URL without tracking parameters and fragment, or null when it is not a web address. */
export function canonicalUrl(url: string | null | undefined): string | null {
  return cleanUrl(url);
}

/**
 * A random `urn:uuid:` (version 4). From `getRandomValues`, not `randomUUID`: content scripts on
 * plain-http pages are not a secure context, where `randomUUID` does not exist.
 */
export function newNoteId(random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What a new note is made from. */
export interface NewNoteInput {
  /** The article text (`Analysis.text`) and the span noted in it. */
  text: string;
  start: number;
  end: number;
  /** The article's canonical URL (see `canonicalUrl`) and title. */
  url: string;
  title: string;
  entity?: NoteEntity | null;
  body?: string;
  tags?: readonly string[];
  colour?: NoteColour;
  /** The time of creation (tests pass one). */
  now?: Date;
  id?: string;
}

/** The colour a note gets unless the reader picks another. */
export const DEFAULT_NOTE_COLOUR: NoteColour = 'yellow';

/**
 * A new note on `text.slice(start, end)`, or null when the span holds no text (a selection of
 * blank space). Leading and trailing white space is left out of the span.
 */
export function newNote(input: NewNoteInput): Note | null {
  const { text } = input;
  let start = Math.max(0, Math.min(input.start, input.end));
  let end = Math.min(text.length, Math.max(input.start, input.end));
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (start === end) return null;
  const { quote, position } = describeSpan(text, start, end);
  const created = (input.now ?? new Date()).toISOString();
  return {
    id: input.id ?? newNoteId(),
    url: input.url,
    title: input.title,
    quote,
    position,
    entity: input.entity ?? null,
    body: input.body ?? '',
    tags: normaliseTags(input.tags ?? []),
    colour: input.colour ?? DEFAULT_NOTE_COLOUR,
    created,
    modified: created,
    anchor: 'anchored',
  };
}

/** `note` with the reader's edits and a new modified time. */
export function editedNote(note: Note, edits: Partial<Pick<Note, 'body' | 'tags' | 'colour'>>, now = new Date()): Note {
  return {
    ...note,
    ...edits,
    tags: normaliseTags(edits.tags ?? note.tags),
    modified: now.toISOString(),
  };
}

/** Tags as typed in one field: "war, Ukraine; refugees" → ["war", "Ukraine", "refugees"]. */
export function parseTags(typed: string): string[] {
  return normaliseTags(typed.split(/[,;]/));
}

/** Tags trimmed, inner white space collapsed, without empty ones or repeats (ignoring case), at most `MAX_TAGS` of `MAX_TAG_LENGTH` characters. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags) {
    const clean = tag.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH);
    const folded = clean.toLowerCase();
    if (!clean || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(clean);
  }
  return kept.slice(0, MAX_TAGS);
}
