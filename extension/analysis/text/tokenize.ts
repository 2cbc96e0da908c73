import type { Sentence, Span, Token } from '../types';

/**
 * Tokens and sentences. Written by hand: the libraries that split sentences (compromise,
 * wink, Intl.Segmenter) either pull in a large lexicon or split "Mr. Smith" and "U.S. officials"
 * wrongly, and the later stages need exact UTF-16 offsets into the article text.
 */

// A word (letters with inner apostrophes, hyphens or abbreviation dots), a possessive 's
// (its own token, as in the NER corpora), a number with separators ("3.9", "160,000",
// "1/2"), or any other single non-space character.
const TOKEN =
  /\p{L}[\p{L}\p{M}\p{N}]*(?:['’](?![sS]\b)\p{L}+|[-‐][\p{L}\p{N}]+|\.\p{L}(?=\.))*\.?|['’][sS]\b|\p{N}+(?:[.,:/]\p{N}+)*|[^\s]/gu;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st gen sen rep gov lt col capt sgt maj adm cmdr rev hon pres supt ' +
    'jr sr inc corp co ltd no nos vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'ave blvd mt ft'
  ).split(' '),
);

/** Splits `text[start, end)` into tokens. A trailing full stop stays on known abbreviations only. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = start;
  const slice = text.slice(0, end);
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let word = m[0];
    let s = m.index;
    // Keep the dot only on abbreviations ("Mr.", "U.S."), otherwise split it off.
    if (word.length > 1 && word.endsWith('.') && !isAbbreviation(word)) {
      word = word.slice(0, -1);
      tokens.push({ start: s, end: s + word.length, text: word });
      tokens.push({ start: s + word.length, end: s + word.length + 1, text: '.' });
      continue;
    }
    tokens.push({ start: s, end: s + word.length, text: word });
  }
  return tokens;
}

function isAbbreviation(word: string): boolean {
  const bare = word.slice(0, -1);
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return true; // U.S. / a.m.
  if (/^\p{Lu}$/u.test(bare)) return true; // initials: "John F. Kennedy"
  return ABBREVIATIONS.has(bare.toLowerCase());
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * Splits the text into sentences inside each block (blocks never share a sentence).
 * A sentence ends at . ! ? (with any closing quotes or brackets) when the next token starts
 * with an upper-case letter, a digit or an opening quote.
 */
export function splitSentences(text: string, blocks: Span[] = [{ start: 0, end: text.length }]): Sentence[] {
  const sentences: Sentence[] = [];
  blocks.forEach((block, blockIndex) => {
    const tokens = tokenize(text, block.start, block.end);
    let current: Token[] = [];
    const flush = () => {
      if (current.length) {
        sentences.push({ start: current[0]!.start, end: current[current.length - 1]!.end, tokens: current, block: blockIndex });
      }
      current = [];
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      current.push(t);
      if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…' || (t.text.endsWith('.') && t.text.length > 1 && isSentenceFinalAbbrev(t, tokens[i + 1]))) {
        // absorb closing quotes and brackets
        while (i + 1 < tokens.length && CLOSERS.has(tokens[i + 1]!.text) && tokens[i + 1]!.start === tokens[i]!.end) {
          current.push(tokens[++i]!);
        }
        const next = tokens[i + 1];
        if (!next || /^[\p{Lu}\p{N}"“‘«'(\[—–-]/u.test(next.text)) flush();
      }
    }
    flush();
  });
  return sentences;
}

// "in the U.S. The" ends a sentence; "Mr. Smith" and "U.S. officials" do not.
function isSentenceFinalAbbrev(t: Token, next: Token | undefined): boolean {
  if (!next) return true;
  const bare = t.text.slice(0, -1).toLowerCase();
  if (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare)) return false;
  return /^(The|A|An|He|She|It|They|We|I|But|And|In|On|This|That)$/.test(next.text);
}
