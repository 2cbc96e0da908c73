import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/tokenize';
import type { EntityType, Mention } from '../types';
import { joinFragments } from './join';

// Sentences written for these tests, with the pieces a tagger might return marked by hand.
function join(text: string, pieces: [string, EntityType][]): [string, EntityType][] {
  const sentences = splitSentences(text, [{ start: 0, end: text.length }]);
  let from = 0;
  const mentions: Mention[] = pieces.map(([piece, type]) => {
    const start = text.indexOf(piece, from);
    from = start + piece.length;
    return { start, end: from, type, text: piece };
  });
  return joinFragments(text, sentences, mentions).map(m => [m.text, m.type]);
}

describe('joinFragments', () => {
  it('joins a name cut before its head word and types a hospital as a place', () => {
    expect(join('Patients left Beit Lahiya Hospital on Sunday.', [['Beit Lahiya', 'ORG'], ['Hospital', 'LOC']])).toEqual([['Beit Lahiya Hospital', 'LOC']]);
    expect(join('The Kenyan Hospital closed.', [['Kenyan', 'MISC'], ['Hospital', 'LOC']])).toEqual([['Kenyan Hospital', 'LOC']]);
  });

  it('takes in an untagged "for/of" complement of an institution, and the capitalised words before its head word', () => {
    expect(join('Staff at Al-Karim Hospital for Children fled.', [['Al-Karim Hospital', 'LOC']])).toEqual([['Al-Karim Hospital for Children', 'LOC']]);
    // the name tagged before joins the whole
    expect(join('They prayed at Grace Wesleyan Baptist Church on Sunday.', [['Grace', 'PER'], ['Baptist Church', 'LOC']])).toEqual([
      ['Grace Wesleyan Baptist Church', 'LOC'],
    ]);
    // not over a sentence's first word
    expect(join('Wesleyan Church members sang.', [['Church', 'LOC']])).toEqual([['Church', 'LOC']]);
  });

  it('joins a demonym to the name of a building it starts, not to an organisation', () => {
    expect(join('Doctors at the Turkish Friendship Hospital left.', [['Turkish', 'MISC'], ['Friendship Hospital', 'LOC']])).toEqual([
      ['Turkish Friendship Hospital', 'LOC'],
    ]);
    expect(join('Islamist Muslim Brotherhood members met.', [['Islamist', 'MISC'], ['Muslim Brotherhood', 'ORG']])).toEqual([
      ['Islamist', 'MISC'],
      ['Muslim Brotherhood', 'ORG'],
    ]);
  });

  it('takes in an untagged head word, without swallowing the next name', () => {
    expect(join('They reached Beit Lahiya Hospital.', [['Beit Lahiya', 'ORG']])).toEqual([['Beit Lahiya Hospital', 'LOC']]);
    expect(join('They reached Al-Karim Hospital for Children.', [['Al-Karim', 'LOC'], ['Hospital for Children', 'LOC']])).toEqual([
      ['Al-Karim Hospital for Children', 'LOC'],
    ]);
  });

  it('joins a person’s name around a middle initial', () => {
    expect(join('Ana P. Gomez spoke.', [['Ana', 'PER'], ['Gomez', 'PER']])).toEqual([['Ana P. Gomez', 'PER']]);
  });

  it('joins the parts of an institution around "and" or "for"', () => {
    expect(join('The Coffee and Cocoa Council met.', [['Coffee', 'MISC'], ['Cocoa Council', 'PER']])).toEqual([['Coffee and Cocoa Council', 'ORG']]);
  });

  it('keeps apart names of different kinds that merely touch or are listed', () => {
    expect(join('He told US Congress about France and Spain.', [['US', 'LOC'], ['Congress', 'ORG'], ['France', 'LOC'], ['Spain', 'LOC']])).toEqual([
      ['US', 'LOC'],
      ['Congress', 'ORG'],
      ['France', 'LOC'],
      ['Spain', 'LOC'],
    ]);
    expect(join('The Nigerian Peasant Brotherhood marched.', [['Nigerian', 'MISC'], ['Peasant Brotherhood', 'ORG']])).toEqual([
      ['Nigerian', 'MISC'],
      ['Peasant Brotherhood', 'ORG'],
    ]);
  });

  it('takes in lower-case name particles', () => {
    expect(join('Tanks reached Khan al-Ahmar at dawn.', [['Khan', 'LOC']])).toEqual([['Khan al-Ahmar', 'LOC']]);
    expect(join('A speech by Ludwig van Rensburg followed.', [['Ludwig', 'PER'], ['Rensburg', 'PER']])).toEqual([['Ludwig van Rensburg', 'PER']]);
  });

  it('reads governments and administrations as organisations', () => {
    expect(join('The Carter administration and the Chilean government disagreed.', [['Carter', 'PER'], ['Chilean', 'MISC']])).toEqual([
      ['Carter administration', 'ORG'],
      ['Chilean government', 'ORG'],
    ]);
    expect(join("Peru's government resigned; Ana Gomez's administration did not.", [['Peru', 'LOC'], ['Ana Gomez', 'PER']])).toEqual([
      ["Peru's government", 'ORG'],
      ['Ana Gomez', 'PER'],
    ]);
  });

  it('types seats of government as organisations and seas as places', () => {
    expect(join('The Kremlin said ships left the Sea of Marmara.', [['Kremlin', 'LOC'], ['Sea of Marmara', 'ORG']])).toEqual([
      ['Kremlin', 'ORG'],
      ['Sea of Marmara', 'LOC'],
    ]);
  });
});
