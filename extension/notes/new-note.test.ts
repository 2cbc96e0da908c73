import { describe, expect, it } from 'vitest';
import { noteProblem } from './messages';
import { canonicalUrl, editedNote, newNote, newNoteId, normaliseTags, parseTags } from './new-note';

const TEXT = 'Headline\n\nAbout 160,000 people are still stuck there, according to Mayor Vadim Boichenko.';
const URL = 'https://news.example/mariupol';
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

describe('newNote', () => {
  it('makes a valid note on a span, with both selectors in article-text coordinates', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const note = newNote({ text: TEXT, ...at('160,000 people'), url: URL, title: 'Mariupol', body: 'Check', tags: ['refugees'], now })!;
    expect(noteProblem(note)).toBeNull();
    expect(note).toMatchObject({
      url: URL,
      title: 'Mariupol',
      quote: { type: 'TextQuoteSelector', exact: '160,000 people', prefix: 'Headline\n\nAbout ', suffix: ' are still stuck there, accordin' },
      position: { type: 'TextPositionSelector', ...at('160,000 people') },
      entity: null,
      body: 'Check',
      tags: ['refugees'],
      colour: 'yellow',
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-01T10:00:00.000Z',
      anchor: 'anchored',
    });
    expect(note.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('leaves white space at either end out of the span, and makes no note on blank space', () => {
    const { start, end } = at(' 160,000 people ');
    expect(newNote({ text: TEXT, start, end, url: URL, title: '' })!.quote.exact).toBe('160,000 people');
    expect(newNote({ text: TEXT, start: 8, end: 10, url: URL, title: '' })).toBeNull();
    expect(newNote({ text: TEXT, start: 5, end: 5, url: URL, title: '' })).toBeNull();
  });

  it('keeps the entity a note is on', () => {
    const entity = { key: 'PER:vadim boichenko', name: 'Vadim Boichenko', type: 'PER' as const };
    expect(newNote({ text: TEXT, ...at('Vadim Boichenko'), url: URL, title: '', entity })!.entity).toEqual(entity);
  });
});

describe('editedNote', () => {
  it('changes text, tags and colour and the modified time only', () => {
    const note = newNote({ text: TEXT, ...at('160,000'), url: URL, title: '', now: new Date('2026-03-01T10:00:00Z') })!;
    const edited = editedNote(note, { body: 'New', tags: [' a ', 'A', 'b'], colour: 'green' }, new Date('2026-03-02T10:00:00Z'));
    expect(edited).toEqual({ ...note, body: 'New', tags: ['a', 'b'], colour: 'green', modified: '2026-03-02T10:00:00.000Z' });
  });
});

describe('tags', () => {
  it('reads a typed list, trimming, collapsing spaces and dropping repeats whatever their case', () => {
    expect(parseTags('war,  Ukraine ; refugees,, ukraine, human   rights')).toEqual(['war', 'Ukraine', 'refugees', 'human rights']);
    expect(parseTags('   ')).toEqual([]);
  });

  it('keeps at most 20 tags of 60 characters', () => {
    expect(normaliseTags(Array.from({ length: 30 }, (_, i) => `t${i}`))).toHaveLength(20);
    expect(normaliseTags(['x'.repeat(100)])).toEqual(['x'.repeat(60)]);
  });
});

describe('ids and URLs', () => {
  it('makes distinct version-4 ids from getRandomValues', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newNoteId()));
    expect(ids.size).toBe(100);
    const zeros = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => array };
    expect(newNoteId(zeros as Pick<Crypto, 'getRandomValues'>)).toBe('urn:uuid:00000000-0000-4000-8000-000000000000');
  });

  it('files notes under the URL without tracking parameters and fragment', () => {
    expect(canonicalUrl('https://news.example/a?utm_source=x&id=3#comments')).toBe('https://news.example/a?id=3');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl(null)).toBeNull();
  });
});
