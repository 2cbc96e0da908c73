import { normalizeWord } from './normalize';

/** Words that give a person's title or form of address, never part of their name. */
export const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady president vice-president mayor minister premier chancellor ' +
    'senator sen rep gov governor king queen prince princess pope sheikh general gen col colonel capt captain ' +
    'lt sgt maj judge justice rev father brother sister saint st secretary ambassador commissioner officer ' +
    'chairman chief coach'
  ).split(' '),
);

/** The comparable form of a name: accents, case, quotes, a leading "the" and a trailing "'s" folded away. */
export function nameKey(name: string): string {
  return normalizeWord(name)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .replace(/'s?$/, '')
    .replace(/\.$/, '')
    .trim();
}

/** Initials of the significant words: "Agence France-Presse" -> "AFP", "United Nations" -> "UN". */
export function initials(name: string): string {
  return normalizeWord(name)
    .split(/[\s-]+/)
    .filter(w => /^\p{Lu}/u.test(w))
    .map(w => w[0])
    .join('');
}

/** Whether a surface form is written as an acronym ("UN", "U.S.", "NATO"). */
export function isAcronym(form: string): boolean {
  return /^(\p{Lu}\.?){2,6}$/u.test(form) || /^(\p{Lu}\.){2,}$/u.test(form);
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

// Transliterations too far apart for the edit-distance rule: old and new spellings of places.
const SPELLING_VARIANTS = new Map([
  ['kiev', 'kyiv'],
  ['kharkov', 'kharkiv'],
  ['odessa', 'odesa'],
  ['nikolaev', 'mykolaiv'],
  ['lvov', 'lviv'],
  ['peking', 'beijing'],
  ['bombay', 'mumbai'],
  ['burma', 'myanmar'],
]);

/** The key with known spelling variants mapped to one form. */
export function canonicalKey(name: string): string {
  return nameKey(name)
    .split(' ')
    .map(word => SPELLING_VARIANTS.get(word) ?? word)
    .join(' ');
}

/**
 * Whether two keys are spellings of the same name ("kouleba"/"kuleba", "vladimir poutine"/
 * "vladimir putin"): same number of words, each pair within a small edit distance, and at least
 * one pair long enough that the likeness is not chance.
 */
export function similarSpelling(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length || a === b) return a === b;
  let edits = 0;
  for (let i = 0; i < wa.length; i++) {
    const x = wa[i]!;
    const y = wb[i]!;
    if (x === y) continue;
    const d = levenshtein(x, y);
    const shorter = Math.min(x.length, y.length);
    if (x[0] !== y[0] || shorter < 5 || d > (wa.length > 1 ? 2 : 1)) return false;
    edits += d;
  }
  return edits <= 2;
}
