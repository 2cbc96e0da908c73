/**
 * Notes as W3C Web Annotations (JSON-LD), out and back in.
 *
 * Export is one AnnotationCollection with its single AnnotationPage embedded (`first.items`), so a
 * file is self-contained and the W3C conformance schemas can check the collection, the page and
 * each annotation (tests/fixtures/w3c-annotation-model). Each annotation repeats the `@context`, so
 * any one of them also stands alone. What the model has no term for (the note's colour, the
 * article's title, the entity) goes under Gloss's own prefix, declared in the context as the model
 * asks of extensions (Web Annotation Data Model §6, "Extending the model").
 *
 * Import is all or nothing: the first problem found is reported with the annotation's number and
 * id ("annotation 3 (urn:uuid:…): target.selector has no TextQuoteSelector") and no note is returned.
 * It also reads annotations other tools made, when they quote the text (a TextQuoteSelector).
 */
import { cleanUrl } from '../../article/page-meta';
import { ENTITY_TYPES } from '../../settings/settings';
import { isRecord } from '../../messages';
import { MAX_IMPORT_CHARS, noteProblem } from '../messages';
import { NOTE_COLOURS, type Note, type NoteColour, type NoteEntity, type TextPositionSelector, type TextQuoteSelector } from '../types';

/** The Web Annotation JSON-LD context every annotation names. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The IRI Gloss's own terms expand to. `.invalid` is reserved (RFC 2606): the IRI names the terms,
 * it is never fetched, and no one else can own it.
 */
export const GLOSS_NAMESPACE = 'https://gloss.invalid/ns#';

/** The `@context` of every exported object: the model's, plus the `gloss:` prefix for Gloss's terms. */
const CONTEXT = [ANNOTATION_CONTEXT, { gloss: GLOSS_NAMESPACE }] as const;

/** Gloss's own annotation keys (compact IRIs in the `gloss:` prefix). */
const TITLE_KEY = 'gloss:title';
const COLOUR_KEY = 'gloss:colour';
const ENTITY_KEY = 'gloss:entity';

/** The colour an imported annotation gets when it has none (another tool made it). */
const IMPORTED_COLOUR: NoteColour = NOTE_COLOURS[0];

/** A random `urn:uuid:` for the collection and its page (they name this export, nothing else). */
function randomUrn(): string {
  return `urn:uuid:${globalThis.crypto.randomUUID()}`;
}

/** One note as a Web Annotation. */
function toAnnotation(note: Note): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (note.body !== '') body.push({ type: 'TextualBody', value: note.body, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const { type: quoteType, exact, prefix, suffix } = note.quote;
  const { type: positionType, start, end } = note.position;
  return {
    '@context': CONTEXT,
    id: note.id,
    type: 'Annotation',
    // A note without words is a highlight; its tags are tagging bodies either way (model §3.3.5).
    motivation: note.body === '' ? 'highlighting' : 'commenting',
    created: note.created,
    modified: note.modified,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: note.url,
      selector: [
        { type: quoteType, exact, prefix, suffix },
        { type: positionType, start, end },
      ],
    },
    [TITLE_KEY]: note.title,
    [COLOUR_KEY]: note.colour,
    ...(note.entity ? { [ENTITY_KEY]: { key: note.entity.key, name: note.entity.name, type: note.entity.type } } : {}),
  };
}

/**
 * The notes as a JSON-LD AnnotationCollection, pretty-printed. `now` is the export's `generated`
 * date. Where a note last attached (`anchor`) is not exported: it belongs to one visit of a page.
 */
export function exportJsonLd(notes: readonly Note[], now: Date = new Date()): string {
  const collection: Record<string, unknown> = {
    '@context': CONTEXT,
    id: randomUrn(),
    type: 'AnnotationCollection',
    label: 'Gloss notes',
    generated: now.toISOString(),
    total: notes.length,
  };
  if (notes.length > 0) {
    collection.first = { '@context': CONTEXT, id: randomUrn(), type: 'AnnotationPage', startIndex: 0, items: notes.map(toAnnotation) };
  }
  return JSON.stringify(collection, null, 2);
}

// ---- import ----

/** A problem in one annotation, said in terms of the annotation's keys. */
class AnnotationProblem extends Error {}

