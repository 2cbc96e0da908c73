/** Folds accents and curly quotes away: "Boïtchenko’s" -> "Boitchenko's". */
export function normalizeWord(word: string): string {
  if (isPlainAscii(word)) return word; // most words: nothing to fold, and this runs for every token
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7e) return false;
  return word.indexOf('`') < 0;
}
