import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Note } from '../types';
import { ANNOTATION_CONTEXT, exportJsonLd, parseJsonLdImport } from './jsonld';

// ---- the W3C conformance schemas (tests/fixtures/w3c-annotation-model, see its README) ----

const SCHEMAS = join(import.meta.dirname, '../../../tests/fixtures/w3c-annotation-model');
const readJson = (path: string) => JSON.parse(readFileSync(join(SCHEMAS, path), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const file of readdirSync(join(SCHEMAS, 'definitions'))) ajv.addSchema(readJson(`definitions/${file}`));

/** The assertions a `.test` file lists, compiled; each returns the failures for one object. */
function musts(testFile: string) {
  const assertions = (readJson(testFile).assertions as string[]).map((path) => {
    // Two upstream files share a top-level id: compile without it.
    const { id: _id, ...schema } = readJson(path);
    return { path, expectValid: (schema.expectedResult ?? 'valid') === 'valid', message: schema.errorMessage as string, validate: ajv.compile(schema) };
  });
  return (value: unknown) =>
    assertions.filter(({ validate, expectValid }) => validate(value) !== expectValid).map(({ path, message }) => `${path}: ${message}`);
}
const annotationFailures = musts('annotations/annotationMusts.test');
const collectionFailures = musts('collections/collectionMusts.test');
const pageFailures = musts('collections/pages/pageMusts.test');

// ---- notes ----

const NOW = new Date('2026-11-25T12:00:00.000Z');

function note(overrides: Partial<Note> = {}): Note {
  return {
    id: 'urn:uuid:0b7f8a52-3d4e-4c1a-9f1e-2a3b4c5d6e7f',
    url: 'https://news.example/2026/11/harbour-vote',
    title: 'Harbour city votes to rebuild the old ferry terminal',
    quote: { type: 'TextQuoteSelector', exact: 'Helena Marsh', prefix: 'said the mayor, ', suffix: ', who had made the terminal' },
    position: { type: 'TextPositionSelector', start: 512, end: 524 },
    entity: { key: 'PER:helena marsh', name: 'Helena Marsh', type: 'PER' },
    body: 'She ran on this.\nCheck the 2019 budget.',
    tags: ['harbour', 'budget'],
    colour: 'green',
    created: '2026-11-20T09:15:00.000Z',
    modified: '2026-11-21T10:00:00.000Z',
    anchor: 'anchored',
    ...overrides,
  };
}

const notes: Note[] = [
  note(),
  // A highlight: no words, no tags, no entity, at the very start of the text.
  note({
    id: 'urn:uuid:1c8e9b63-4e5f-4d2b-8a2f-3b4c5d6e7f80',
    quote: { type: 'TextQuoteSelector', exact: 'Harbour city', prefix: '', suffix: ' votes to rebuild' },
    position: { type: 'TextPositionSelector', start: 0, end: 12 },
    entity: null,
    body: '',
    tags: [],
    colour: 'yellow',
    anchor: 'orphaned',
  }),
  // Another article, a non-ASCII address (percent-encoded, as canonical URLs are) and awkward text.
  note({
    id: 'urn:uuid:2d9fac74-5f60-4e3c-9b30-4c5d6e7f8091',
    url: 'https://nouvelles.example/march%C3%A9/%C3%A9lection?id=3',
    title: 'Élection: « 3,9 millions » <b>',
    quote: { type: 'TextQuoteSelector', exact: '3,9 millions\n\nde réfugiés "quotes" & <script>', prefix: 'près de ', suffix: '' },
    position: { type: 'TextPositionSelector', start: 40, end: 82 },
    entity: { key: 'ORG:hcr', name: 'HCR', type: 'ORG' },
    body: 'Only tags here? No: a body *with* markup [x](y).',
    tags: ['réfugiés'],
    colour: 'purple',
    created: '2026-10-01T08:00:00.000+02:00',
    modified: '2026-10-01T08:00:00.000+02:00',
  }),
];

/** The annotations of an export. */
function exportedAnnotations(text: string): Record<string, unknown>[] {
  return JSON.parse(text).first.items;
}

/** An export of `notes` with `change` applied to the annotation at `index` (0-based). */
function exportWith(index: number, change: (annotation: Record<string, any>) => void): string {
  const collection = JSON.parse(exportJsonLd(notes, NOW));
  change(collection.first.items[index]);
  return JSON.stringify(collection);
}

describe('exportJsonLd', () => {
  const exported = exportJsonLd(notes, NOW);

  it('writes annotations that pass every MUST assertion of the W3C conformance schemas', () => {
    const annotations = exportedAnnotations(exported);
    expect(annotations).toHaveLength(3);
    for (const annotation of annotations) expect(annotationFailures(annotation)).toEqual([]);
  });

  it('writes a collection and an embedded page that pass the collection and page MUST assertions', () => {
    const collection = JSON.parse(exported);
    expect(collectionFailures(collection)).toEqual([]);
    expect(pageFailures(collection.first)).toEqual([]);
    expect(pageFailures(collection)).toEqual([]);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, generated: NOW.toISOString() });
    const empty = JSON.parse(exportJsonLd([], NOW));
    expect(empty.total).toBe(0);
    expect(collectionFailures(empty)).toEqual([]);
  });

  it('the schemas do catch a broken annotation (the check is not vacuous)', () => {
    const [annotation] = exportedAnnotations(exported);
    expect(annotationFailures({ ...annotation, '@context': 'http://example.com/ctx' })).not.toEqual([]);
    expect(annotationFailures({ ...annotation, created: 'yesterday' })).not.toEqual([]);
    const target = annotation!.target as { selector: Record<string, unknown>[] };
    const noExact = { ...annotation, target: { ...target, selector: [{ type: 'TextQuoteSelector', prefix: 'a' }] } };
    expect(annotationFailures(noExact).some((failure) => failure.includes('textQuoteSelectorValid'))).toBe(true);
  });

  it('says what the model says: motivation, textual and tagging bodies, selectors, Gloss keys', () => {
    const [commented, highlight] = exportedAnnotations(exported);
    expect(commented).toEqual({
      '@context': [ANNOTATION_CONTEXT, { gloss: 'https://gloss.invalid/ns#' }],
      id: notes[0]!.id,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-11-20T09:15:00.000Z',
      modified: '2026-11-21T10:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'She ran on this.\nCheck the 2019 budget.', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'harbour', purpose: 'tagging' },
        { type: 'TextualBody', value: 'budget', purpose: 'tagging' },
      ],
      target: {
        source: 'https://news.example/2026/11/harbour-vote',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Helena Marsh', prefix: 'said the mayor, ', suffix: ', who had made the terminal' },
          { type: 'TextPositionSelector', start: 512, end: 524 },
        ],
      },
      'gloss:title': 'Harbour city votes to rebuild the old ferry terminal',
      'gloss:colour': 'green',
      'gloss:entity': { key: 'PER:helena marsh', name: 'Helena Marsh', type: 'PER' },
    });
    expect(highlight).toMatchObject({ motivation: 'highlighting' });
    expect(highlight).not.toHaveProperty('body');
    expect(highlight).not.toHaveProperty('gloss:entity');
    expect(highlight).not.toHaveProperty('anchor');
  });
});

