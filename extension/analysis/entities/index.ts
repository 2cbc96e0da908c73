import type { Entity, Sentence } from '../types';

/** Finds the named entities of an English text, merged into one record per real-world thing. */
export function findEntities(_text: string, _sentences: Sentence[]): Entity[] {
  return []; // interim: the recognizer lands with the entities work
}
