import { describe, expect, it } from 'vitest';
import { readBackgroundRequest } from '../messages';
import { makeArticle, makeNote } from '../store/test-notes';
import {
  isArticlesReply,
  isDoneReply,
  isExportReply,
  isImportReply,
  isLibraryReply,
  isMemoryReply,
  isNoteReply,
  isNotesForPageReply,
  MAX_NOTE_BODY,
  noteProblem,
  readNotesContentRequest,
  readNotesRequest,
} from './messages';

const note = makeNote({ id: 'urn:uuid:1' });

describe('noteProblem', () => {
  it('accepts a note and names the first thing wrong with anything else', () => {
    expect(noteProblem(note)).toBeNull();
    expect(noteProblem({ ...note, entity: { key: 'LOC:mariupol', name: 'Mariupol', type: 'LOC' } })).toBeNull();
    expect(noteProblem('note')).toBe('note is not an object');
    expect(noteProblem({ ...note, id: '' })).toBe('note.id is not a non-empty string');
    expect(noteProblem({ ...note, url: 'javascript:alert(1)' })).toBe('note.url is not a web address');
    expect(noteProblem({ ...note, quote: { ...note.quote, exact: '' } })).toBe('note.quote.exact is empty');
    expect(noteProblem({ ...note, quote: { exact: 'x' } })).toBe('note.quote.type is missing');
    expect(noteProblem({ ...note, position: { ...note.position, start: 9, end: 3 } })).toBe('note.position ends before it starts');
    expect(noteProblem({ ...note, entity: { key: 'x', name: 'x', type: 'CITY' } })).toBe('note.entity.type is not one of PER, ORG, LOC, MISC');
    expect(noteProblem({ ...note, body: 3 })).toBe('note.body is not a string');
    expect(noteProblem({ ...note, body: 'x'.repeat(MAX_NOTE_BODY + 1) })).toBe('note.body is longer than 20,000 characters');
    expect(noteProblem({ ...note, tags: [1] })).toBe('note.tags.0 is not a string');
    expect(noteProblem({ ...note, tags: Array(21).fill('t') })).toBe('note.tags has more than 20 tags');
    expect(noteProblem({ ...note, entity: 'Kyiv' })).toBe('note.entity is not an object or null');
    expect(noteProblem({ ...note, colour: 'red' })).toBe('note.colour is not one of yellow, green, blue, pink, purple');
    expect(noteProblem({ ...note, created: 'yesterday' })).toBe('note.created is not a date-time');
    expect(noteProblem({ ...note, anchor: 'lost' })).toBe('note.anchor is not anchored, orphaned or unknown');
  });
});

describe('readNotesRequest', () => {
  it('keeps the texts of a sync conflict through a save, and refuses malformed ones', () => {
    const conflicts = [{ body: 'the other text', device: 'firefox-1', modified: '2026-11-25T10:00:00.000Z' }];
    expect(readNotesRequest({ type: 'gloss:notes:save', note: { ...note, conflicts: [{ ...conflicts[0], extra: 1 }] } })).toEqual({
      type: 'gloss:notes:save',
      note: { ...note, conflicts },
    });
    expect(readNotesRequest({ type: 'gloss:notes:save', note: { ...note, conflicts: [{ body: 3 }] } })).toEqual({
      error: 'gloss:notes:save: note.conflicts.0.body is not a string',
    });
  });

  it('reads each request, keeping only the fields it knows', () => {
    expect(readNotesRequest({ type: 'gloss:notes:for-page', url: note.url })).toEqual({ type: 'gloss:notes:for-page', url: note.url });
    expect(readNotesRequest({ type: 'gloss:notes:save', note: { ...note, extra: '<script>' } })).toEqual({ type: 'gloss:notes:save', note });
    expect(readNotesRequest({ type: 'gloss:notes:delete', id: 'a' })).toEqual({ type: 'gloss:notes:delete', id: 'a' });
    expect(readNotesRequest({ type: 'gloss:notes:open', id: 'a' })).toEqual({ type: 'gloss:notes:open', id: 'a' });
    expect(readNotesRequest({ type: 'gloss:notes:anchor-states', states: [{ id: 'a', anchor: 'orphaned', x: 1 }] })).toEqual({
      type: 'gloss:notes:anchor-states',
      states: [{ id: 'a', anchor: 'orphaned' }],
    });
    expect(readNotesRequest({ type: 'gloss:notes:library', query: 'war', limit: 50 })).toEqual({ type: 'gloss:notes:library', query: 'war', limit: 50 });
    expect(readNotesRequest({ type: 'gloss:notes:clear' })).toEqual({ type: 'gloss:notes:clear' });
    expect(readNotesRequest({ type: 'gloss:notes:export', format: 'markdown' })).toEqual({ type: 'gloss:notes:export', format: 'markdown' });
    expect(readNotesRequest({ type: 'gloss:notes:import', text: '{}' })).toEqual({ type: 'gloss:notes:import', text: '{}' });
    expect(readNotesRequest({ type: 'gloss:memory:for', url: note.url, keys: ['LOC:mariupol'] })).toEqual({ type: 'gloss:memory:for', url: note.url, keys: ['LOC:mariupol'] });
    expect(readNotesRequest({ type: 'gloss:memory:articles' })).toEqual({ type: 'gloss:memory:articles' });
    expect(readNotesRequest({ type: 'gloss:memory:forget', site: null })).toEqual({ type: 'gloss:memory:forget', site: null });
    expect(readNotesRequest({ type: 'gloss:memory:forget', site: 'news.example' })).toEqual({ type: 'gloss:memory:forget', site: 'news.example' });
  });

  it('says in plain words what is wrong with a malformed request', () => {
    expect(readNotesRequest({ type: 'gloss:notes:for-page', url: 'file:///etc/passwd' })).toEqual({ error: 'gloss:notes:for-page: url is not a web address' });
    expect(readNotesRequest({ type: 'gloss:notes:save', note: { ...note, colour: 'red' } })).toEqual({
      error: 'gloss:notes:save: note.colour is not one of yellow, green, blue, pink, purple',
    });
    expect(readNotesRequest({ type: 'gloss:notes:delete' })).toEqual({ error: 'gloss:notes:delete: id is missing' });
    expect(readNotesRequest({ type: 'gloss:notes:delete', id: '' })).toEqual({ error: 'gloss:notes:delete: id is not a non-empty string' });
    expect(readNotesRequest({ type: 'gloss:notes:anchor-states', states: [{ id: 'a', anchor: 'x' }] })).toEqual({
      error: 'gloss:notes:anchor-states: states.0.anchor is not anchored, orphaned or unknown',
    });
    expect(readNotesRequest({ type: 'gloss:notes:library', query: 'x', limit: 0 })).toEqual({ error: 'gloss:notes:library: limit is not a whole number from 1 to 10000' });
    expect(readNotesRequest({ type: 'gloss:notes:export', format: 'pdf' })).toEqual({ error: 'gloss:notes:export: format is not jsonld or markdown' });
    expect(readNotesRequest({ type: 'gloss:notes:import', text: null })).toEqual({ error: 'gloss:notes:import: text is not a string' });
    expect(readNotesRequest({ type: 'gloss:memory:for', url: note.url, keys: 'LOC:x' })).toEqual({ error: 'gloss:memory:for: keys is not a list' });
    expect(readNotesRequest({ type: 'gloss:memory:forget', site: '' })).toEqual({ error: 'gloss:memory:forget: site is empty' });
  });

  it('leaves other messages alone', () => {
    expect(readNotesRequest({ type: 'gloss:analyse' })).toBeNull();
    expect(readNotesRequest('gloss:notes:clear')).toBeNull();
    expect(readNotesRequest(null)).toBeNull();
  });
});