describe('parseJsonLdImport', () => {
  it('gives back exactly the notes exported, with their anchor state reset', () => {
    const parsed = parseJsonLdImport(exportJsonLd(notes, NOW), NOW);
    expect(parsed).toEqual({ notes: notes.map((n) => ({ ...n, anchor: 'unknown' })) });
  });

  it('reads an empty export, a bare page, a single annotation and a plain list', () => {
    expect(parseJsonLdImport(exportJsonLd([], NOW))).toEqual({ notes: [] });
    const annotations = exportedAnnotations(exportJsonLd(notes, NOW));
    const expected = notes.map((n) => ({ ...n, anchor: 'unknown' }));
    expect(parseJsonLdImport(JSON.stringify({ type: 'AnnotationPage', items: annotations }))).toEqual({ notes: expected });
    expect(parseJsonLdImport(JSON.stringify(annotations[0]))).toEqual({ notes: [expected[0]] });
    expect(parseJsonLdImport(JSON.stringify(annotations))).toEqual({ notes: expected });
  });

  it('reads another tool\'s annotation that quotes text, without position or Gloss keys', () => {
    const foreign = {
      '@context': ANNOTATION_CONTEXT,
      id: 'https://annotations.example/a/Xy12',
      type: 'Annotation',
      bodyValue: 'Worth checking.',
      body: [{ type: 'TextualBody', value: 'ferries', purpose: 'tagging' }, 'https://example.com/image.png'],
      target: [
        'https://news.example/other',
        { source: 'https://news.example/2026/11/harbour-vote?utm_source=feed#top', selector: { type: 'TextQuoteSelector', exact: 'the ferry terminal' } },
      ],
    };
    expect(parseJsonLdImport(JSON.stringify(foreign), NOW)).toEqual({
      notes: [
        {
          id: 'https://annotations.example/a/Xy12',
          url: 'https://news.example/2026/11/harbour-vote',
          title: '',
          quote: { type: 'TextQuoteSelector', exact: 'the ferry terminal', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 0 },
          entity: null,
          body: 'Worth checking.',
          tags: ['ferries'],
          colour: 'yellow',
          created: NOW.toISOString(),
          modified: NOW.toISOString(),
          anchor: 'unknown',
        },
      ],
    });
  });

  it('rejects a malformed file with a message that names what is wrong and where, importing nothing', () => {
    const cases: [string, string][] = [
      ['', 'the file is empty.'],
      ['{"type": "AnnotationCollection", ', 'the file is not JSON ('],
      ['42', 'the file is not a JSON object or list.'],
      ['{"type": "Note"}', 'the file is not a W3C Web Annotation collection, page, annotation or list of annotations.'],
      ['{"type": "AnnotationCollection", "first": "https://x.example/page1"}', 'the collection\'s pages are not in the file'],
      [exportWith(2, (a) => (a.target.selector = [a.target.selector[1]])), `annotation 3 (${notes[2]!.id}): target.selector has no TextQuoteSelector.`],
      [exportWith(2, (a) => delete a.target), `annotation 3 (${notes[2]!.id}): target is missing.`],
      [exportWith(1, (a) => (a.target.selector[0].exact = '')), `annotation 2 (${notes[1]!.id}): the TextQuoteSelector has no exact text.`],
      [exportWith(1, (a) => (a.target.selector[1].start = -1)), `annotation 2 (${notes[1]!.id}): the TextPositionSelector's start and end are not offsets`],
      [exportWith(0, (a) => (a.target.source = 'ftp://files.example/x')), `annotation 1 (${notes[0]!.id}): target.source is not a web address (http or https).`],
      [exportWith(0, (a) => delete a.id), 'annotation 1 has no id, or its id is not an IRI.'],
      [exportWith(2, (a) => (a.id = notes[0]!.id)), `annotation 3 (${notes[0]!.id}) has the same id as annotation 1.`],
      [exportWith(1, (a) => (a.type = 'Note')), `annotation 2 (${notes[1]!.id}): type is not "Annotation".`],
      [exportWith(0, (a) => (a.created = '20 Nov 2026')), `annotation 1 (${notes[0]!.id}): created is not a date-time with a time zone.`],
      [exportWith(0, (a) => (a['gloss:colour'] = 'red')), `annotation 1 (${notes[0]!.id}): gloss:colour is not one of yellow, green, blue, pink, purple.`],
      [exportWith(0, (a) => (a['gloss:entity'] = { name: 'x' })), `annotation 1 (${notes[0]!.id}): gloss:entity is not an entity`],
      [exportWith(0, (a) => (a.body[0].value = 7)), `annotation 1 (${notes[0]!.id}): body 1 is a TextualBody without a text value.`],
      [exportWith(0, (a) => (a.body[0].value = 'x'.repeat(20_001))), `annotation 1 (${notes[0]!.id}): note.body is longer than 20,000 characters.`],
      [exportWith(0, (a) => (a['gloss:title'] = null)), `annotation 1 (${notes[0]!.id}): gloss:title is not text.`],
      [JSON.stringify({ type: 'AnnotationCollection', total: 5, first: { type: 'AnnotationPage', items: [] } }), 'the collection says it has 5 annotations but the file holds 0.'],
      [JSON.stringify([exportedAnnotations(exportJsonLd(notes, NOW))[0], null]), 'annotation 2 is not a JSON object.'],
    ];
    for (const [text, message] of cases) {
      const parsed = parseJsonLdImport(text, NOW);
      expect(parsed, message).not.toHaveProperty('notes');
      expect((parsed as { error: string }).error.startsWith(message), `${(parsed as { error: string }).error} should start with ${message}`).toBe(true);
    }
  });
});
