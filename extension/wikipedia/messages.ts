/**
 * The look-up message between a page's popover and the background: the popover sends what the
 * article says about the entity and the page's address (for the per-site switch only; it never
 * leaves the background); the reply is a `LookupResult`.
 */
import type { EntityType } from '../analysis/types';
import { isRecord } from '../messages';
import { ENTITY_TYPES } from '../settings/settings';
import type { EntityContext, LookupResult, PlaceFacts } from './types';

export const LOOKUP_MESSAGE = 'gloss:background:lookup';
export const PLACE_MESSAGE = 'gloss:background:place';

/** Content script → background: the Wikipedia background for one entity. Reply: `LookupResult`. */
export interface LookupRequest {
  type: typeof LOOKUP_MESSAGE;
  context: EntityContext;
  /** The address of the page the popover is on, to honour "look-ups off on this site". */
  pageUrl: string;
}

// Bounds on what a look-up may carry: a name is short, and a page cannot make the background chew on megabytes.
const MAX_NAME = 200;
const MAX_ROLE = 300;
const MAX_LIST = 50;

/**
 * The request in `message`, `{ error }` when it is a look-up of the wrong shape, or null when it
 * is another message.
 */
export function readLookupRequest(message: unknown): LookupRequest | { error: string } | null {
  if (!isRecord(message) || message.type !== LOOKUP_MESSAGE) return null;
  const { context, pageUrl } = message;
  if (typeof pageUrl !== 'string' || pageUrl.length > 10_000) return { error: 'The look-up request has no page address.' };
  if (!isRecord(context)) return { error: 'The look-up request has no entity.' };
  const { name, type, role, aliases, nearby, lang } = context;
  if (typeof name !== 'string' || !name.trim() || name.length > MAX_NAME) return { error: 'The look-up request has no usable name.' };
  if (!ENTITY_TYPES.includes(type as EntityType)) return { error: 'The look-up request has an unknown kind of entity.' };
  if (role !== null && (typeof role !== 'string' || role.length > MAX_ROLE)) return { error: 'The look-up request has a malformed role.' };
  if (!isNameList(aliases) || !isNameList(nearby)) return { error: 'The look-up request has malformed other names.' };
  if (typeof lang !== 'string' || !/^[a-z]{2,3}$/.test(lang)) return { error: 'The look-up request has no usable language.' };
  return {
    type: LOOKUP_MESSAGE,
    context: { name: name.trim(), type: type as EntityType, role: role as string | null, aliases, nearby, lang },
    pageUrl,
  };
}

function isNameList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_LIST && value.every((item) => typeof item === 'string' && item.length <= MAX_NAME);
}

/** Content script → background: the bundled gazetteer's facts for a place. Reply: `PlaceFactsReply`. */
export interface PlaceFactsRequest {
  type: typeof PLACE_MESSAGE;
  name: string;
}

/** `facts` is null when the gazetteer does not know the place. */
export interface PlaceFactsReply {
  facts: PlaceFacts | null;
}

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

/** The place request in `message`, or null when it is another message or malformed. */
export function readPlaceFactsRequest(message: unknown): PlaceFactsRequest | null {
  if (!isRecord(message) || message.type !== PLACE_MESSAGE) return null;
  const { name } = message;
  return typeof name === 'string' && name.length <= MAX_NAME ? { type: PLACE_MESSAGE, name } : null;
}

/** Whether a reply to `gloss:background:place` has the expected shape. */
export function isPlaceFactsReply(value: unknown): value is PlaceFactsReply {
  if (!isRecord(value)) return false;
  const facts = value.facts;
  if (facts === null) return true;
  return isRecord(facts) && typeof facts.kind === 'string' && isNullableString(facts.country) && (facts.population === null || typeof facts.population === 'number');
}
