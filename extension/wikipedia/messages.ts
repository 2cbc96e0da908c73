/**
 * The look-up message between a page's popover and the background: the popover sends what the
 * article says about the entity and the page's address (for the per-site switch only; it never
 * leaves the background); the reply is a `LookupResult`.
 */
import * as v from 'valibot';
import { isRecord, listOf, oneOf, readMessage, readMessageOrNull, record, shortText, text } from '../messages';
import { ENTITY_TYPES } from '../settings/settings';
import type { EntityContext, LookupResult, PlaceFacts } from './types';

export const LOOKUP_MESSAGE = 'gloss:background:lookup';
export const PLACE_MESSAGE = 'gloss:background:place';

// Bounds on what a look-up may carry: a name is short, and a page cannot make the background chew on megabytes.
const MAX_NAME = 200;
const MAX_ROLE = 300;
const MAX_LIST = 50;
const MAX_PAGE_URL = 10_000;

const nameList = /* @__NO_SIDE_EFFECTS__ */ () => listOf(shortText(MAX_NAME), MAX_LIST);

/** What the article says about an entity, as a look-up carries it (the name trimmed). */
const entityContext = record({
  name: v.pipe(shortText(MAX_NAME), v.trim(), v.nonEmpty('is empty')),
  type: oneOf(ENTITY_TYPES),
  role: v.nullable(v.pipe(v.string('is not a string or null'), v.maxLength(MAX_ROLE, `is longer than ${MAX_ROLE} characters`))),
  aliases: nameList(),
  nearby: nameList(),
  lang: v.pipe(text(), v.regex(/^[a-z]{2,3}$/, 'is not a language code')),
}) satisfies v.GenericSchema<unknown, EntityContext>;

const lookupRequest = v.object({
  type: v.literal(LOOKUP_MESSAGE),
  context: entityContext,
  pageUrl: shortText(MAX_PAGE_URL),
});
/**
 * Content script → background: the Wikipedia background for one entity. `pageUrl`: the address
 * of the page the popover is on, to honour "look-ups off on this site". Reply: `LookupResult`.
 */
export type LookupRequest = v.InferOutput<typeof lookupRequest>;

/**
 * The request in `message`, `{ error }` naming the field when it is a look-up of the wrong
 * shape, or null when it is another message.
 */
export function readLookupRequest(message: unknown): LookupRequest | { error: string } | null {
  return readMessage({ [LOOKUP_MESSAGE]: lookupRequest }, message);
}

const placeFactsRequest = v.object({ type: v.literal(PLACE_MESSAGE), name: shortText(MAX_NAME) });
/** Content script → background: the bundled gazetteer's facts for a place. Reply: `PlaceFactsReply`. */
export type PlaceFactsRequest = v.InferOutput<typeof placeFactsRequest>;

/** The place request in `message`, or null when it is another message or malformed. */
export function readPlaceFactsRequest(message: unknown): PlaceFactsRequest | null {
  return readMessageOrNull({ [PLACE_MESSAGE]: placeFactsRequest }, message);
}

// The replies are read by the content script, so they are checked by hand (see `isReplyOf` in ../messages.ts).

const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string';

/** Whether a reply to `gloss:background:lookup` has the shape of a LookupResult. */
export function isLookupResult(value: unknown): value is LookupResult {
  if (!isRecord(value)) return false;
  switch (value.status) {
    case 'found': {
      const summary = value.summary;
      return (
        typeof value.confidence === 'number' &&
        isRecord(summary) &&
        ['title', 'extract', 'url', 'lang'].every((field) => typeof summary[field] === 'string') &&
        isNullableString(summary.description) &&
        isNullableString(summary.wikibaseItem)
      );
    }
    case 'none':
    case 'off':
      return typeof value.reason === 'string';
    case 'failed':
      return typeof value.error === 'string';
    default:
      return false;
  }
}

/** `facts` is null when the gazetteer does not know the place. */
export interface PlaceFactsReply {
  facts: PlaceFacts | null;
}

/** Whether a reply to `gloss:background:place` has the expected shape. */
export function isPlaceFactsReply(value: unknown): value is PlaceFactsReply {
  if (!isRecord(value)) return false;
  const facts = value.facts;
  if (facts === null) return true;
  return isRecord(facts) && typeof facts.kind === 'string' && isNullableString(facts.country) && (facts.population === null || typeof facts.population === 'number');
}
