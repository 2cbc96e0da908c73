import { describe, expect, it } from 'vitest';
import type { EntityType, Mention } from '../types';
import { clusterMentions, clusterType } from './coref';
import { similarSpelling } from './names';

// Mentions laid out one after another; the offsets only give the order.
function mentions(...specs: [string, EntityType][]): Mention[] {
  let at = 0;
  return specs.map(([text, type]) => {
    const m = { start: at, end: at + text.length, text, type };
    at += text.length + 10;
    return m;
  });
}

const names = (specs: [string, EntityType][], acronymOf = new Map<Mention, Mention>()) =>
  clusterMentions(mentions(...specs), acronymOf).map(c => [c.head.text, ...c.mentions.filter(m => m !== c.head).map(m => m.text)]);

describe('coreference', () => {
  it('joins a surname and a first name to the full name', () => {
    expect(names([['Zelensky', 'PER'], ['Volodymyr Zelensky', 'PER'], ['Volodymyr', 'PER']])).toEqual([
      ['Volodymyr Zelensky', 'Zelensky', 'Volodymyr'],
    ]);
  });

  it('joins a surname with its particle to the full name', () => {
    expect(names([['Karim bin Saleh', 'PER'], ['Bin Saleh', 'PER']])).toEqual([['Karim bin Saleh', 'Bin Saleh']]);
  });

  it('joins a surname written without its joined particle', () => {
    expect(names([['Karim al-Nasser', 'PER'], ['Nasser', 'PER']])).toEqual([['Karim al-Nasser', 'Nasser']]);
  });

  it('joins the end of an organisation’s name to the whole name', () => {
    expect(names([['Senate Fisheries Committee', 'ORG'], ['Fisheries Committee', 'ORG']])).toEqual([['Senate Fisheries Committee', 'Fisheries Committee']]);
  });

  it('leaves a surname shared by two people alone', () => {
    expect(names([['Anna Smith', 'PER'], ['John Smith', 'PER'], ['Smith', 'PER']])).toHaveLength(3);
  });

  it('joins acronyms spelled by initials and well-known ones', () => {
    expect(names([['Agence France-Presse', 'ORG'], ['AFP', 'ORG'], ['UN', 'ORG'], ['United Nations', 'ORG']])).toEqual([
      ['Agence France-Presse', 'AFP'],
      ['United Nations', 'UN'],
    ]);
  });

  it('joins an acronym given in brackets after its name', () => {
    const [full, short] = mentions(['Free Maritime Observers', 'ORG'], ['FMO', 'ORG']);
    const clusters = clusterMentions([full!, short!], new Map([[short!, full!]]));
    expect(clusters).toHaveLength(1);
  });

  it('joins spelling variants of one type, not of different places', () => {
    expect(names([['Dmytro Kuleba', 'PER'], ['Dmytro Kouleba', 'PER']])).toHaveLength(1);
    expect(names([['Kiev', 'LOC'], ['Kyiv', 'LOC'], ['Odessa', 'LOC'], ['Odesa', 'LOC']])).toHaveLength(2);
    expect(similarSpelling('austria', 'australia')).toBe(false);
    expect(names([['Boïtchenko', 'PER'], ['Boitchenko', 'PER']])).toHaveLength(1);
  });

  it('takes the type most mentions have', () => {
    const [cluster] = clusterMentions(mentions(['Zorbia', 'LOC'], ['Zorbia', 'ORG'], ['Zorbia', 'LOC']), new Map());
    expect(clusterType(cluster!)).toBe('LOC');
  });
});
