import type { EntityType, Mention, Sentence } from '../types';
import { documentContext, type DocumentContext } from './features';
import { LABELS, tagDocument, type Weights } from './tagger';

/** Runs the tagger over the sentences and returns the entity mentions, in text order. */
export function recognizeMentions(
  text: string,
  sentences: Sentence[],
  weights: Weights,
  doc: DocumentContext = documentContext(sentences),
): Mention[] {
  const tags = tagDocument(sentences, weights, undefined, doc);
  const mentions: Mention[] = [];
  sentences.forEach((sentence, s) => {
    for (const [first, last, type] of labelRuns(tags[s]!)) {
      const start = sentence.tokens[first]!.start;
      const end = sentence.tokens[last]!.end;
      mentions.push({ start, end, type, text: text.slice(start, end) });
    }
  });
  return mentions.filter(m => !isNoise(m));
}

/** BIO label indexes -> [first token, last token, type] runs. */
export function labelRuns(tags: number[]): [number, number, EntityType][] {
  const runs: [number, number, EntityType][] = [];
  tags.forEach((tag, i) => {
    const label = LABELS[tag]!;
    if (label === 'O') return;
    const type = label.slice(2) as EntityType;
    const open = runs[runs.length - 1];
    if (label.startsWith('I-') && open && open[1] === i - 1 && open[2] === type) open[1] = i;
    else runs.push([i, i, type]);
  });
  return runs;
}

// Spans that cannot be names: no letter at all, or a lone punctuation mark.
function isNoise(mention: Mention): boolean {
  return !/\p{L}/u.test(mention.text);
}
