/**
 * Bundled facts about places for the popover's offline background (issue 7): what kind of place a
 * name is, its country and its population, from openly licensed data (assets/places/README.md).
 * The towns are the recogniser's own list (assets/ner/cities.json); assets/places/places.json adds
 * their facts in the same order, so no list of names is shipped twice. Background bundle only.
 */
import towns from '../../assets/ner/cities.json';
import places from '../../assets/places/places.json';
import { canonicalKey } from '../analysis/entities/names';
import type { PlaceFacts } from './types';

/** A town of at least this many people is a city. */
const CITY_POPULATION = 100_000;

let index: Map<string, PlaceFacts> | undefined;

/**
 * The facts about the place `name` names ("Mariupol", "Kiev", "Zurich", "U.S.", "Asia"), or null
 * when the gazetteer does not know it or cannot tell which place it is. Accents, case and dots are
 * folded and old spellings mapped ("Kiev" is Kyiv); a name shared by several towns is the most
 * populous, unless a namesake in another country is of comparable size ("Washington"); a
 * continent's or country's name or other name ("UK") comes before any town of that name.
 */
export function placeFacts(name: string): PlaceFacts | null {
  index ??= buildIndex();
  return index.get(placeKey(name)) ?? null;
}

/** The comparable form of a place name: the entity recogniser's name key, without dots and punctuation. */
function placeKey(name: string): string {
  return canonicalKey(name)
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function buildIndex(): Map<string, PlaceFacts> {
  const countryNames = new Map(places.countries.map(([code, name]) => [code!, name!]));
  const facts = places.towns.split(';');
  if (facts.length !== towns.cities.length) {
    throw new Error('assets/places/places.json does not match assets/ner/cities.json: run extension/cli/build-gazetteer.ts');
  }
  const byKey = new Map<string, PlaceFacts>();
  towns.cities.forEach((town, i) => {
    // "UA" + population in base 36 + "*" for a capital, "" for a name shared across countries (see extension/cli/build-gazetteer.ts)
    const fact = facts[i]!;
    if (!fact) return;
    const capital = fact.endsWith('*');
    const population = parseInt(fact.slice(2, capital ? -1 : undefined), 36);
    const key = placeKey(town);
    const known = byKey.get(key);
    if (known && (known.population ?? 0) >= population) return;
    const kind = capital ? 'capital city' : population >= CITY_POPULATION ? 'city' : 'town';
    byKey.set(key, { kind, country: countryNames.get(fact.slice(0, 2)) ?? null, population });
  });
  // Continents and countries before towns of their name ("Asia" is also a town in the Philippines); countries-list has no populations.
  for (const name of places.continents) byKey.set(placeKey(name), { kind: 'continent', country: null, population: null });
  for (const [, ...names] of places.countries) {
    for (const name of names) byKey.set(placeKey(name), { kind: 'country', country: null, population: null });
  }
  return byKey;
}
