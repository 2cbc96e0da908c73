/**
 * Background for an entity from Wikipedia (issue 7): the contract between the look-up (search,
 * then the REST page summary), the choice of the right article, the cache, the offline default
 * and the popover. Only an entity's name and the language leave the machine, never the article's
 * text or address; a wrong background is worse than none, so below a confidence threshold the
 * popover shows none.
 */
import type { EntityType } from '../analysis/types';

/** What the article says about the entity, used to pick the right Wikipedia article (stays local). */
export interface EntityContext {
  /** The fullest name the article uses ("Volodymyr Zelensky"). */
  name: string;
  type: EntityType;
  /** The role or description the article gives ("Kremlin spokesman"), or null. */
  role: string | null;
  /** Other names the article uses for it ("Zelensky"). */
  aliases: string[];
  /** Names of the other entities in the article, most mentioned first (places, people, organisations). */
  nearby: string[];
  /** The article's language (BCP 47 primary subtag, "en"). */
  lang: string;
}

/**
 * One search result, as Wikipedia's REST search endpoint gives it
 * (`/w/rest.php/v1/search/page?q=…&limit=…` → `pages[]`).
 */
export interface SearchCandidate {
  /** The page key (title with underscores). */
  key: string;
  title: string;
  /** Wikidata's short description ("Spokesperson for the Kremlin"), or null. */
  description: string | null;
  /** A snippet of the page's text around the match (may contain `<span class="searchmatch">`). */
  excerpt: string | null;
}

/** The parts of the REST page summary (`/api/rest_v1/page/summary/{title}`) Gloss uses. */
export interface WikiSummary {
  title: string;
  description: string | null;
  /** Plain-text first paragraph. */
  extract: string;
  /** Wikidata id ("Q3639"), or null. */
  wikibaseItem: string | null;
  /** The page on Wikipedia (content_urls.desktop.page). */
  url: string;
  lang: string;
}

/** The chooser's verdict on the candidates for one entity. */
export interface Choice {
  /** The chosen candidate's title, or null for "no good match". */
  title: string | null;
  /** 0–1; a choice under the threshold is treated as none. */
  confidence: number;
}

/** What the popover gets back for one entity. */
export type LookupResult =
  | { status: 'found'; summary: WikiSummary; confidence: number }
  /** Searched, but nothing right enough (no result, only disambiguation pages, low confidence, page missing). */
  | { status: 'none'; reason: string }
  /** Look-ups are turned off (globally, on this site) or their permission is not granted. */
  | { status: 'off'; reason: string }
  /** Wikipedia could not be reached or refused (timeout, 429 after retries, 5xx): plain words. */
  | { status: 'failed'; error: string };

/** Bundled, openly licensed facts about a place, for the offline default. */
export interface PlaceFacts {
  /** "city", "town", "country", "capital city"… */
  kind: string;
  /** The country it is in (its name), or null for a country itself. */
  country: string | null;
  population: number | null;
}
