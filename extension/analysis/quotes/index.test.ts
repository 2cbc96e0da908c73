import { describe, expect, it } from 'vitest';
import { contextOf, type EntitySpec } from '../attribution/testing';
import { findQuotes } from './index';

const SPECS: EntitySpec[] = [
  { name: 'Ines Hartmann', type: 'PER', role: 'chief engineer' },
  { name: 'Paul Okafor', type: 'PER', role: 'union leader' },
  { name: 'Riverside Council', type: 'ORG', role: 'local authority' },
];

function quotes(text: string) {
  const ctx = contextOf(text, SPECS);
  const name = (id: string | null) => ctx.entities.find((e) => e.id === id)?.name ?? null;
  return findQuotes(ctx).map((q) => {
    expect(ctx.text.slice(q.start, q.end)).toBe(q.text);
    return [q.text, name(q.speaker)];
  });
}

describe('quote marks', () => {
  it('reads straight, curly and guillemet quotes without their marks', () => {
    expect(quotes('"The bridge is safe," said Ines Hartmann.')).toEqual([['The bridge is safe,', 'Ines Hartmann']]);
    expect(quotes('“The bridge is safe,” said Ines Hartmann.')).toEqual([['The bridge is safe,', 'Ines Hartmann']]);
    expect(quotes('Ines Hartmann said: « The bridge is safe », to the press.')).toEqual([['The bridge is safe', 'Ines Hartmann']]);
  });

  it('keeps a nested quote inside its outer quote', () => {
    expect(quotes('“They told us ‘wait and see’ for a year,” Paul Okafor said.')).toEqual([['They told us ‘wait and see’ for a year,', 'Paul Okafor']]);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(quotes('The council’s plan isn’t new, Paul Okafor’s union said.')).toEqual([]);
  });

  it('gives two records for a quote split by its attribution', () => {
    expect(quotes('“We checked every bolt,” said Ines Hartmann. “Nothing was loose.”')).toEqual([
      ['We checked every bolt,', 'Ines Hartmann'],
      ['Nothing was loose.', 'Ines Hartmann'],
    ]);
  });

  it('runs a quote over paragraphs when its paragraph ends before it closes', () => {
    expect(quotes('Paul Okafor said: “The shifts are too long.\n\n“And the pay has not moved in years.”')).toEqual([
      ['The shifts are too long.', 'Paul Okafor'],
      ['And the pay has not moved in years.', 'Paul Okafor'],
    ]);
  });

  it('keeps a short partial quote with a speaker and skips a scare quote without one', () => {
    expect(quotes('Ines Hartmann called the repairs “overdue” on Monday.')).toEqual([['overdue', 'Ines Hartmann']]);
    expect(quotes('Ines Hartmann said the repairs were “overdue”.')).toEqual([['overdue', 'Ines Hartmann']]);
    expect(quotes('The so-called “smart bridge” opened in May.')).toEqual([]);
  });
});

describe('quote speaker', () => {
  it('reads the cue before the quote', () => {
    expect(quotes('According to Paul Okafor, “nobody asked the workers”.')).toEqual([['nobody asked the workers', 'Paul Okafor']]);
  });

  it('resolves "he said" to the last person named as a subject', () => {
    expect(quotes('Paul Okafor left the meeting early. “It was a waste of time,” he said.')).toEqual([['It was a waste of time,', 'Paul Okafor']]);
  });

  it('resolves a role noun through the entity roles', () => {
    expect(quotes('Ines Hartmann and Paul Okafor spoke first.\n\n“We will strike,” the union leader warned.')).toEqual([['We will strike,', 'Paul Okafor']]);
  });

  it('resolves a description by the head of a role, not a word of its complement', () => {
    const ctx = contextOf('Harbourside Aid hired Tilde Norrby as charity director.\n\nThe port was “a mess”, the charity said.', [
      { name: 'Tilde Norrby', type: 'PER', role: 'charity director' },
      { name: 'Harbourside Aid', type: 'ORG', role: 'charity' },
    ]);
    expect(findQuotes(ctx).map((q) => ctx.entities.find((e) => e.id === q.speaker)?.name)).toEqual(['Harbourside Aid']);
  });

  it('reads a subject whose name holds “and” ("The Ledger and Tribune newspaper reported")', () => {
    const ctx = contextOf('The Ledger and Tribune newspaper reported on the hearing: “The judge was furious.”', [{ name: 'Ledger and Tribune', type: 'ORG' }]);
    expect(findQuotes(ctx).map((q) => ctx.entities.find((e) => e.id === q.speaker)?.name)).toEqual(['Ledger and Tribune']);
  });

  it('resolves an appositive subject to the person it describes', () => {
    expect(quotes('“The cables are new,” Ines Hartmann, the chief engineer at the Riverside Council, told reporters.')).toEqual([['The cables are new,', 'Ines Hartmann']]);
  });

  it('takes the previous quote’s speaker when a quote opens the next paragraph without a cue', () => {
    expect(quotes('“The cables are new,” Ines Hartmann said.\n\n“The deck will be replaced next year, and the railings after that.”')).toEqual([
      ['The cables are new,', 'Ines Hartmann'],
      ['The deck will be replaced next year, and the railings after that.', 'Ines Hartmann'],
    ]);
  });

  it('gives a quoted term to whoever calls, considers, dubs or uses it', () => {
    expect(quotes('The fees fund what the Riverside Council calls “urban renewal”.')).toEqual([['urban renewal', 'Riverside Council']]);
    expect(quotes('Paul Okafor had dubbed the night shift “the graveyard” years ago.')).toEqual([['the graveyard', 'Paul Okafor']]);
    expect(quotes('The Riverside Council and its staff keep using the term “temporary closure”.')).toEqual([['temporary closure', 'Riverside Council']]);
    const ctx = contextOf('Strikers may be fined for spreading what the authorities consider to be “harmful rumours”.', SPECS);
    expect(findQuotes(ctx)).toMatchObject([{ text: 'harmful rumours', speaker: null, speakerText: 'the authorities' }]);
  });

  it('quotes the subject of an active "claimed to have", not a passive "is said to be"', () => {
    expect(quotes('Paul Okafor claimed to have “proof” of the cuts.')).toEqual([['proof', 'Paul Okafor']]);
    expect(quotes('The bridge is said to be “the longest in the region”.')).toEqual([]);
  });

  it('gives no speaker to the subject of a passive ("was described as")', () => {
    expect(quotes('The flood was described as “historic” by the end of the week.')).toEqual([]);
  });

  it('gives no speaker to a negated subject', () => {
    expect(quotes('No union claimed the “victory” for itself.')).toEqual([]);
  });

  it('reads a subject past a modal verb ("he would speak")', () => {
    expect(quotes('Paul Okafor met the board. He would speak “frankly” about the pay.')).toEqual([['frankly', 'Paul Okafor']]);
  });

  it('gives a quote introduced by a colon to the subject of the introducing clause', () => {
    expect(quotes('Ines Hartmann does not hide her anger: “The council lied to us.”')).toEqual([['The council lied to us.', 'Ines Hartmann']]);
  });

  it('gives an unnamed speaker its words', () => {
    const ctx = contextOf('Residents said the noise was “unbearable”.', SPECS);
    expect(findQuotes(ctx)).toMatchObject([{ text: 'unbearable', speaker: null, speakerText: 'Residents' }]);
  });
});
