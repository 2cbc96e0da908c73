import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/tokenize';
import { describesPlace, findRole } from './roles';

/** The role around `name` in `text`, with `others` as the other names of the sentence. */
function roleOf(text: string, name: string, others: string[] = []): string | null {
  const [sentence] = splitSentences(text);
  const tokens = sentence!.tokens;
  const span = (n: string): [number, number] => {
    const start = text.indexOf(n);
    return [tokens.findIndex(t => t.start === start), tokens.findIndex(t => t.end === start + n.length)];
  };
  const [first, last] = span(name);
  const taken = others.map(span);
  return findRole(text, tokens, first, last, i => taken.some(([a, b]) => a <= i && i <= b));
}

describe('roles', () => {
  it('reads a title before the name', () => {
    expect(roleOf('Later, Zorbian spokesman Ivo Brandt denied it.', 'Ivo Brandt')).toBe('Zorbian spokesman');
    expect(roleOf('The Palace spokesman Ivo Brandt denied it.', 'Ivo Brandt', ['Palace'])).toBe('Palace spokesman');
    expect(roleOf('Mayor Lena Vock spoke.', 'Lena Vock')).toBe('Mayor');
  });

  it('reads an apposition after the name', () => {
    expect(roleOf('"No," said Lena Vock, deputy transport minister, on Monday.', 'Lena Vock')).toBe('deputy transport minister');
    expect(roleOf('They reached Porto Gale, a small fishing port on the Grey Sea.', 'Porto Gale')).toBe('small fishing port on the Grey Sea');
  });

  it('reads an apposition before the name', () => {
    expect(roleOf('The head of Zorbian diplomacy, Ivo Brandt, disagreed.', 'Ivo Brandt')).toBe('head of Zorbian diplomacy');
  });

  it('reads appositions that open with a possessive, a count word or a relative clause', () => {
    expect(roleOf('He met Zorbia’s president, Ivo Brandt, on Monday.', 'Ivo Brandt')).toBe('Zorbia’s president');
    expect(roleOf('One witness, Lena Vock, described the night.', 'Lena Vock')).toBe('witness');
    expect(roleOf('Ivo Brandt, who is the Harbour Board finance director, left.', 'Ivo Brandt')).toBe('Harbour Board finance director');
    expect(roleOf('It was Vock Ltd, the ailing Zorbian steel company that closed.', 'Vock Ltd')).toBe('ailing Zorbian steel company');
    expect(roleOf('Said Lena Vock, Zorbia country director for Green Aid, a Paris-based rights group.', 'Green Aid')).toBe('Paris-based rights group');
  });

  it('cuts a long apposition before its last complement', () => {
    expect(roleOf('Ivo Brandt, a senior fellow at the Institute of Sea Studies in the old port city of Gale, said so.', 'Ivo Brandt')).toBe(
      'senior fellow at the Institute of Sea Studies',
    );
  });

  it('reads a kind after the name and an age before it', () => {
    expect(roleOf('Voters backed the Green Dawn party in May.', 'Green Dawn')).toBe('party');
    expect(roleOf('Among them was 31-year-old Lena Vock.', 'Lena Vock')).toBe('31-year-old');
  });

  it('gives none when the words around are not a role', () => {
    expect(roleOf('Ivo Brandt, who arrived late, spoke.', 'Ivo Brandt')).toBeNull();
    expect(roleOf('Yesterday Ivo Brandt spoke.', 'Ivo Brandt')).toBeNull();
  });
});

describe('describesPlace', () => {
  it('reads the head noun of the description, before its complements', () => {
    expect(describesPlace('strategic port city on the Sea of Azov')).toBe(true);
    expect(describesPlace('small village about four kilometers east of Kharkiv')).toBe(true);
    expect(describesPlace('head of the city council')).toBe(false);
    expect(describesPlace('Kremlin spokesman')).toBe(false);
  });
});
