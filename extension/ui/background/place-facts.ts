/** The gazetteer's facts about a place in a few words, for the offline background. */
import type { PlaceFacts } from '../../wikipedia/types';

const POPULATION = new Intl.NumberFormat('en');

/** "City in Ukraine, population 431,859"; "Country, population 38,000,000"; the kind alone when nothing else is known. */
export function describePlace(facts: PlaceFacts): string {
  const kind = facts.kind.charAt(0).toUpperCase() + facts.kind.slice(1);
  const where = facts.country ? `${kind} in ${facts.country}` : kind;
  return facts.population !== null && facts.population > 0 ? `${where}, population ${POPULATION.format(facts.population)}` : where;
}
