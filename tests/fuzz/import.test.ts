/**
 * Fuzzing the notes importer (issue 8, item 6): `parseJsonLdImport` reads files a reader picks,
 * from Gloss or from other tools, whole or damaged. On random JSON and on mutated exports it
 * never throws; it returns notes that each pass `noteProblem`, or an error saying why; and an
 * import that fails leaves the reader's store as it was (all or nothing).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createNotesBackground } from '../../extension/background/notes';
import { exportJsonLd, parseJsonLdImport } from '../../extension/notes/export/jsonld';
import { noteProblem } from '../../extension/notes/messages';
import { NOTE_COLOURS, type Note } from '../../extension/notes/types';
import { defaultSettings, ENTITY_TYPES } from '../../extension/settings/settings';
import { openStore } from '../../extension/store/store';
import type { GlossStore } from '../../extension/store/types';
import { applyEdits, applyJsonEdits, jsonEdits, runs, stringEdits } from './fuzz';

const NOW = new Date('2026-03-05T12:00:00Z');

/** A date between 2000 and 2100 as ISO text. */
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** Notes as the store holds them. */
const noteArb: fc.Arbitrary<Note> = fc
  .record({
    id: fc.uuid().map((uuid) => `urn:uuid:${uuid}`),
    url: fc.constantFrom('https://news.example/a', 'http://example.org/b?x=1', 'https://ex.example/%C3%BC/%20'),
    title: fc.string({ maxLength: 30 }),
    exact: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    prefix: fc.string({ maxLength: 20 }),
    suffix: fc.string({ maxLength: 20 }),
    start: fc.nat({ max: 100_000 }),
    length: fc.nat({ max: 1_000 }),
    entity: fc.option(fc.record({ key: fc.string({ maxLength: 20 }), name: fc.string({ maxLength: 20 }), type: fc.constantFrom(...ENTITY_TYPES) })),
    body: fc.string({ unit: 'binary', maxLength: 100 }),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }).filter((tag) => tag.trim() === tag && tag !== ''), { maxLength: 5 }),
    colour: fc.constantFrom(...NOTE_COLOURS),
    created: isoDate,
    modified: isoDate,
  })
  .map(({ exact, prefix, suffix, start, length, ...rest }) => ({
    ...rest,
    quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
    position: { type: 'TextPositionSelector' as const, start, end: start + length },
    anchor: 'unknown' as const,
  }));

const notesArb = fc.uniqueArray(noteArb, { minLength: 1, maxLength: 5, selector: (note) => note.id });

/** The importer's contract on any text: no throw; notes that are notes, or a reasoned error. */
function checkImport(text: string): { notes: Note[] } | { error: string } {
  const result = parseJsonLdImport(text, NOW);
  if ('error' in result) {
    expect(typeof result.error).toBe('string');
    expect(result.error.trim()).not.toBe('');
    expect('notes' in result).toBe(false);
  } else {
    for (const note of result.notes) expect(noteProblem(note), JSON.stringify(note)).toBeNull();
    expect(new Set(result.notes.map((note) => note.id)).size).toBe(result.notes.length);
  }
  return result;
}

/** A file's text turned into bytes and back as a careless tool might: cut, spliced, doubled. */
const textEdits = stringEdits(fc.constantFrom('{', '}', '[', ']', ',', '"', '\\', '\u0000', '\uD800', 'null', '"id":', '"type":"Annotation"'), 3);

describe('parseJsonLdImport on random and damaged files', () => {
  it('reads its own exports back exactly (the control for the damaged ones)', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const result = checkImport(exportJsonLd(notes, NOW));
        expect(result).toEqual({ notes });
      }),
      runs(100),
    );
  });

  it('never throws on random JSON, or on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => void checkImport(text)),
      runs(300),
    );
  });

  it('never throws on exports with fields dropped, renamed or of the wrong type', () => {
    fc.assert(
      fc.property(notesArb, jsonEdits(), (notes, edits) => {
        const file = applyJsonEdits(JSON.parse(exportJsonLd(notes, NOW)), edits);
        checkImport(JSON.stringify(file));
      }),
      runs(300),
    );
  });

  it('never throws on exports cut off or spliced as text', () => {
    fc.assert(fc.property(notesArb, textEdits, (notes, edits) => void checkImport(applyEdits(exportJsonLd(notes, NOW), edits))), runs(200));
  });

  it('refuses a file in which two annotations share an id, naming both', () => {
    fc.assert(
      fc.property(notesArb, fc.nat(), fc.nat(), (notes, from, to) => {
        fc.pre(notes.length > 1);
        const a = from % notes.length;
        const b = to % notes.length;
        fc.pre(a !== b);
        const withTwin = notes.map((note, index) => (index === b ? { ...note, id: notes[a]!.id } : note));
        const result = checkImport(exportJsonLd(withTwin, NOW));
        expect(result).toEqual({ error: expect.stringContaining(`has the same id as annotation ${Math.min(a, b) + 1}`) });
      }),
      runs(50),
    );
  });
});

describe('importing a damaged file into the store', () => {
  const opened: GlossStore[] = [];
  afterAll(() => opened.forEach((store) => store.close()));
  let databases = 0;

  /** The background's notes half on a store of its own holding `notes`. */
  async function backgroundWith(notes: readonly Note[]) {
    const store = await openStore({ name: `fuzz-import-${++databases}` });
    opened.push(store);
    await store.importNotes(notes);
    const background = createNotesBackground({
      openStore: async () => store,
      settings: async () => defaultSettings(),
      tabs: { create: async () => undefined, focus: async () => {}, show: async () => false },
      now: () => NOW,
    });
    return { store, background };
  }

  const byId = (notes: Note[]) => [...notes].sort((a, b) => a.id.localeCompare(b.id));

  it('is all or nothing: a refused file leaves every note as it was; an accepted one lands whole', async () => {
    const outcomes = { refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(notesArb, notesArb, jsonEdits(2), async (stored, incoming, edits) => {
        const { store, background } = await backgroundWith(stored);
        const before = byId(await store.allNotes());
        // Some of the incoming notes replace stored ones, so a partial import would show.
        const overlapping = incoming.map((note, index) => (index % 2 === 0 && stored[index] ? { ...note, id: stored[index]!.id } : note));
        const text = JSON.stringify(applyJsonEdits(JSON.parse(exportJsonLd(overlapping, NOW)), edits));
        const parsed = parseJsonLdImport(text, NOW);
        const reply = await background.answer({ type: 'gloss:notes:import', text });
        const after = byId(await store.allNotes());
        outcomes['error' in parsed ? 'refused' : 'accepted']++;
        if ('error' in parsed) {
          expect(reply).toEqual({ ok: false, error: `Nothing was imported: ${parsed.error}` });
          expect(after).toEqual(before);
        } else {
          expect(reply.ok).toBe(true);
          for (const note of parsed.notes) {
            const { anchor: _anchor, ...saved } = (await store.getNote(note.id))!;
            const { anchor: _ignored, ...wanted } = note;
            expect(saved).toEqual(wanted);
          }
        }
      }),
      runs(40),
    );
    // Both sides of the property were exercised.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted).toBeGreaterThan(0);
  });
});
