/** The gazetteer's facts about a place in a few words, for the offline background. */
import type { PlaceFacts } from '../../wikipedia/types';

// Made on first use: a NumberFormat built when the content script loads cost every page ~14 ms
// of one main-thread task (ICU set-up), measured in Chromium with `npm run bench -- c`.
let population: Intl.NumberFormat | undefined;

/** "City in Ukraine, population 431,859"; "Country, population 38,000,000"; the kind alone when nothing else is known. */
export function describePlace(facts: PlaceFacts): string {
  const kind = facts.kind.charAt(0).toUpperCase() + facts.kind.slice(1);
  const where = facts.country ? `${kind} in ${facts.country}` : kind;
  return facts.population !== null && facts.population > 0 ? `${where}, population ${(population ??= new Intl.NumberFormat('en')).format(facts.population)}` : where;
}
