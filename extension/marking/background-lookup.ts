/**
 * The page's side of an entity's background: asked for when its popover is about to open (hover
 * intent came to rest, the keyboard opened it, the popup showed it), never for every name on
 * load, and at most once per entity per page: what came back is kept for the page, so a second
 * hover needs no message. The request carries what the article says of the entity, for the
 * background to pick the right Wikipedia article; only the name and language go further.
 */
import type { Analysis, Entity } from '../analysis/types';
import type { PopoverBackground, WikipediaState } from '../ui/background/BackgroundSection';
import { isLookupResult, isPlaceFactsReply, LOOKUP_MESSAGE, PLACE_MESSAGE, type LookupRequest, type PlaceFactsRequest } from '../wikipedia/messages';
import type { EntityContext, LookupResult, PlaceFacts } from '../wikipedia/types';

/** Names of other entities passed as context, at most. */
export const NEARBY_MAX = 12;
/** A failed look-up is asked again when a popover opens this long after it failed. */
export const RETRY_FAILED_MS = 30_000;

/** The background's services, plugged in by the content script (messages) or a test. */
export interface BackgroundSources {
  /** Wikipedia's answer for an entity (the background checks the settings and the permission again). */
  lookup(context: EntityContext): Promise<LookupResult>;
  /** The bundled gazetteer's facts for a place name, or null. */
  placeFacts(name: string): Promise<PlaceFacts | null>;
}

export interface BackgroundLookupOptions {
  analysis: Analysis;
  sources: BackgroundSources;
  /** Whether look-ups are on for this page (settings: on, and not off on this site). */
  lookups: boolean;
  /** What is known of `entityId` changed (an answer arrived): redraw its popover if open. */
  onChange(entityId: string): void;
}

export interface BackgroundLookup {
  /**
   * What is known of the entity's background now; asks for it the first time (call it when the
   * entity's popover is about to open, not before).
   */
  forPopover(entityId: string): PopoverBackground;
}

/** The primary language subtag ("en" from "en-GB"), as Wikipedia's subdomains name languages. */
function primaryLanguage(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] || 'en';
}

/** What the article says about `entity`, for choosing its Wikipedia article (stays on the machine but for the name and language). */
export function entityContext(analysis: Analysis, entity: Entity): EntityContext {
  const nearby = analysis.entities
    .filter((other) => other.id !== entity.id)
    // Most mentioned first; ties in the analysis's order (first seen first).
    .map((other, order) => ({ name: other.name, count: other.mentions.length, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, NEARBY_MAX)
    .map((other) => other.name);
  return { name: entity.name, type: entity.type, role: entity.role, aliases: [...entity.aliases], nearby, lang: primaryLanguage(analysis.lang) };
}

/** The background's services over messages (`send` is `runtime.sendMessage`); `pageUrl` is the page's address. */
export function messageSources(send: (message: unknown) => Promise<unknown>, pageUrl: string): BackgroundSources {
  return {
    async lookup(context) {
      const request: LookupRequest = { type: LOOKUP_MESSAGE, context, pageUrl };
      const reply = await send(request);
      if (!isLookupResult(reply)) throw new Error('the background gave no look-up answer');
      return reply;
    },
    async placeFacts(name) {
      const request: PlaceFactsRequest = { type: PLACE_MESSAGE, name };
      const reply = await send(request);
      if (!isPlaceFactsReply(reply)) throw new Error('the background gave no place facts');
      return reply.facts;
    },
  };
}

const failure = (error: unknown): LookupResult => ({ status: 'failed', error: error instanceof Error ? error.message : String(error) });

export function createBackgroundLookup({ analysis, sources, lookups, onChange }: BackgroundLookupOptions): BackgroundLookup {
  const wikipedia = new Map<string, WikipediaState>();
  const places = new Map<string, PlaceFacts | null>();
  const asked = new Set<string>();
  const failedAt = new Map<string, number>();

  function ask(entity: Entity): void {
    asked.add(entity.id);
    lookUp(entity);
    if (entity.type === 'LOC') {
      sources.placeFacts(entity.name).then(
        (facts) => {
          places.set(entity.id, facts);
          if (facts) onChange(entity.id);
        },
        () => places.set(entity.id, null), // no facts: the offline default does without them
      );
    }
  }

  function lookUp(entity: Entity): void {
    if (!lookups) return;
    wikipedia.set(entity.id, { status: 'looking-up' });
    sources.lookup(entityContext(analysis, entity)).then(
      (result) => settle(entity.id, result),
      (error: unknown) => settle(entity.id, failure(error)),
    );
  }

  function settle(entityId: string, result: LookupResult): void {
    wikipedia.set(entityId, result);
    if (result.status === 'failed') failedAt.set(entityId, Date.now());
    onChange(entityId);
  }

  /** A failure is not kept for the whole page: a popover opened a while later asks again. */
  function failedLongAgo(entityId: string): boolean {
    const at = failedAt.get(entityId);
    return at !== undefined && Date.now() - at >= RETRY_FAILED_MS;
  }

  return {
    forPopover(entityId) {
      const entity = analysis.entities.find((candidate) => candidate.id === entityId);
      if (entity && !asked.has(entityId)) ask(entity);
      else if (entity && failedLongAgo(entityId)) {
        failedAt.delete(entityId);
        lookUp(entity);
      }
      return { wikipedia: lookups ? wikipedia.get(entityId) ?? null : null, place: places.get(entityId) ?? null };
    },
  };
}
