import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/tokenize';
import { findEntities } from './index';
import { isDemonym } from './demonyms';

// Sentences written for these tests; the shipped model (assets/ner/model.json) tags them.
const text = [
  'Canadian Prime Minister Justin Trudeau met the Secretary-General of the United Nations (UN) in Geneva on Friday.',
  'Trudeau’s office said the UN had asked for more money, and Mr Trudeau agreed.',
  'The talks were held in Geneva, a city on Lake Geneva.',
].join('\n');
const lines = text.split('\n');
const blocks = lines.map((line, i) => {
  const start = lines.slice(0, i).join('\n').length + (i ? 1 : 0);
  return { start, end: start + line.length };
});

describe('findEntities', () => {
  const entities = findEntities(text, splitSentences(text, blocks));
  const byName = (name: string) => entities.find(e => e.name === name);

  it('merges a person’s mentions under the full name, without titles or possessives', () => {
    const trudeau = byName('Justin Trudeau');
    expect(trudeau?.type).toBe('PER');
    expect(trudeau?.mentions.map(m => text.slice(m.start, m.end))).toEqual(['Justin Trudeau', 'Trudeau', 'Trudeau']);
    expect(trudeau?.aliases).toContain('Mr Trudeau');
    expect(trudeau?.role).toBe('Canadian Prime Minister');
  });

  it('joins an acronym to its expansion', () => {
    const un = byName('United Nations');
    expect(un?.aliases).toContain('UN');
    expect(un?.mentions).toHaveLength(3);
  });

  it('gives places their description and numbers entities in order of first mention', () => {
    expect(byName('Geneva')?.role).toBe('city on Lake Geneva');
    expect(entities.map(e => e.id)).toEqual(entities.map((_, i) => `e${i + 1}`));
    expect(entities[0]!.name).toBe('Justin Trudeau');
  });

  it('takes a place described as one for a place, whatever the tagger said', () => {
    const port = findEntities('Talks went on in Odrava, a fishing port on the Baltic.', splitSentences('Talks went on in Odrava, a fishing port on the Baltic.'));
    expect(port.find(e => e.name === 'Odrava')?.type).toBe('LOC');
  });

  it('does not list demonyms', () => {
    expect(entities.some(e => e.name === 'Canadian')).toBe(false);
    expect(isDemonym('Canadian')).toBe(true);
    expect(isDemonym('Russian-Ukrainian')).toBe(true);
    expect(isDemonym('Iran')).toBe(false);
    // "-i" makes a demonym only of a country's name: "Iraqi", not the surname "Nabrimi"
    expect(isDemonym('Iraqi')).toBe(true);
    expect(isDemonym('Nabrimi')).toBe(false);
    // places joined or turned into adjectives
    expect(isDemonym('Kenya-Uganda')).toBe(true);
    expect(isDemonym('Nairobi-based')).toBe(true);
  });
});
