import { attributionOf, type Attribution, type Speaker } from '../attribution';
import type { AnalysisContext, Figure, Span } from '../types';
import { AboutResolver } from './about';
import { counted, type Counted } from './counted';
import { NUMBER_PHRASE, phraseValue } from './numbers';
import { isExcluded } from './exclusions';

/** A number phrase found in the text, before attribution. */
export interface NumberPhrase extends Span {
  value: number;
  hedge: string;
  /** Start of the number itself (after the hedge). */
  numberStart: number;
  /** End of the number (with its range, scale and percent sign), before any counted noun. */
  numberEnd: number;
  groups: Record<string, string | undefined>;
}

/** Finds every quantity the article states, with what it counts, what it is about and who states it. */
export function findFigures(ctx: AnalysisContext): Figure[] {
  const attribution = attributionOf(ctx);
  const about = new AboutResolver(ctx, attribution);
  const figures: Figure[] = [];
  for (const phrase of numberPhrases(ctx.text)) {
    if (isExcluded(ctx, phrase)) continue;
    const noun = counted(ctx.text, phrase);
    if (!noun.words && !phrase.hedge && needsNoun(phrase)) continue;
    if (noun.relativeTime && !phrase.groups.ord) continue;
    const span = { start: phrase.start, end: noun.end };
    const source = figureSource(attribution, span);
    figures.push({
      text: ctx.text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      value: phrase.value,
      unit: unitOf(phrase, noun),
      about: about.about(span, source.entity),
      source: source.entity,
      sourceText: source.text,
    });
  }
  return figures;
}

/** Every number phrase of the text with its value, in text order. */
export function numberPhrases(text: string): NumberPhrase[] {
  const out: NumberPhrase[] = [];
  for (const m of text.matchAll(NUMBER_PHRASE)) {
    const groups = m.groups ?? {};
    const value = phraseValue(groups);
    if (value == null || !Number.isFinite(value)) continue;
    const hedge = groups.hedge ?? '';
    if (groups.article && !hedge) continue; // "a day after" is not a count; "about a month" is
    const start = m.index;
    out.push({ start, end: start + m[0].length, value, hedge: hedge.trim(), numberStart: start + hedge.length, numberEnd: start + m[0].length, groups });
  }
  return out;
}

/** Spelled-out numbers count only with a counted noun ("three others", not "one of them"). */
function needsNoun(phrase: NumberPhrase): boolean {
  return !!(phrase.groups.word || phrase.groups.article) && !phrase.groups.wpct;
}

function unitOf(phrase: NumberPhrase, noun: Counted): string | null {
  if (phrase.groups.pct || phrase.groups.wpct) return '%';
  return noun.words;
}

/** Who states the figure: the speaker of the quote it is in, a cue in its sentence, or the last speaker earlier in its paragraph. */
function figureSource(a: Attribution, span: Span): Speaker {
  const quote = a.quoteAt(span.start);
  if (quote && (quote.speaker.entity || quote.speaker.text)) return quote.speaker;
  const s = a.sentenceAt(span.start);
  const cue = a.nearestCue(span, s, s) ?? a.cueBefore(s);
  if (cue && (cue.speaker.entity || cue.speaker.text)) return cue.speaker;
  return { entity: null, text: null };
}