/** Whether a JSON-LD `type` value (a string or a list of them) includes `name`. */
function hasType(value: unknown, name: string): boolean {
  return value === name || (Array.isArray(value) && value.includes(name));
}

/** `value` as a list: a JSON-LD key may hold one value or an array of them. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An absolute IRI (`urn:uuid:…`, `https://…`): what an annotation's id must be. */
function isIri(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}

/** An ISO 8601 date-time with a time zone, as the model's `created`/`modified` require. */
function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The annotations a parsed file holds: a collection (its embedded pages), a page, one annotation or a list. */
function annotationsIn(root: unknown): unknown[] | string {
  if (Array.isArray(root)) return root;
  if (!isRecord(root)) return 'the file is not a JSON object or list';
  if (hasType(root.type, 'Annotation')) return [root];
  if (hasType(root.type, 'AnnotationPage')) return asList(root.items);
  if (!hasType(root.type, 'AnnotationCollection')) {
    return 'the file is not a W3C Web Annotation collection, page, annotation or list of annotations';
  }
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  for (let page = root.first; page !== undefined && page !== null; page = isRecord(page) ? page.next : undefined) {
    if (!isRecord(page) || !hasType(page.type, 'AnnotationPage')) {
      return 'the collection\'s pages are not in the file (its "first"/"next" are not embedded AnnotationPages)';
    }
    if (seen.has(page)) break;
    seen.add(page);
    items.push(...asList(page.items));
  }
  if (typeof root.total === 'number' && root.total !== items.length) {
    return `the collection says it has ${root.total} annotations but the file holds ${items.length}`;
  }
  return items;
}

/** The quote and (when there is one) position selector of the first target that quotes text. */
function readTarget(annotation: Record<string, unknown>): { url: string; quote: TextQuoteSelector; position: TextPositionSelector | null } {
  const targets = asList(annotation.target);
  if (targets.length === 0) throw new AnnotationProblem('target is missing');
  const quoting = targets.find((target) => isRecord(target) && asList(target.selector).some((s) => isRecord(s) && s.type === 'TextQuoteSelector'));
  if (!isRecord(quoting)) throw new AnnotationProblem('target.selector has no TextQuoteSelector');
  const url = typeof quoting.source === 'string' ? cleanUrl(quoting.source) : null;
  if (url === null) throw new AnnotationProblem('target.source is not a web address (http or https)');
  const selectors = asList(quoting.selector).filter(isRecord);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!;
  if (typeof quote.exact !== 'string' || quote.exact === '') throw new AnnotationProblem('the TextQuoteSelector has no exact text');
  for (const field of ['prefix', 'suffix'] as const) {
    if (quote[field] !== undefined && typeof quote[field] !== 'string') throw new AnnotationProblem(`the TextQuoteSelector's ${field} is not text`);
  }
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (position) {
    const { start, end } = position;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
      throw new AnnotationProblem('the TextPositionSelector\'s start and end are not offsets (whole numbers, 0 ≤ start ≤ end)');
    }
  }
  return {
    url,
    quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: (quote.prefix as string | undefined) ?? '', suffix: (quote.suffix as string | undefined) ?? '' },
    position: position ? { type: 'TextPositionSelector', start: position.start as number, end: position.end as number } : null,
  };
}

/** The note's text and tags from the annotation's textual bodies (links and other resources are left out). */
function readBodies(annotation: Record<string, unknown>): { body: string; tags: string[] } {
  const texts: string[] = [];
  const tags: string[] = [];
  if (annotation.bodyValue !== undefined) {
    if (typeof annotation.bodyValue !== 'string') throw new AnnotationProblem('bodyValue is not text');
    texts.push(annotation.bodyValue);
  }
  for (const [index, body] of asList(annotation.body).entries()) {
    // A body that is only an IRI, or not textual (an image, a web page), has no words to keep.
    if (!isRecord(body) || (body.type !== undefined && !hasType(body.type, 'TextualBody'))) continue;
    if (typeof body.value !== 'string') throw new AnnotationProblem(`body ${index + 1} is a TextualBody without a text value`);
    if (hasType(body.purpose, 'tagging')) {
      const tag = body.value.trim();
      if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    } else if (body.value !== '') {
      texts.push(body.value);
    }
  }
  return { body: texts.join('\n\n'), tags };
}

