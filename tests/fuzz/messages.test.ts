/**
 * Fuzzing the message readers (issue 8, item 6): every message a Gloss page, the popup or a
 * content script sends is read by one of these before anything acts on it, and a compromised
 * page context may send anything. On any value they never throw; they answer null (not ours),
 * an error with a message, or a request that reads back as itself (its shape re-validates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackgroundRequest, readContentRequest } from '../../extension/messages';
import { readNotesContentRequest, readNotesRequest } from '../../extension/notes/messages';
import { ENTITY_TYPES } from '../../extension/settings/settings';
import { makeNote } from '../../extension/store/test-notes';
import { readSyncRequest } from '../../extension/sync/messages';
import { LOOKUP_MESSAGE, PLACE_MESSAGE, readLookupRequest, readPlaceFactsRequest } from '../../extension/wikipedia/messages';
import { applyJsonEdits, jsonEdits, runs } from './fuzz';

/** Any value a structured clone can carry, with the odd kinds switched on. */
const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

const TYPES = [
  'gloss:find-article', 'gloss:analyse', 'gloss:last-analysis', 'gloss:show-entity', 'gloss:page-info',
  'gloss:notes:for-page', 'gloss:notes:save', 'gloss:notes:delete', 'gloss:notes:anchor-states', 'gloss:notes:library',
  'gloss:notes:open', 'gloss:notes:clear', 'gloss:notes:export', 'gloss:notes:import', 'gloss:memory:for',
  'gloss:memory:articles', 'gloss:memory:forget', 'gloss:notes:add-here', 'gloss:notes:show',
  LOOKUP_MESSAGE, PLACE_MESSAGE, 'gloss:sync:configure', 'gloss:sync:status', 'gloss:sync:now', 'gloss:sync:disconnect',
  'gloss:unknown', '',
];

const FIELDS = [
  'html', 'url', 'article', 'published', 'outlet', 'tabId', 'entityId', 'note', 'id', 'states', 'query', 'limit', 'format',
  'text', 'keys', 'site', 'context', 'pageUrl', 'name', 'remote', 'passphrase', 'createNew', '__proto__', 'constructor',
];

/** Values near the valid ones, so the readers' deeper checks are reached, not only the first. */
const plausible = fc.oneof(
  fc.constantFrom('https://news.example/a', 'http://127.0.0.1:1/', 'javascript:alert(1)', 'not a url', '', ' ', 'jsonld', 'markdown', 'en', 'x'.repeat(600)),
  fc.constantFrom(0, -1, 1, 1.5, 10_000, 10_001, Number.NaN, Number.MAX_SAFE_INTEGER, null, undefined, true, false),
  fc.constantFrom(...ENTITY_TYPES),
  fc.constant(makeNote({ id: 'urn:uuid:11111111-1111-4111-8111-111111111111' })),
  fc.record({ id: fc.string(), anchor: fc.constantFrom('anchored', 'orphaned', 'unknown', 'lost') }).map((state) => [state]),
  fc.record({ kind: fc.constantFrom('webdav', 'browser-sync', 'ftp'), url: fc.constantFrom('https://dav.example/g/', 'https://u:p@dav.example/', 'ftp://x'), username: fc.string(), appPassword: fc.string() }),
  fc.record({
    name: fc.string({ unit: 'binary' }),
    type: fc.constantFrom(...ENTITY_TYPES, 'X'),
    role: fc.option(fc.string()),
    aliases: fc.array(fc.string(), { maxLength: 3 }),
    nearby: fc.array(fc.string(), { maxLength: 3 }),
    lang: fc.constantFrom('en', 'fr', 'EN', 'eng', '1'),
  }),
  fc.record({
    text: fc.string(),
    title: fc.string(),
    lang: fc.string(),
    blocks: fc.array(fc.record({ start: fc.integer({ min: -2, max: 20 }), end: fc.integer({ min: -2, max: 20 }) }), { maxLength: 3 }),
    links: fc.array(fc.record({ start: fc.nat(9), end: fc.nat(9), href: fc.string(), text: fc.string() }), { maxLength: 2 }),
  }),
  fc.array(fc.string(), { maxLength: 3 }),
  anyValue,
);

/** A message with one of Gloss's types and some of the fields the readers look at. */
const glossLike = fc
  .tuple(fc.constantFrom(...TYPES), fc.dictionary(fc.constantFrom(...FIELDS), plausible, { maxKeys: 6 }))
  .map(([type, fields]) => Object.assign(Object.create(null) as object, fields, { type }) as Record<string, unknown>)
  .map((message) => ({ ...message }));

