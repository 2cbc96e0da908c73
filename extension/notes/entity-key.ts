import type { EntityType } from '../analysis/types';
import { normalizeWord } from '../analysis/entities/normalize';

/**
 * The key one real-world entity has in the reader's memory across articles: its type and its
 * name with accents, case and possessives folded ("Boïtchenko" and "Boitchenko" meet).
 */
export function entityKey(type: EntityType, name: string): string {
  const folded = normalizeWord(name.trim().replace(/\s+/g, ' ')).toLowerCase().replace(/'s$/, '');
  return `${type}:${folded}`;
}
