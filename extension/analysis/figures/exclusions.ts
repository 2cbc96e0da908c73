import type { AnalysisContext } from '../types';
import type { NumberPhrase } from './index';
import { TIME_UNITS } from './numbers';

const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const CLOCK_AFTER = /^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|BST\b|ET\b|EST\b|EDT\b|PST\b|CET\b|o['’]clock))/i;
/** Maturities and delivery terms: "10-year notes", "three-month aluminum". */
const INSTRUMENT = /^[-‐\s](?:year|month|week|day)s?[-‐\s](?:notes?|bonds?|yields?|treasur(?:y|ies)|bills?|gilts?|aluminium|aluminum|copper|nickel|zinc|futures|contracts?|rates?|swaps?|paper|debt|loans?|mortgages?|deposits?|securities)\b/i;
const TIME_UNIT_AFTER = new RegExp(`^[\\s-]+(?:${TIME_UNITS.join('|')})s?\\b`, 'i');
/** A day of the month right before its year: "29, 2016". */
const DAY_BEFORE_YEAR = /^,\s*(?:1[89]|20)\d\d\b/;
const ORDINAL_BEFORE = /^(?:first|second|third|last|latter|other)$/i;
const PREVIOUS_WORD = /([\p{L}][\p{L}\p{M}.'’-]*)\s*$/u;
const NEXT_WORD = /^\s*([\p{L}][\p{L}.]*)/u;

/** True when the number is not a quantity: a date, a year, a clock time, part of a name or a list number. */
export function isExcluded(ctx: AnalysisContext, p: NumberPhrase): boolean {
  const { text } = ctx;
  const before = text.slice(Math.max(0, p.numberStart - 30), p.numberStart);
  const after = text.slice(p.numberEnd, p.numberEnd + 30);
  const previous = PREVIOUS_WORD.exec(before)?.[1] ?? '';
  const next = NEXT_WORD.exec(after)?.[1] ?? '';
  const g = p.groups;
  if (g.num && (MONTHS.test(previous) || MONTHS.test(next))) return true;
  if (g.num && isYear(g) ) return true;
  if (g.num && Number(g.num) <= 31 && !g.dscale && !g.pct && DAY_BEFORE_YEAR.test(after)) return true; // "Nov, 29, 2016"
  if (g.num && CLOCK_AFTER.test(after)) return true;
  if (INSTRUMENT.test(after)) return true;
  if (g.den && isDateOrRatio(g.num!, g.den)) return true;
  if (g.num && !g.cur && !g.pct && !g.dscale && !p.hedge && isNamePart(before, previous)) return true;
  if (g.word && /^\p{Lu}/u.test(g.word) && /^\p{Lu}/u.test(next) && !/(?:^|[.!?:]|\n)\s*["“‘']?$/.test(before)) return true; // "the Three Amigos"
  if (g.word?.toLowerCase() === 'one' && !p.hedge && !TIME_UNIT_AFTER.test(after)) return true; // "one of them", "no one"
  if (g.part && ORDINAL_BEFORE.test(previous)) return true; // "the second half"

  return isListNumber(ctx, p, after);
}

function isYear(g: Record<string, string | undefined>): boolean {
  const n = Number(g.num);
  return /^\d{4}$/.test(g.num!) && n >= 1800 && n <= 2100 && !g.cur && !g.pct && !g.dscale && !g.den;
}

/** "9/11" and "24/7" are dates or ratios; "7/32" and "3/4" fractions (halves, quarters, eighths... and tenths, hundredths). */
function isDateOrRatio(num: string, den: string): boolean {
  const a = Number(num);
  const b = Number(den.slice(1));
  return a >= b || !FRACTION_DENOMINATORS.has(b);
}
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 8, 10, 16, 32, 64, 100, 1000]);

/** "Boeing 787", "Nikkei 225", "Progress MS-04": a number right after a capitalised word inside a sentence. */
function isNamePart(before: string, previous: string): boolean {
  if (!/^\p{Lu}/u.test(previous) || !/\s$/.test(before) || /^\p{Lu}\.?$/u.test(previous)) return false;
  const prefix = before.slice(0, before.length - before.trimEnd().length === 0 ? before.length : before.trimEnd().length - previous.length);
  return !/(?:^|[.!?:"“”]\s*)$/.test(prefix.trimEnd()) && prefix.trim().length > 0;
}

/** "1. The first point" at the start of a block. */
function isListNumber(ctx: AnalysisContext, p: NumberPhrase, after: string): boolean {
  return ctx.blocks.some((b) => b.start === p.numberStart) && /^[.)]\s/.test(after);
}
