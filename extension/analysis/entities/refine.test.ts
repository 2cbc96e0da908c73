import { describe, expect, it } from 'vitest';
import type { EntityType, Mention } from '../types';
import { agreeOnTypes } from './refine';

// Mentions as a tagger might return them for a text written for this test; offsets are unused.
const mention = (text: string, type: EntityType, start: number): Mention => ({ text, type, start, end: start + text.length });

describe('agreeOnTypes', () => {
  it('gives the odd one out the type most mentions of the same name have', () => {
    const mentions = [mention('Varela', 'LOC', 0), mention('Varela', 'PER', 40), mention('Varela', 'PER', 90), mention('Ostrava', 'LOC', 120)];
    expect(agreeOnTypes(mentions).map(m => m.type)).toEqual(['PER', 'PER', 'PER', 'LOC']);
  });

  it('leaves a tie as the tagger typed it', () => {
    const mentions = [mention('Jordan', 'LOC', 0), mention('Jordan', 'PER', 30)];
    expect(agreeOnTypes(mentions).map(m => m.type)).toEqual(['LOC', 'PER']);
  });
});
