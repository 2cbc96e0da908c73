import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/tokenize';
import { goldLabels } from './corpus';
import { compactModel, loadModel } from './model';
import { labelRuns } from './recognize';
import { LABEL_COUNT, LABELS, tagDocument, TrainableWeights, viterbi } from './tagger';

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
      tagDocument(sentences, weights, { gold: goldLabels(doc, sentences), learner: weights });
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

  it('decodes the best whole sequence, not word by word', () => {
    // word 1 alone prefers B-PER, but only B-ORG can go on into word 2's strong I-ORG
    const label = (name: string) => LABELS.indexOf(name as (typeof LABELS)[number]);
    const emissions = new Float64Array(2 * LABEL_COUNT);
    emissions[label('B-PER')] = 1;
    emissions[label('B-ORG')] = 0.9;
    emissions[LABEL_COUNT + label('I-ORG')] = 2;
    emissions[LABEL_COUNT + label('I-PER')] = 0.5;
    const noTransitions = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
    const tags = viterbi({ emissions, transitions: [noTransitions, noTransitions] });
    expect(tags.map(t => LABELS[t])).toEqual(['B-ORG', 'I-ORG']);
  });

  it('never starts a sentence with I-, however it scores', () => {
    const emissions = new Float64Array(LABEL_COUNT);
    emissions[LABELS.indexOf('I-LOC')] = 5;
    expect(viterbi({ emissions, transitions: [new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT)] })).toEqual([0]);
    expect(viterbi({ emissions: new Float64Array(0), transitions: [] })).toEqual([]);
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