/** Gloss's own keys, when the annotation has them (an annotation from another tool does not). */
function readGlossKeys(annotation: Record<string, unknown>): { title: string; colour: NoteColour; entity: NoteEntity | null } {
  const title = annotation[TITLE_KEY] === undefined ? '' : annotation[TITLE_KEY];
  if (typeof title !== 'string') throw new AnnotationProblem(`${TITLE_KEY} is not text`);
  const colour = annotation[COLOUR_KEY] === undefined ? IMPORTED_COLOUR : annotation[COLOUR_KEY];
  if (!(NOTE_COLOURS as readonly unknown[]).includes(colour)) {
    throw new AnnotationProblem(`${COLOUR_KEY} is not one of ${NOTE_COLOURS.join(', ')}`);
  }
  const entity = annotation[ENTITY_KEY] ?? null;
  if (entity !== null && !(isRecord(entity) && typeof entity.key === 'string' && typeof entity.name === 'string' && (ENTITY_TYPES as readonly unknown[]).includes(entity.type))) {
    throw new AnnotationProblem(`${ENTITY_KEY} is not an entity (key, name and a type among ${ENTITY_TYPES.join(', ')})`);
  }
  return {
    title,
    colour: colour as NoteColour,
    entity: entity && { key: entity.key as string, name: entity.name as string, type: entity.type as NoteEntity['type'] },
  };
}

/**
 * One annotation as a note. An annotation without a TextPositionSelector (another tool's) gets
 * the position 0–0: it never passes `reanchor`'s position check, so the note is found by its quote
 * and context, and the page records where it attached.
 */
function readAnnotation(value: Record<string, unknown>, now: Date): Note {
  if (!hasType(value.type, 'Annotation')) throw new AnnotationProblem('type is not "Annotation"');
  const { url, quote, position } = readTarget(value);
  const { body, tags } = readBodies(value);
  for (const key of ['created', 'modified'] as const) {
    if (value[key] !== undefined && !isDateTime(value[key])) throw new AnnotationProblem(`${key} is not a date-time with a time zone`);
  }
  const created = (value.created as string | undefined) ?? (value.modified as string | undefined) ?? now.toISOString();
  const note: Note = {
    id: value.id as string,
    url,
    ...readGlossKeys(value),
    quote,
    position: position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
    body,
    tags,
    created,
    modified: (value.modified as string | undefined) ?? created,
    anchor: 'unknown',
  };
  // The limits every note has (body length, number and length of tags), in the store's words.
  const problem = noteProblem(note);
  if (problem) throw new AnnotationProblem(problem);
  return note;
}

/**
 * The notes in a JSON-LD file's text, or why none can be imported (a lower-case clause the caller
 * puts after "Nothing was imported: "). The file must be an
 * AnnotationCollection (with its pages embedded), an AnnotationPage, an Annotation or a list of
 * annotations, and every annotation must be readable, with a unique IRI id and a target that
 * quotes text. `now` dates annotations that carry no `created`.
 */
export function parseJsonLdImport(text: string, now: Date = new Date()): { notes: Note[] } | { error: string } {
  if (typeof text !== 'string' || text.trim() === '') return { error: 'the file is empty.' };
  if (text.length > MAX_IMPORT_CHARS) return { error: `the file is larger than ${MAX_IMPORT_CHARS.toLocaleString('en')} characters.` };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return { error: `the file is not JSON (${(error as Error).message}).` };
  }
  const annotations = annotationsIn(root);
  if (typeof annotations === 'string') return { error: `${annotations}.` };
  const notes: Note[] = [];
  const numberOf = new Map<string, number>();
  for (const [index, value] of annotations.entries()) {
    if (!isRecord(value)) return { error: `annotation ${index + 1} is not a JSON object.` };
    const id = value.id;
    const label = `annotation ${index + 1}${typeof id === 'string' ? ` (${id.slice(0, 100)})` : ''}`;
    if (!isIri(id)) return { error: `${label} has no id, or its id is not an IRI.` };
    const earlier = numberOf.get(id);
    if (earlier !== undefined) return { error: `${label} has the same id as annotation ${earlier}.` };
    numberOf.set(id, index + 1);
    try {
      notes.push(readAnnotation(value, now));
    } catch (error) {
      if (!(error instanceof AnnotationProblem)) throw error;
      return { error: `${label}: ${error.message}.` };
    }
  }
  return { notes };
}
