import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/tokenize';
import { documentContext, hashFeature, staticFeatures, transitionFeatures, wordShape } from './features';
import { normalizeWord } from './normalize';

describe('features', () => {
  it('folds accents and curly apostrophes', () => {
    expect(normalizeWord('Boïtchenko’s')).toBe("Boitchenko's");
  });

  it('collapses word shapes', () => {
    expect(wordShape('McDonald')).toBe('XxXx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('2021-2022')).toBe('d-d');
  });

  it('knows how a word is written elsewhere in the document', () => {
    const text = 'MAYOR OF ZORBIA SPEAKS\nThe mayor said Zorbia would rebuild.';
    const doc = documentContext(splitSentences(text, [{ start: 0, end: 22 }, { start: 23, end: text.length }]));
    expect(doc.sentences[0]!.headline).toBe(true);
    expect(doc.capitalizedMidSentence.has('zorbia')).toBe(true);
    expect(doc.lowercase.has('mayor')).toBe(true);
    // the headline's ZORBIA gets the "capitalised elsewhere" feature, its MAYOR the "lower case elsewhere" one
    expect(staticFeatures(doc, 0, 2)).toContain(hashFeature('doc=C'));
    expect(staticFeatures(doc, 0, 0)).toContain(hashFeature('doc=l'));
  });

  it('hashes features part by part to the hash of the whole string', () => {
    const doc = documentContext(splitSentences('They flew to Nairobi.'));
    const features = staticFeatures(doc, 0, 3);
    for (const feature of ['w=Nairobi', 'l-1|l=to|nairobi', 'sh-1|sh|sh+1=x|Xx|.', 'p3=nai', 's4=robi', 'len=7', 'run=1/1']) {
      expect(features).toContain(hashFeature(feature));
    }
  });

  it('scores a transition by the previous label, alone and with the word shape', () => {
    expect(transitionFeatures('B-PER', 'Xx')).toEqual([hashFeature('t-1=B-PER'), hashFeature('t-1|sh=B-PER|Xx')]);
    expect(transitionFeatures('<s>', 'X.X.')).toContain(hashFeature('t-1|sh=<s>|X.X.'));
  });

  it('marks gazetteer places', () => {
    const doc = documentContext(splitSentences('They flew to Nairobi.'));
    expect(staticFeatures(doc, 0, 3)).toContain(hashFeature('gaz=L'));
    // towns from GeoNames have their own mark
    expect(staticFeatures(documentContext(splitSentences('Shelling hit Irpin.')), 0, 2)).toContain(hashFeature('gaz=C'));
  });
});
