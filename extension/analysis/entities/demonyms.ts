import { inGazetteer } from './gazetteer';
import { normalizeWord } from './normalize';

// Adjectives of nationality, religion and creed that the corpora call MISC and our gold does not annotate.
const DEMONYMS = new Set(
  (
    'french dutch swiss greek thai british irish welsh scottish kurdish jewish arab arabs muslim muslims ' +
    'christian christians catholic catholics protestant sunni shia shiite shiites buddhist hindu jews ' +
    'saudi saudis somali somalis yemeni yemenis emirati emiratis omani omanis ' +
    'islamic islamist islamists salafist salafists jihadist jihadists western eastern'
  ).split(' '),
);

/**
 * "Russian", "Americans", "Russian-Ukrainian", "London-based", "anti-Islamist": every part a
 * demonym or a lower-case word. Place names that end like demonyms ("Iran", "Japan") are kept.
 */
export function isDemonym(word: string): boolean {
  const parts = normalizeWord(word).split('-');
  const demonymPart = (p: string) => {
    const lower = p.toLowerCase();
    if (DEMONYMS.has(lower)) return true;
    if (/^\p{Lu}\p{Ll}+(i|is)$/u.test(p)) return inGazetteer(lower.replace(/is?$/, '')) === 'L'; // "Iraqi", "Israelis"; not "Ajmi"
    return /^\p{Lu}\p{Ll}+(ian|ians|ean|eans|an|ans|ese|ish|ic)$/u.test(p) && inGazetteer(lower) !== 'L' && !/^(democrats?|republicans?)$/.test(lower);
  };
  // "US-China", "Israel-Gaza": places joined as an adjective
  const placePart = (p: string) => inGazetteer(p.toLowerCase()) === 'L' || /^\p{Lu}{2,3}$/u.test(p);
  if (parts.length > 1 && parts.every(placePart)) return true;
  // "London-based": a place turned into an adjective
  if (parts.length > 1 && /^(based|born|led|backed|linked|run)$/.test(parts[parts.length - 1]!)) return true;
  return parts.some(demonymPart) && parts.every(p => demonymPart(p) || /^\p{Ll}/u.test(p) || !/\p{L}/u.test(p));
}
