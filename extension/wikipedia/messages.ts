/**
 * The look-up message between a page's popover and the background: the popover sends what the
 * article says about the entity and the page's address (for the per-site switch only; it never
 * leaves the background); the reply is a `LookupResult`.
 */
import type { EntityType } from '../analysis/types';
import type { EntityContext } from './types';

export const LOOKUP_MESSAGE = 'gloss:background:lookup';

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
const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