/** One valid message of each kind, for the mutations below. */
const VALID: Record<string, unknown>[] = [
  { type: 'gloss:find-article', html: '<p>x</p>', url: 'https://news.example/a' },
  {
    type: 'gloss:analyse',
    article: { text: 'Kyiv', title: 'Kyiv', lang: 'en', blocks: [{ start: 0, end: 4 }], links: [{ start: 0, end: 4, href: 'https://k.example/', text: 'Kyiv' }] },
    url: null,
    published: null,
    outlet: 'Example News',
  },
  { type: 'gloss:last-analysis', tabId: 3 },
  { type: 'gloss:show-entity', entityId: 'e1' },
  { type: 'gloss:page-info' },
  { type: 'gloss:notes:for-page', url: 'https://news.example/a' },
  { type: 'gloss:notes:save', note: makeNote({ id: 'n1', entity: { key: 'Q1', name: 'Kyiv', type: 'LOC' }, conflicts: [{ body: 'b', device: 'd', modified: '2026-03-01T10:00:00.000Z' }] }) },
  { type: 'gloss:notes:delete', id: 'n1' },
  { type: 'gloss:notes:anchor-states', states: [{ id: 'n1', anchor: 'anchored' }] },
  { type: 'gloss:notes:library', query: 'kyiv', limit: 50 },
  { type: 'gloss:notes:open', id: 'n1' },
  { type: 'gloss:notes:clear' },
  { type: 'gloss:notes:export', format: 'jsonld' },
  { type: 'gloss:notes:import', text: '{}' },
  { type: 'gloss:memory:for', url: 'https://news.example/a', keys: ['Q1'] },
  { type: 'gloss:memory:articles' },
  { type: 'gloss:memory:forget', site: 'news.example' },
  { type: 'gloss:notes:add-here' },
  { type: 'gloss:notes:show', id: 'n1' },
  { type: LOOKUP_MESSAGE, pageUrl: 'https://news.example/a', context: { name: 'Kyiv', type: 'LOC', role: null, aliases: ['Kiev'], nearby: [], lang: 'en' } },
  { type: PLACE_MESSAGE, name: 'Kyiv' },
  { type: 'gloss:sync:configure', remote: { kind: 'webdav', url: 'https://dav.example/g/', username: 'u', appPassword: 'p' }, passphrase: 'pw', createNew: false },
  { type: 'gloss:sync:status' },
];

/** A valid message of `kinds` with members dropped, renamed or replaced, and maybe a top-level field set to anything. */
function mutatedValid(kinds: readonly Record<string, unknown>[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fc.constantFrom(...kinds), fc.option(jsonEdits(2)), fc.option(fc.tuple(fc.constantFrom(...FIELDS), anyValue))).map(([valid, edits, field]) => {
    const message = (edits ? applyJsonEdits(valid, edits) : structuredClone(valid)) as Record<string, unknown>;
    return field ? { ...message, [field[0]]: field[1] } : message;
  });
}

/** Messages for a reader of the types `own` accepts: anything, Gloss-like, and mutations of its own and others' valid messages. */
function messagesFor(own: (type: string) => boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: glossLike },
    { weight: 1, arbitrary: mutatedValid(VALID) },
    { weight: 3, arbitrary: mutatedValid(VALID.filter((valid) => own(valid.type as string))) },
  );
}

type Reader = (message: unknown) => unknown;

/** A reader's contract on any value: null, an error with a message, or a request that reads back as itself. */
function checkReader(read: Reader, value: unknown): 'null' | 'error' | 'request' {
  const result = read(value);
  if (result === null) return 'null';
  expect(typeof result).toBe('object');
  const record = result as Record<string, unknown>;
  if ('error' in record) {
    expect(Object.keys(record)).toEqual(['error']);
    expect(typeof record.error).toBe('string');
    expect((record.error as string).trim()).not.toBe('');
    return 'error';
  }
  expect(typeof record.type).toBe('string');
  // What the reader passes on crosses the message channel again (and is stored): it must
  // survive a structured clone and still be read as the same request.
  const copy = structuredClone(result);
  expect(read(copy)).toEqual(copy);
  return 'request';
}

/** Each reader, with the message types it reads. */
const READERS: [string, Reader, (type: string) => boolean][] = [
  ['readBackgroundRequest', readBackgroundRequest, (type) => ['gloss:find-article', 'gloss:analyse', 'gloss:last-analysis'].includes(type)],
  ['readContentRequest', readContentRequest, (type) => type === 'gloss:show-entity' || type === 'gloss:page-info'],
  ['readNotesRequest', readNotesRequest, (type) => /^gloss:(notes|memory):/.test(type) && !['gloss:notes:add-here', 'gloss:notes:show'].includes(type)],
  ['readNotesContentRequest', readNotesContentRequest, (type) => type === 'gloss:notes:add-here' || type === 'gloss:notes:show'],
  ['readLookupRequest', readLookupRequest, (type) => type === LOOKUP_MESSAGE],
  ['readPlaceFactsRequest', readPlaceFactsRequest, (type) => type === PLACE_MESSAGE],
  ['readSyncRequest', readSyncRequest, (type) => type.startsWith('gloss:sync:')],
];

describe('the message readers on any value', () => {
  for (const [name, read, own] of READERS) {
    it(`${name} never throws and answers null, an error or a request that re-validates`, () => {
      const outcomes = { null: 0, error: 0, request: 0 };
      fc.assert(fc.property(messagesFor(own), (value) => void outcomes[checkReader(read, value)]++), runs(1_000));
      // The runs reached past the first check: some messages were read as requests.
      expect(outcomes.request).toBeGreaterThan(50);
    });
  }

  it('the notes reader copies only a note’s own fields, so nothing a sender added is stored', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), anyValue, { maxKeys: 3 }), (extra) => {
        const note = makeNote({ id: 'n1' });
        const read = readNotesRequest({ type: 'gloss:notes:save', note: { ...extra, ...note } });
        expect(read).toEqual({ type: 'gloss:notes:save', note });
      }),
      runs(200),
    );
  });
});
