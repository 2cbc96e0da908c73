import { describe, expect, it } from 'vitest';
import type { Analysis, Entity, Figure } from '../analysis/types';
import { mentionsFromAnalysis } from './memory';
import { makeArticle } from './test-notes';

const entity = (id: string, name: string, type: Entity['type'], role: string | null = null): Entity => ({
  id,
  name,
  type,
  aliases: [],
  role,
  mentions: [{ start: 0, end: name.length }],
});

const figure = (text: string, value: number, about: string | null, source: string | null): Figure => ({
  start: 0,
  end: text.length,
  text,
  value,
  unit: 'Ukrainians',
  about,
  source,
  sourceText: source ? 'the agency' : null,
});

const analysis: Analysis = {
  schema: 'gloss.analysis/1',
  url: 'https://news.example/refugees',
  title: 'Refugees',
  lang: 'en',
  article: true,
  text: '',
  entities: [
    entity('e1', 'UNHCR', 'ORG', 'UN refugee agency'),
    entity('e2', 'Ukraine', 'LOC'),
    entity('e3', 'Vadim Boïtchenko', 'PER', 'mayor'),
    entity('e4', 'Vadim Boitchenko', 'PER'),
  ],
  figures: [figure('nearly 3.9 million Ukrainians', 3.9e6, 'e2', 'e1'), figure('160,000 people', 160_000, 'e2', null)],
  quotes: [],
  sources: [{ entity: 'e1', name: 'UN refugee agency', links: ['https://unhcr.org'] }],
  links: [],
};

describe('mentionsFromAnalysis', () => {
  const article = makeArticle('https://news.example/refugees', '2026-05-02T08:00:00.000Z', {
    title: 'Refugees',
    published: '2026-03-01',
  });
  const mentions = mentionsFromAnalysis(analysis, article);
  const byKey = new Map(mentions.map((mention) => [mention.key, mention]));

  it('keeps each entity with its role under its entity key, merging names that fold together', () => {
    expect(mentions.map((mention) => mention.key)).toEqual(['ORG:unhcr', 'LOC:ukraine', 'PER:vadim boitchenko']);
    expect(byKey.get('PER:vadim boitchenko')).toMatchObject({ name: 'Vadim Boïtchenko', role: 'mayor', url: article.url });
  });

  it('gives each entity the figures about it or stated by it, with source and date', () => {
    const stated = {
      text: 'nearly 3.9 million Ukrainians',
      value: 3.9e6,
      unit: 'Ukrainians',
      source: 'UNHCR',
      url: article.url,
      title: 'Refugees',
      date: '2026-03-01',
    };
    expect(byKey.get('LOC:ukraine')?.figures).toEqual([stated, { ...stated, text: '160,000 people', value: 160_000, source: null }]);
    expect(byKey.get('ORG:unhcr')?.figures).toEqual([stated]);
    expect(byKey.get('PER:vadim boitchenko')?.figures).toEqual([]);
  });

  it('names the sources cited about an entity, and the entity itself when it is cited', () => {
    expect(byKey.get('LOC:ukraine')?.sources).toEqual(['UNHCR']);
    expect(byKey.get('ORG:unhcr')?.sources).toEqual(['UN refugee agency']);
  });

  it('dates figures by the day the article was seen when it has no published date', () => {
    const undated = mentionsFromAnalysis(analysis, { ...article, published: null });
    expect(undated[0]?.figures[0]?.date).toBe('2026-05-02T08:00:00.000Z');
  });
});
