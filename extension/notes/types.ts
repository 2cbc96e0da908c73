/**
 * The reader's notes and memory, as Gloss stores them (see issue 5). A note is a W3C Web
 * Annotation in spirit: its target is the article's canonical URL with a TextQuote and a
 * TextPosition selector. Offsets and quotes are in the coordinates of the article text
 * (`ArticleText.text`, what `findArticle` reads), not of the whole page: that text is what
 * Gloss analyses and maps back to the page's live text nodes, and it leaves out the page's
 * ads and menus, so a changed ad does not move a note.
 */
import type { EntityType } from '../analysis/types';

/** W3C TextQuoteSelector: the quoted text with up to 32 characters either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: UTF-16 offsets into the article text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type NoteSelector = TextQuoteSelector | TextPositionSelector;

/** The colours a reader can give a note (names, not CSS: the UI maps them to its palette). */
export const NOTE_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];

/** The named entity a note is on, when it is on one. */
export interface NoteEntity {
  /** `entityKey(type, name)`: the same key as in the entity index. */
  key: string;
  name: string;
  type: EntityType;
}

/** Where a note last attached: set by the page after re-anchoring, never exported. */
export type AnchorState = 'anchored' | 'orphaned' | 'unknown';

export interface Note {
  /** `urn:uuid:…`, stable across export and import. */
  id: string;
  /** The article's canonical URL (tracking parameters and fragment removed, see `canonicalUrl`). */
  url: string;
  /** The article's title when the note was made (shown in the library). */
  title: string;
  /** Exactly one TextQuoteSelector and one TextPositionSelector. */
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  entity: NoteEntity | null;
  /** The reader's text (plain text; never rendered as markup). */
  body: string;
  tags: string[];
  colour: NoteColour;
  /** ISO 8601 date-times. */
  created: string;
  modified: string;
  anchor: AnchorState;
  /**
   * Other texts this note was given on another device at the same time, that sync could not
   * merge with this one: shown to the reader to choose from. Absent when none; at most
   * `MAX_CONFLICTS`, the newest.
   */
  conflicts?: NoteConflict[];
}

/**
 * The most texts kept beside a note. More would be a runaway sync, not readers' edits (twenty
 * devices editing one note offline at once), so past it a merge keeps the newest.
 */
export const MAX_CONFLICTS = 20;

/** A text of a note kept beside the one shown, after concurrent edits that did not merge. */
export interface NoteConflict {
  body: string;
  /** The device that wrote it (its sync name). */
  device: string;
  modified: string;
}

/** An article Gloss analysed. */
export interface ArticleRecord {
  url: string;
  title: string;
  /** Published date from the page (ISO), or null. */
  published: string | null;
  outlet: string | null;
  /** When the reader (last) opened it, ISO. */
  seen: string;
  /** `siteKey(url)`, for "forget this site". */
  site: string;
}

/** One figure the entity index keeps, with where and when it was stated. */
export interface RememberedFigure {
  /** "nearly 3.9 million Ukrainians" */
  text: string;
  value: number;
  unit: string | null;
  /** Who states it ("UN refugee agency"), or null for the outlet itself. */
  source: string | null;
  url: string;
  title: string;
  /** The article's published date, else the day it was seen (ISO). */
  date: string;
}

/** What the entity index keeps about one entity in one article. */
export interface EntityMention {
  /** `entityKey(type, name)` */
  key: string;
  name: string;
  type: EntityType;
  url: string;
  role: string | null;
  figures: RememberedFigure[];
  /** Names of the sources the article cites for this entity (its statements). */
  sources: string[];
}

/** The popover's "in N other articles you read": built from the index for one entity. */
export interface EntityMemory {
  key: string;
  articles: { url: string; title: string; published: string | null; outlet: string | null; role: string | null }[];
  figures: RememberedFigure[];
}
