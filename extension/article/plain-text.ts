import type { ArticleText, Span } from '../analysis/types';
import { articleLanguage } from './language';

/**
 * An article given as plain text (a `.txt` file): the first non-empty line is the headline,
 * blocks are separated by blank lines, or by single line breaks when the file has no blank
 * line. Offsets refer to the text as given (line endings normalised to "\n"), so a gold file
 * written against the same text lines up. No links, no page to map back to.
 */
export function articleFromPlainText(text: string): ArticleText {
  const normalised = text.replace(/\r\n?/g, '\n');
  const hasBlankLines = /\n[^\S\n]*\n/.test(normalised.trim());
  const blocks = hasBlankLines ? blocksBetween(normalised, /\n[^\S\n]*\n(?:[^\S\n]*\n)*/g) : blocksBetween(normalised, /\n/g);
  // The headline is the first line even when the first block runs on past it.
  const first = blocks[0];
  if (first) {
    const lineEnd = normalised.indexOf('\n', first.start);
    if (lineEnd >= 0 && lineEnd < first.end) blocks.splice(0, 1, ...splitAtLine(normalised, first, lineEnd));
  }
  const title = first ? normalised.slice(blocks[0]!.start, blocks[0]!.end) : '';
  return { text: normalised, title, lang: articleLanguage(null, normalised), blocks, links: [] };
}

/** The trimmed, non-empty stretches of `text` between matches of `separator`. */
function blocksBetween(text: string, separator: RegExp): Span[] {
  const blocks: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const span = trimmed(text, start, end);
    if (span.end > span.start) blocks.push(span);
  };
  for (const m of text.matchAll(separator)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return blocks;
}

function splitAtLine(text: string, block: Span, lineEnd: number): Span[] {
  return [trimmed(text, block.start, lineEnd), trimmed(text, lineEnd + 1, block.end)].filter((s) => s.end > s.start);
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
