/**
 * Number phrases in English news text: digits with separators, currency and scale words
 * ("$2bn", "3.9 million"), spelled-out numbers ("fifteen", "a thousand", "tens of thousands"),
 * fractions, percentages, multipliers ("threefold") and ranges, with the hedge before them
 * ("nearly", "more than"). Written by hand: the number plugins we could use (compromise's
 * numbers) parse words into values but give neither exact offsets nor hedges and ranges.
 */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, tn: 1e12, m: 1e6, k: 1e3, mn: 1e6 };
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const MULTIPLIERS: Record<string, number> = { doubled: 2, twice: 2, tripled: 3, trebled: 3, quadrupled: 4, quintupled: 5 };
const PARTS: Record<string, number> = { half: 0.5, 'a third': 1 / 3, 'one-third': 1 / 3, 'a quarter': 0.25, 'one-quarter': 0.25, 'two-thirds': 2 / 3, 'three-quarters': 0.75 };
const VAGUE: Record<string, number> = {
  'tens of thousands': 1e4, 'hundreds of thousands': 1e5, 'tens of millions': 1e7, 'hundreds of millions': 1e8,
  dozens: 12, hundreds: 100, thousands: 1000, millions: 1e6, billions: 1e9,
};

const WORD = `(?:(?:${TENS.filter(Boolean).join('|')})(?:[-‐ ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.join('|')})`;
const SCALE_WORD = 'hundred|thousand|million|billion|trillion';
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CURRENCY = String.raw`(?:US\$|C\$|A\$|HK\$|\$|£|€|¥|₹)`;
const DIGIT_SCALE = String.raw`(?:\s?(?:${SCALE_WORD})\b|(?:bn|tn|mn|m|k)(?![\p{L}\p{N}]))`;
/** Units of time: "ten days", and "about a month" (with a hedge, "a" counts as one). */
export const TIME_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century'];
/** "more than a decade" is ten years: the value counts the unit the text names. */
const ARTICLE_UNITS: Record<string, number> = { decade: 10, century: 100 };
const HEDGES = [
  'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'some', 'over', 'under', 'more than', 'less than',
  'fewer than', 'at least', 'at most', 'up to', 'as much as', 'as many as', 'as few as', 'as little as', 'precisely',
  'exactly', 'just', 'only', 'an estimated', 'upwards of', 'all', 'close to', 'well over', 'well under', 'a total of', 'estimated',
];

/** The hedge (group `hedge`) and number (the named alternatives) of one number phrase. */
export const NUMBER_PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}$£€¥₹.,/+:-])` +
    `(?<hedge>(?:(?:${HEDGES.join('|')})\\s+)*)` +
    '(?:' +
    String.raw`(?:(?<cur>${CURRENCY})\s?)?(?<num>${DIGITS})(?<den>/\d+)?(?<dscale>${DIGIT_SCALE})?` +
    String.raw`(?<range>\s?[-–]\s?${CURRENCY}?(?:${DIGITS})${DIGIT_SCALE}?|\s+to\s+${CURRENCY}?(?:${DIGITS})${DIGIT_SCALE}?)?` +
    String.raw`(?<pct>\s?%|\s(?:percent|per cent)\b)?(?![\p{L}\p{N}])` +
    `|(?<vague>${Object.keys(VAGUE).join('|')})\\b` +
    `|(?<part>${Object.keys(PARTS).join('|')})\\b` +
    `|(?<mult>(?:${WORD})fold|${Object.keys(MULTIPLIERS).join('|')})\\b` +
    `|(?<ord>${ORDINALS.slice(1).join('|')}|\\d+(?:st|nd|rd|th))(?=\\s+(?:straight|consecutive)\\b)` +
    `|(?<article>an?)(?=\\s+(?<articleUnit>${TIME_UNITS.join('|')})\\b)` +
    `|(?<word>(?:a|an|${WORD})\\s+(?:${SCALE_WORD}|dozen)(?:\\s+(?:and\\s+)?${WORD})?|${WORD}(?:[-‐\\s](?:${SCALE_WORD}))?|dozen)\\b` +
    String.raw`(?<wpct>\s(?:percent|per cent)\b)?` +
    ')',
  'giu',
);

/** The value of a spelled-out number ("twenty-five", "a thousand", "three hundred and twenty"). */
export function wordValue(phrase: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of phrase.toLowerCase().split(/[\s\-‐]+/)) {
    if (w === 'and') continue;
    if (w === 'a' || w === 'an') {
      current = 1;
      seen = true;
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (UNITS.includes(w)) {
      current += UNITS.indexOf(w);
      seen = true;
    } else if (TENS.includes(w)) {
      current += TENS.indexOf(w) * 10;
      seen = true;
    } else if (w in SCALES) {
      const scale = SCALES[w]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else if (w.endsWith('fold')) {
      return wordValue(w.slice(0, -4));
    } else return null;
  }
  return seen ? total + current : null;
}

/** The value of a digit number with an optional scale ("3.9", " million" -> 3900000; "2", "bn"). */
export function digitValue(num: string, scale: string | undefined): number {
  const base = Number(num.replace(/,/g, ''));
  const s = scale?.trim().toLowerCase();
  return s ? base * (SCALES[s] ?? 1) : base;
}

/** Value of the matched phrase from its named groups, or null when it is not a quantity. */
export function phraseValue(g: Record<string, string | undefined>): number | null {
  if (g.num) {
    const value = digitValue(g.num, g.dscale);
    return g.den ? value / Number(g.den.slice(1)) : value;
  }
  if (g.vague) return VAGUE[g.vague.toLowerCase()] ?? null;
  if (g.part) return PARTS[g.part.toLowerCase()] ?? null;
  if (g.mult) return MULTIPLIERS[g.mult.toLowerCase()] ?? wordValue(g.mult);
  if (g.ord) return /^\d/.test(g.ord) ? parseInt(g.ord, 10) : ORDINALS.indexOf(g.ord.toLowerCase());
  if (g.word) return wordValue(g.word);
  if (g.article) return ARTICLE_UNITS[g.articleUnit?.toLowerCase() ?? ''] ?? 1;
  return null;
}
