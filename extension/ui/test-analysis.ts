/** A small hand-made Analysis for the UI tests: three entities, figures with and without sources, a quote. */
import type { Analysis } from '../analysis/types';

const TEXT = 'Mariupol is besieged. About 160,000 people are stuck in Mariupol, says Mayor Vadim Boichenko. The UN counts 3.9 million refugees. "Corridors must open," Boichenko said.';

function spanOf(text: string, from = 0): { start: number; end: number } {
  const start = TEXT.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" is not in the test text`);
  return { start, end: start + text.length };
}

export function testAnalysis(): Analysis {
  const secondMariupol = spanOf('Mariupol', 1);
  return {
    schema: 'gloss.analysis/1',
    url: 'https://news.example/mariupol',
    title: 'Mariupol',
    lang: 'en',
    article: true,
    text: TEXT,
    entities: [
      { id: 'e1', name: 'Mariupol', type: 'LOC', aliases: [], role: 'strategic port city', mentions: [secondMariupol, spanOf('Mariupol')] },
      { id: 'e2', name: 'Vadim Boichenko', type: 'PER', aliases: ['Boichenko'], role: 'Mayor', mentions: [spanOf('Vadim Boichenko'), spanOf('Boichenko', 120)] },
      { id: 'e3', name: 'UN', type: 'ORG', aliases: [], role: null, mentions: [spanOf('UN')] },
    ],
    figures: [
      { ...spanOf('About 160,000 people'), text: 'About 160,000 people', value: 160000, unit: 'people', about: 'e1', source: 'e2', sourceText: 'Mayor Vadim Boichenko' },
      { ...spanOf('3.9 million refugees'), text: '3.9 million refugees', value: 3900000, unit: 'refugees', about: null, source: 'e3', sourceText: 'The UN' },
      { ...spanOf('3.9 million'), text: 'a made-up figure', value: 1, unit: null, about: 'e1', source: null, sourceText: null },
    ],
    quotes: [{ ...spanOf('Corridors must open,'), text: 'Corridors must open,', speaker: 'e2', speakerText: 'Boichenko' }],
    sources: [
      { entity: 'e3', name: 'UN', links: ['https://data.unhcr.example/ukraine', 'javascript:alert(1)'] },
      { entity: 'e2', name: 'Vadim Boichenko', links: [] },
    ],
    links: [],
  };
}
