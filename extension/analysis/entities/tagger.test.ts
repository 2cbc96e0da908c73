import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/tokenize';
import { goldLabels } from './corpus';
import { compactModel, loadModel } from './model';
import { labelRuns } from './recognize';
import { LABELS, tagDocument, TrainableWeights } from './tagger';

// A toy corpus: people are capitalised words after "met", places after "in".
const toy = [
  'Anna met Borin in Calda.',
  'Dervan met Eliska in Fosse.',
  'Gunnar met Hallie in Ibbet.',
  'Jorun met Kestrel in Lomond.',
].map(text => {
  const words = text.slice(0, -1).split(' ');
  const at = (w: string) => text.indexOf(w);
  return {
    id: text,
    text,
    entities: [
      { start: 0, end: words[0]!.length, type: 'PER' as const },
      { start: at(words[2]!), end: at(words[2]!) + words[2]!.length, type: 'PER' as const },
      { start: at(words[4]!), end: at(words[4]!) + words[4]!.length, type: 'LOC' as const },
    ],
  };
});

function train(): TrainableWeights {
  const weights = new TrainableWeights();
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const doc of toy) {
      const sentences = splitSentences(doc.text);
      tagDocument(sentences, weights, goldLabels(doc, sentences), (features, gold, predicted) => {
        if (gold !== predicted) weights.update(features, gold, predicted);
        weights.tick();
      });
    }
  }
  return weights;
}

const typesOf = (tags: number[]) => labelRuns(tags).map(([first, last, type]) => [first, last, type]);

describe('averaged perceptron tagger', () => {
  it('learns a toy set and generalises to unseen names', () => {
    const weights = train();
    const [tags] = tagDocument(splitSentences('Marek met Nadia in Orvale.'), weights);
    expect(typesOf(tags!)).toEqual([
      [0, 0, 'PER'],
      [2, 2, 'PER'],
      [4, 4, 'LOC'],
    ]);
  });

  it('never predicts I- after O', () => {
    const [tags] = tagDocument(splitSentences('a b c d'), train());
    tags!.forEach((tag, i) => {
      if (LABELS[tag]!.startsWith('I-')) expect(tags![i - 1]).not.toBe(0);
    });
  });

  it('survives the compact format round trip', () => {
    const weights = train();
    const file = JSON.parse(JSON.stringify(compactModel(weights, 'toy', 0))) as ReturnType<typeof compactModel>;
    const loaded = loadModel(file);
    const sentences = splitSentences('Pavla met Quill in Rensk. Anna met Borin in Calda.');
    expect(tagDocument(sentences, loaded)).toEqual(tagDocument(sentences, weights));
    expect(loaded.size).toBeGreaterThan(0);
  });

  it('rejects a model of another format', () => {
    expect(() => loadModel({ format: 'other', labels: [] } as never)).toThrow(/unsupported/);
  });
});
