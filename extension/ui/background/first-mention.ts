/**
 * "What this article says" for the offline background: the sentence an entity is first
 * mentioned in, trimmed to a glimpse around the name. A mention in a heading ("Blockade of
 * Mariupol") says little, so the first mention inside a real sentence is preferred.
 */
import type { Analysis, Span } from '../../analysis/types';
import { splitSentences } from '../../analysis/text/tokenize';

/** Blocks of the article text are separated by a blank line (article/text-builder.ts). */
const BLOCK_SEPARATOR = '\n\n';
/** Characters of the sentence shown at most; longer ones are cut around the mention. */
export const FIRST_SENTENCE_MAX = 220;

/** The block (paragraph or heading) of `text` that holds `at`. */
function blockAround(text: string, at: number): Span {
  const before = text.lastIndexOf(BLOCK_SEPARATOR, at);
  const after = text.indexOf(BLOCK_SEPARATOR, at);
  return { start: before < 0 ? 0 : before + BLOCK_SEPARATOR.length, end: after < 0 ? text.length : after };
}

/** The sentence of `text` that holds `mention`. */
function sentenceOf(text: string, mention: Span): Span {
  const block = blockAround(text, mention.start);
  const sentence = splitSentences(text, [block]).find((candidate) => candidate.start <= mention.start && mention.start < candidate.end);
  return sentence ? { start: sentence.start, end: sentence.end } : block;
}

const endsLikeASentence = (sentence: string): boolean => /[.!?…]["”’»)\]]*$/.test(sentence);

/** `sentence` cut to at most `max` characters, keeping the mention at `[start, end)` of it in view. */
export function glimpseAround(sentence: string, start: number, end: number, max = FIRST_SENTENCE_MAX): string {
  if (sentence.length <= max) return sentence;
  const room = Math.max(0, max - (end - start));
  const from = Math.min(Math.max(0, start - Math.floor(room / 2)), sentence.length - max);
  const to = from + max;
  let shown = sentence.slice(from, to);
  // Cut at word boundaries, so no word is shown in half.
  if (from > 0) shown = shown.replace(/^\S*\s+/, '');
  if (to < sentence.length) shown = shown.replace(/\s+\S*$/, '');
  return `${from > 0 ? '…' : ''}${shown.trim()}${to < sentence.length ? '…' : ''}`;
}

/** The sentence `entityId` is first mentioned in (a real sentence if it has one), trimmed; null when it has no mention. */
export function firstMentionSentence(analysis: Analysis, entityId: string): string | null {
  const entity = analysis.entities.find((candidate) => candidate.id === entityId);
  if (!entity || entity.mentions.length === 0) return null;
  const mentions = [...entity.mentions].sort((a, b) => a.start - b.start);
  const found = mentions.map((mention) => ({ mention, sentence: sentenceOf(analysis.text, mention) }));
  const chosen = found.find(({ sentence }) => endsLikeASentence(analysis.text.slice(sentence.start, sentence.end))) ?? found[0]!;
  const text = analysis.text.slice(chosen.sentence.start, chosen.sentence.end);
  return glimpseAround(text, chosen.mention.start - chosen.sentence.start, chosen.mention.end - chosen.sentence.start);
}