describe('readNotesContentRequest', () => {
  it('reads the requests the background sends to a page', () => {
    expect(readNotesContentRequest({ type: 'gloss:notes:add-here' })).toEqual({ type: 'gloss:notes:add-here' });
    expect(readNotesContentRequest({ type: 'gloss:notes:show', id: 'a' })).toEqual({ type: 'gloss:notes:show', id: 'a' });
    expect(readNotesContentRequest({ type: 'gloss:notes:show' })).toBeNull();
    expect(readNotesContentRequest({ type: 'gloss:notes:save', note })).toBeNull();
  });
});

describe('reply guards', () => {
  const failure = { ok: false, error: 'Your browser’s storage for Gloss is full' };

  it('accept the right replies and failures, and turn away anything else', () => {
    for (const guard of [isNotesForPageReply, isNoteReply, isDoneReply, isLibraryReply, isExportReply, isImportReply, isMemoryReply, isArticlesReply]) {
      expect(guard(failure)).toBe(true);
      expect(guard({ ok: false })).toBe(false);
      expect(guard(undefined)).toBe(false);
    }
    expect(isNotesForPageReply({ ok: true, notes: [note], show: null })).toBe(true);
    expect(isNotesForPageReply({ ok: true, notes: ['note'], show: null })).toBe(false);
    expect(isNotesForPageReply({ ok: true, notes: [note], show: 3 })).toBe(false);
    expect(isNoteReply({ ok: true, note: null })).toBe(true);
    expect(isNoteReply({ ok: true, note })).toBe(true);
    expect(isLibraryReply({ ok: true, notes: [note], total: 1 })).toBe(true);
    expect(isLibraryReply({ ok: true, notes: [note] })).toBe(false);
    expect(isExportReply({ ok: true, filename: 'a.md', mime: 'text/markdown', text: '' })).toBe(true);
    expect(isImportReply({ ok: true, added: 1, updated: 0, unchanged: 2 })).toBe(true);
    expect(isImportReply({ ok: true, added: -1, updated: 0, unchanged: 2 })).toBe(false);
    expect(isLibraryReply({ ok: true, notes: [{ ...note, body: 1 }], total: 1 })).toBe(false);
    const memory = { key: 'LOC:mariupol', articles: [{ url: note.url, title: 'T', published: null, outlet: null, role: null }], figures: [] };
    expect(isMemoryReply({ ok: true, memory: [memory] })).toBe(true);
    expect(isMemoryReply({ ok: true, memory: [{ ...memory, articles: 'x' }] })).toBe(false);
    expect(isArticlesReply({ ok: true, articles: [makeArticle(note.url, '2026-03-01T10:00:00.000Z')] })).toBe(true);
    expect(isArticlesReply({ ok: true, articles: [{ url: note.url, site: 'news.example' }] })).toBe(false);
  });
});

describe('the analyse request', () => {
  const article = { text: 'Hello Kyiv', title: 'Hello', lang: 'en', blocks: [{ start: 0, end: 10 }], links: [] };

  it('carries the page’s published date and outlet when given, for the reader’s memory', () => {
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: null, published: '2022-03-29', outlet: null })).toEqual({
      type: 'gloss:analyse',
      article,
      url: null,
      published: '2022-03-29',
      outlet: null,
    });
    expect(readBackgroundRequest({ type: 'gloss:analyse', article, url: null, outlet: 5 })).toEqual({ error: 'gloss:analyse: outlet is not a string or null' });
  });
});
