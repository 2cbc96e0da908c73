import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TextPositionSelector, TextQuoteSelector } from '../types';
import { describeSpan } from './describe';
import { reanchor, reanchorAll } from './reanchor';

const article = readFileSync(new URL('./fixtures/article.txt', import.meta.url), 'utf8');

/** A note on the `nth` (0-based) occurrence of `phrase` in `text`. */
function noteOn(text: string, phrase: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(phrase, at + 1);
  if (at === -1) throw new Error(`no occurrence ${nth} of ${phrase}`);
  return { id: `urn:uuid:${phrase}:${nth}`, ...describeSpan(text, at, at + phrase.length) };
}

/** `text` with `from` replaced by `to` (which must occur once). */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** The text a placement covers. */
const placed = (text: string, quote: TextQuoteSelector, position: TextPositionSelector) => {
  const placement = reanchor(text, quote, position);
  return placement && { how: placement.how, text: text.slice(placement.start, placement.end) };
};

const phrases = [
  'Harbour city votes',
  'Helena Marsh',
  'a bet the city cannot afford',
  'moved its crossings to Kellingford',
  'If the ferries come back, the street comes back.',
  'the 1964 clock tower',
];

describe('reanchor', () => {
  it('keeps every note at its position on an unchanged page', () => {
    const notes = phrases.map((phrase) => noteOn(article, phrase));
    const placements = reanchorAll(article, notes);
    for (const note of notes) {
      expect(placements.get(note.id)).toEqual({ ...note.position, type: undefined, how: 'position' });
    }
  });

  it('finds every note again after a paragraph is inserted before them', () => {
    const changed = edit(article, 'The council of Port', 'A new paragraph the editors added later.\n\nThe council of Port');
    for (const phrase of phrases.slice(1)) {
      const { quote, position } = noteOn(article, phrase);
      expect(placed(changed, quote, position)).toEqual({ how: 'exact', text: phrase });
    }
  });

  it('is not moved by a change beside the quote (an ad inserted after it)', () => {
    const { quote, position } = noteOn(article, 'moved its crossings to Kellingford');
    const changed = edit(article, 'the following spring.', 'the following spring. ADVERTISEMENT: Fly to Kellingford from 19 euros!');
    expect(placed(changed, quote, position)).toEqual({ how: 'exact', text: 'moved its crossings to Kellingford' });
  });

  it('keeps a note on a name whose sentence was rewritten on both sides', () => {
    const { quote, position } = noteOn(article, 'Helena Marsh');
    const changed = edit(article, 'said the mayor, Helena Marsh, who had made', 'said the city\'s mayor Helena Marsh, who made');
    expect(placed(changed, quote, position)).toEqual({ how: 'exact', text: 'Helena Marsh' });
  });

  it('follows a typo fixed inside the quote', () => {
    const withTypo = edit(article, 'Helena Marsh, who had', 'Helena Mrash, who had');
    const { quote, position } = noteOn(withTypo, 'the mayor, Helena Mrash');
    expect(placed(article, quote, position)).toEqual({ how: 'fuzzy', text: 'the mayor, Helena Marsh' });
  });

  it('finds a reworded sentence', () => {
    const phrase = 'Tomas Varga, who leads the opposition group on the council, called the cost';
    const { quote, position } = noteOn(article, phrase);
    const changed = edit(article, phrase, 'Tomas Varga, leader of the opposition group on the council, called the price');
    expect(placed(changed, quote, position)).toEqual({
      how: 'fuzzy',
      text: 'Tomas Varga, leader of the opposition group on the council, called the price',
    });
  });

  it('orphans a note whose passage was removed, for every sentence of the article', () => {
    const sentences = article.match(/[^.!?\n]+[.!?]["”]?/g)!.map((s) => s.trim()).filter((s) => s.length > 20);
    expect(sentences.length).toBeGreaterThan(15);
    for (const sentence of sentences) {
      const { quote, position } = noteOn(article, sentence);
      const changed = article.replace(sentence, '');
      expect({ sentence, placed: placed(changed, quote, position) }).toEqual({ sentence, placed: null });
    }
  });

  it('orphans a note on a removed paragraph rather than moving it to a similar one', () => {
    const paragraph = article.split('\n\n').find((p) => p.startsWith('Northline Ferries said'))!;
    const { quote, position } = noteOn(article, 'The company did not say whether it would return.');
    expect(placed(article.replace(paragraph, ''), quote, position)).toBeNull();
  });

  it('tells a repeated quote apart by its prefix and suffix', () => {
    // "the terminal" occurs twice; the note is on the one in the mayor's campaign, and the edits
    // add three more, two of them before it.
    const { quote, position } = noteOn(article, 'the terminal', 0);
    expect(article.slice(position.end, position.end + 20)).toBe(' the centre of her c');
    const changed = edit(article, 'Not everyone was convinced.', 'Not everyone was convinced that the terminal matters.');
    const moved = 'A paragraph about the terminal, and the terminal again.\n\n';
    const shifted = moved + changed;
    const placement = reanchor(shifted, quote, position)!;
    expect(placement.how).toBe('exact');
    expect(shifted.slice(placement.start, placement.end + 20)).toBe('the terminal the centre of her c');
  });

  it('does not take the old position when another occurrence slides under it', () => {
    const { quote, position } = noteOn(article, 'the ferries', 1);
    // Insert exactly as many characters before the note as bring the previous occurrence under its offsets.
    const previous = article.lastIndexOf('the ferries', position.start - 1);
    const filler = 'x'.repeat(position.start - previous);
    const shifted = filler + article;
    expect(shifted.slice(position.start, position.end)).toBe('the ferries');
    const placement = reanchor(shifted, quote, position)!;
    expect(placement).toMatchObject({ start: position.start + filler.length, how: 'exact' });
  });

  it('follows its own edited passage rather than the same words in an unrelated place', () => {
    // A letter quoting the mayor puts the note's exact words in a second, unrelated place.
    const { quote, position } = noteOn(article, 'the harbour comes back');
    const elsewhere = article + '\n\nLetters: the harbour comes back every winter, one reader wrote.';
    const edited = edit(elsewhere, 'This is the day the harbour comes back to life', 'This is the day the harbor comes back to life');
    const placement = reanchor(edited, quote, position)!;
    expect(placement).toMatchObject({ how: 'fuzzy', start: position.start });
    expect(edited.slice(placement.start, placement.end)).toBe('the harbor comes back');
    // With its passage removed, the note is orphaned, not moved to the letter.
    const removed = edit(elsewhere, '"This is the day the harbour comes back to life," said', 'Said');
    expect(reanchor(removed, quote, position)).toBeNull();
  });

  it('orphans a removed short word rather than moving it to another "six" or a word one letter away', () => {
    const { quote, position } = noteOn(article, 'six', 0);
    const removed = edit(article, 'harbour city for six years', 'harbour city for years');
    expect(removed).toContain('For six years');
    expect(reanchor(removed, quote, position)).toBeNull();
  });

  it('stays quick on a quote that occurs hundreds of times', () => {
    const long = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} says the council met.`).join('\n\n');
    const { quote, position } = noteOn(long, 'the council', 150);
    const shifted = 'Inserted first.\n\n' + long;
    reanchor(shifted, quote, position); // warm up: the bound is on the work, not the compiler
    const started = performance.now();
    const placement = reanchor(shifted, quote, position)!;
    // Scoring each occurrence with an approximate search took 30 ms here; the context check takes well under 1.
    expect(performance.now() - started).toBeLessThan(10);
    expect(placement).toEqual({ start: position.start + 'Inserted first.\n\n'.length, end: position.end + 'Inserted first.\n\n'.length, how: 'exact' });
  });

  it('returns null for empty or hostile input, and never throws', () => {
    const { quote, position } = noteOn(article, 'Helena Marsh');
    const broken = [
      ['', quote, position],
      [article, { ...quote, exact: '' }, position],
      [article, null, position],
      [article, { type: 'TextQuoteSelector', exact: 42 }, position],
      [null, quote, position],
      [article, { ...quote, exact: 'zzzzzzzzzzzzzzzz' }, position],
      [article, { ...quote, exact: '§' }, position],
    ] as const;
    for (const [text, q, p] of broken) {
      expect(reanchor(text as string, q as TextQuoteSelector, p)).toBeNull();
    }
    // Nonsense positions and missing context still let the quote be found.
    const nonsense = [null, { start: Number.NaN, end: 3 }, { start: -5, end: -1 }, { start: 9, end: 2 }, { start: 1e9, end: 1e9 + 12 }];
    for (const p of nonsense) {
      expect(placed(article, quote, p as TextPositionSelector)).toEqual({ how: 'exact', text: 'Helena Marsh' });
      expect(placed(article, { type: 'TextQuoteSelector', exact: 'Helena Marsh' } as TextQuoteSelector, p as TextPositionSelector)).toEqual({ how: 'exact', text: 'Helena Marsh' });
    }
    // A quote longer than the whole text.
    expect(reanchor('short', { ...quote, exact: article }, position)).toBeNull();
  });

  it('gives one placement per note id', () => {
    const kept = noteOn(article, 'Helena Marsh');
    const gone = { ...kept, id: 'urn:uuid:gone', quote: { ...kept.quote, exact: 'no such passage at all' } };
    const notes = [kept, gone];
    expect([...reanchorAll(article, notes).values()].map((p) => p?.how ?? null)).toEqual(['position', null]);
  });
});
