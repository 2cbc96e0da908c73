/**
 * The popover's "Background": who or what a name is. Wikipedia's summary when a look-up found the
 * right article (its description and first paragraph, clamped, and a link to the page); otherwise
 * the offline default: the gazetteer's facts for a place and the sentence the article first
 * mentions it in. What earlier articles said is the popover's memory section, shown beside this.
 */
import type { LookupResult, PlaceFacts } from '../../wikipedia/types';
import { webHref } from '../web-href';
import { describePlace } from './place-facts';

/** Wikipedia's answer for an entity, or `looking-up` while it is on its way. */
export type WikipediaState = { status: 'looking-up' } | LookupResult;

/** What the popover knows of an entity's background, besides the article itself. */
export interface PopoverBackground {
  /** Wikipedia's answer; null when look-ups are not asked on this page (turned off, or no look-up wired). */
  wikipedia: WikipediaState | null;
  /** The bundled gazetteer's facts when the entity is a known place, else null. */
  place: PlaceFacts | null;
}

/**
 * What the popover's background shows, for the host's `data-gloss-background`: the summary
 * (`found`), "Looking up…", no article found (`none`, the offline default), or the offline
 * default without a look-up (off, failed, or none asked).
 */
export type BackgroundShown = 'looking-up' | 'found' | 'none' | 'offline';

export function backgroundShown({ wikipedia }: PopoverBackground): BackgroundShown {
  const status = wikipedia?.status;
  return status === 'looking-up' || status === 'found' || status === 'none' ? status : 'offline';
}

export interface BackgroundSectionProps extends PopoverBackground {
  /** The sentence of the article the entity is first mentioned in (trimmed), or null. */
  firstSentence: string | null;
}

function WikipediaSummary({ summary }: { summary: Extract<LookupResult, { status: 'found' }>['summary'] }) {
  const href = webHref(summary.url);
  return (
    <div class="wikipedia" lang={summary.lang}>
      {summary.description && <p class="wiki-description">{summary.description}</p>}
      <p class="wiki-extract">{summary.extract}</p>
      <p class="wiki-credit">
        From{' '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            Wikipedia
          </a>
        ) : (
          'Wikipedia'
        )}
      </p>
    </div>
  );
}

/** What Gloss knows without Wikipedia: the place's facts and the article's first-mention sentence. */
function OfflineDefault({ place, firstSentence }: { place: PlaceFacts | null; firstSentence: string | null }) {
  return (
    <>
      {place && <p class="place-facts">{describePlace(place)}</p>}
      {firstSentence && (
        <p class="first-mention">
          <span class="label">In this article: </span>
          <q>{firstSentence}</q>
        </p>
      )}
    </>
  );
}

export function BackgroundSection({ wikipedia, place, firstSentence }: BackgroundSectionProps) {
  const status = wikipedia?.status ?? 'off';
  if (status === 'found' || status === 'looking-up') {
    return (
      <section class="background" aria-label="Background" aria-busy={status === 'looking-up'}>
        <h3>Background</h3>
        {wikipedia?.status === 'found' ? <WikipediaSummary summary={wikipedia.summary} /> : <p class="looking-up">Looking up…</p>}
      </section>
    );
  }
  const failed = wikipedia?.status === 'failed';
  if (!failed && !place && !firstSentence) return null;
  return (
    <section class="background" aria-label="Background">
      <h3>Background</h3>
      {failed && <p class="lookup-failed">Wikipedia could not be reached</p>}
      <OfflineDefault place={place} firstSentence={firstSentence} />
    </section>
  );
}
