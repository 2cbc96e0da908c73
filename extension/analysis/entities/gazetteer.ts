import gazetteer from '../../../assets/ner/gazetteer.json';
import { normalizeWord } from './normalize';

/**
 * Place names from an openly licensed list (countries-list, MIT: countries, capitals,
 * continents; see assets/ner/README.md), as a recogniser feature for names the training text
 * never saw. "L" marks a one-word place name, "l" a word of a longer one ("Abu" in "Abu Dhabi").
 */
const placeWords = buildPlaceWords(gazetteer.places);

function buildPlaceWords(places: string[]): Map<string, 'L' | 'l'> {
  const words = new Map<string, 'L' | 'l'>();
  for (const place of places) {
    const parts = normalizeWord(place).toLowerCase().split(/\s+/);
    if (parts.length === 1) words.set(parts[0]!, 'L');
    else for (const part of parts) if (part.length > 3 && !words.has(part)) words.set(part, 'l');
  }
  return words;
}

export function inGazetteer(lowerWord: string): 'L' | 'l' | undefined {
  return placeWords.get(lowerWord);
}
