import { describe, expect, it } from 'vitest';
import { placeFacts } from './gazetteer';

describe('placeFacts', () => {
  it('knows a city, its country and its population', () => {
    const mariupol = placeFacts('Mariupol');
    expect(mariupol).toMatchObject({ kind: 'city', country: 'Ukraine' });
    expect(mariupol!.population).toBeGreaterThan(100_000);
  });

  it('tells a town from a city by its population', () => {
    expect(placeFacts('Irpin')).toMatchObject({ kind: 'town', country: 'Ukraine' });
    expect(placeFacts('Irpin')!.population).toBeLessThan(100_000);
  });

  it('marks a capital', () => {
    expect(placeFacts('Khartoum')).toMatchObject({ kind: 'capital city', country: 'Sudan' });
  });

  it('knows countries by their name and their other names, before any town of that name', () => {
    expect(placeFacts('Ukraine')).toEqual({ kind: 'country', country: null, population: null });
    expect(placeFacts('U.S.')).toEqual({ kind: 'country', country: null, population: null });
    expect(placeFacts('UK')?.kind).toBe('country');
  });

  it('folds accents, case and old spellings', () => {
    expect(placeFacts('Zurich')).toMatchObject({ country: 'Switzerland' });
    expect(placeFacts('Zürich')).toEqual(placeFacts('zurich'));
    expect(placeFacts('Krakow')).toMatchObject({ country: 'Poland' });
    expect(placeFacts('Kiev')).toEqual(placeFacts('Kyiv'));
    expect(placeFacts('Kiev')).toMatchObject({ kind: 'capital city', country: 'Ukraine' });
  });

  it('takes the most populous of several places of one name', () => {
    expect(placeFacts('Odessa')).toMatchObject({ country: 'Ukraine' });
    expect(placeFacts('London')).toMatchObject({ kind: 'capital city', country: 'United Kingdom' });
  });

  it('says nothing of a name shared by towns of comparable size in different countries', () => {
    expect(placeFacts('Washington')).toBeNull(); // England 53,526, United States 24,299
    expect(placeFacts('Newcastle')).toBeNull(); // South Africa, Australia
  });

  it('knows continents before towns of their name', () => {
    expect(placeFacts('Asia')).toEqual({ kind: 'continent', country: null, population: null });
    expect(placeFacts('North America')?.kind).toBe('continent');
  });

  it('returns null for a name it does not know', () => {
    expect(placeFacts('Xyzzyville')).toBeNull();
    expect(placeFacts('Vladimir Putin')).toBeNull();
    expect(placeFacts('')).toBeNull();
  });
});
