import type { Span } from '../types';

/** A top-level quoted span: `start`/`end` hold the quoted words (marks and outer spaces excluded). */
export interface QuotedSpan extends Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the block end when the quote runs on into the next paragraph. */
  close: number;
  block: number;
  /** True when the paragraph ends before the quote closes (it continues in the next paragraph). */
  unclosed: boolean;
}

const DOUBLE_OPEN = new Set(['“', '«', '„']);
const DOUBLE_CLOSE: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"' };
const LETTER = /[\p{L}\p{N}]/u;
const QUOTE_CHAR = /["“”«»„‘’']/g;

/**
 * Pairs the quotation marks of each block and returns the outermost quoted spans. Double marks
 * (straight, curly, guillemets) nest; single marks count only at the top level, and only where
 * they cannot be an apostrophe (an opening one before a letter and after a non-letter, a closing
 * one after a non-space and before a non-letter). A double quote still open at the end of its
 * block is the usual multi-paragraph quotation: it runs to the block end.
 */
export function findQuotedSpans(text: string, blocks: Span[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  blocks.forEach((block, blockIndex) => {
    const stack: { mark: string; pos: number }[] = [];
    const push = (open: number, close: number, unclosed: boolean) => {
      const span = trimmed(text, open + 1, unclosed ? close : close - 1);
      if (span.end > span.start) spans.push({ ...span, open, close, block: blockIndex, unclosed });
    };
    // only the quotation marks matter: jump from one to the next
    QUOTE_CHAR.lastIndex = block.start;
    for (let m = QUOTE_CHAR.exec(text); m && m.index < block.end; m = QUOTE_CHAR.exec(text)) {
      const i = m.index;
      const c = m[0];
      const top = stack[stack.length - 1];
      if (top && (c === DOUBLE_CLOSE[top.mark] || (isSingle(top.mark) && isSingleClose(text, i, c)))) {
        stack.pop();
        if (stack.length === 0) push(top.pos, i + 1, false);
      } else if (DOUBLE_OPEN.has(c) || c === '"') {
        stack.push({ mark: c, pos: i });
      } else if (stack.length === 0 && (c === '‘' || c === "'") && isSingleOpen(text, i, block)) {
        stack.push({ mark: c, pos: i });
      }
    }
    const first = stack[0];
    if (first && !isSingle(first.mark)) push(first.pos, block.end, true);
  });
  return spans;
}

function isSingle(mark: string): boolean {
  return mark === '‘' || mark === "'";
}

function isSingleOpen(text: string, i: number, block: Span): boolean {
  const before = i > block.start ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return !LETTER.test(before) && LETTER.test(after);
}

function isSingleClose(text: string, i: number, c: string): boolean {
  if (c !== '’' && c !== "'") return false;
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(before) && !LETTER.test(after);
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
