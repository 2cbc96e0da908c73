import { splitSentences } from '../text/tokenize';
import type { EntityType, Sentence, Span } from '../types';
import { LABELS } from './tagger';

/** One document of the NER corpora (shared/data/ner*, see their READMEs). */
export interface NerDocument {
  id: string;
  text: string;
  tokenOffsets?: [number, number][];
  sentences?: [number, number][];
  entities?: (Span & { type: EntityType })[];
}

/**
 * The document's sentences as the extension's tokenizer makes them, inside the corpus sentence
 * boundaries when it has them, else inside its lines (CoNLL text puts one sentence per line).
 */
export function documentSentences(doc: NerDocument): Sentence[] {
  return splitSentences(doc.text, corpusBlocks(doc));
}

function corpusBlocks(doc: NerDocument): Span[] {
  const offsets = doc.tokenOffsets;
  if (doc.sentences && offsets) {
    return doc.sentences.map(([first, end]) => ({ start: offsets[first]![0], end: offsets[end - 1]![1] }));
  }
  return lineBlocks(doc.text);
}

/** The non-empty lines of a text, as blocks. */
export function lineBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) blocks.push({ start: m.index!, end: m.index! + m[0].length });
  return blocks;
}

/** Gold BIO label indexes for each token; a token only partly inside an entity counts as outside. */
export function goldLabels(doc: NerDocument, sentences: Sentence[]): number[][] {
  const entities = doc.entities ?? [];
  return sentences.map(sentence => {
    let previous: Span | undefined;
    return sentence.tokens.map(token => {
      const e = entities.find(e => token.start >= e.start && token.end <= e.end);
      const prefix = e === previous ? 'I' : 'B';
      previous = e;
      return e ? LABELS.indexOf(`${prefix}-${e.type}`) : 0;
    });
  });
}

/** One JSON value per non-empty line. */
export function parseJsonl<T>(text: string): T[] {
  return text.split('\n').filter(line => line.trim()).map(line => JSON.parse(line) as T);
}
