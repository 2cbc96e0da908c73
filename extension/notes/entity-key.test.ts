import { describe, expect, it } from 'vitest';
import { entityKey } from './entity-key';

describe('entityKey', () => {
  it('folds accents, case, spacing and possessives', () => {
    expect(entityKey('PER', 'Vadim Boïtchenko')).toBe(entityKey('PER', 'vadim  boitchenko'));
    expect(entityKey('ORG', 'UNHCR’s')).toBe('ORG:unhcr');
  });
  it('keeps the type apart', () => {
    expect(entityKey('LOC', 'Washington')).not.toBe(entityKey('PER', 'Washington'));
  });
});
