// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../analysis/types';
import type { LookupResult } from '../../wikipedia/types';
import { testAnalysis } from '../test-analysis';
import { BackgroundSection, backgroundShown } from './BackgroundSection';
import { FIRST_SENTENCE_MAX, firstMentionSentence, glimpseAround } from './first-mention';
import { describePlace } from './place-facts';
import { testRoot } from '../testing';

const found = (url: string): LookupResult => ({
  status: 'found',
  confidence: 0.9,
  summary: { title: 'Mariupol', description: 'City in Donetsk Oblast, Ukraine', extract: 'Mariupol is a city on the Sea of Azov.', wikibaseItem: 'Q125652', url, lang: 'en' },
});
const FACTS = { kind: 'city', country: 'Ukraine', population: 431859 };

describe('BackgroundSection', () => {
  const root = testRoot();
  const show = (node: ComponentChild) => {
    render(node, root);
    return root.querySelector('section.background');
  };

  it("shows Wikipedia's description and extract with a link to the page, and no offline default beside it", () => {
    const section = show(<BackgroundSection wikipedia={found('https://en.wikipedia.org/wiki/Mariupol')} place={FACTS} firstSentence="Mariupol is besieged." />)!;
    expect(section.querySelector('.wiki-description')!.textContent).toBe('City in Donetsk Oblast, Ukraine');
    expect(section.querySelector('.wiki-extract')!.textContent).toBe('Mariupol is a city on the Sea of Azov.');
    expect(section.querySelector('.wiki-credit')!.textContent).toBe('From Wikipedia');
    const link = section.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Mariupol');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(section.textContent).not.toContain('besieged');
  });

  it('links only web addresses', () => {
    const section = show(<BackgroundSection wikipedia={found('javascript:alert(1)')} place={null} firstSentence={null} />)!;
    expect(section.querySelector('a')).toBeNull();
    expect(section.querySelector('.wiki-credit')!.textContent).toBe('From Wikipedia');
  });

  it('says "Looking up…" while waiting', () => {
    const section = show(<BackgroundSection wikipedia={{ status: 'looking-up' }} place={FACTS} firstSentence="Mariupol is besieged." />)!;
    expect(section.textContent).toBe('BackgroundLooking up…');
    expect(section.getAttribute('aria-busy')).toBe('true');
  });

  it.each([
    ['off', { status: 'off', reason: 'look-ups are off' } as LookupResult],
    ['none', { status: 'none', reason: 'only a disambiguation page' } as LookupResult],
    ['not asked', null],
  ])('gives the offline default when the look-up is %s: the place facts and the first-mention sentence, nothing of Wikipedia', (_, wikipedia) => {
    const section = show(<BackgroundSection wikipedia={wikipedia} place={FACTS} firstSentence="Mariupol is besieged." />)!;
    expect(section.querySelector('.place-facts')!.textContent).toBe('City in Ukraine, population 431,859');
    expect(section.querySelector('.first-mention')!.textContent).toBe('In this article: Mariupol is besieged.');
    expect(section.textContent).not.toMatch(/Wikipedia|Looking up/);
  });

  it('says in one quiet line that Wikipedia could not be reached, then the offline default', () => {
    const section = show(<BackgroundSection wikipedia={{ status: 'failed', error: 'timed out after 8 s' }} place={null} firstSentence="Mariupol is besieged." />)!;
    expect(section.querySelector('.lookup-failed')!.textContent).toBe('Wikipedia could not be reached');
    expect(section.querySelector('.first-mention')).not.toBeNull();
    expect(section.textContent).not.toContain('timed out');
  });

  it('is absent when there is nothing to say', () => {
    expect(show(<BackgroundSection wikipedia={{ status: 'none', reason: 'no result' }} place={null} firstSentence={null} />)).toBeNull();
  });
});

describe('describePlace', () => {
  it('says the kind, the country and the population', () => {
    expect(describePlace(FACTS)).toBe('City in Ukraine, population 431,859');
    expect(describePlace({ kind: 'country', country: null, population: 38000000 })).toBe('Country, population 38,000,000');
    expect(describePlace({ kind: 'town', country: 'Ukraine', population: null })).toBe('Town in Ukraine');
  });
});

describe('firstMentionSentence', () => {
  it('is the sentence of the first mention', () => {
    expect(firstMentionSentence(testAnalysis(), 'e2')).toBe('About 160,000 people are stuck in Mariupol, says Mayor Vadim Boichenko.');
    expect(firstMentionSentence(testAnalysis(), 'nope')).toBeNull();
  });

  it('prefers a real sentence to a heading', () => {
    const text = 'Blockade of Mariupol\n\nOn Sunday, Zelensky condemned the blockade of Mariupol, a port city.';
    const analysis: Analysis = {
      ...testAnalysis(),
      text,
      entities: [{ id: 'm', name: 'Mariupol', type: 'LOC', aliases: [], role: null, mentions: [{ start: 12, end: 20 }, { start: text.lastIndexOf('Mariupol'), end: text.lastIndexOf('Mariupol') + 8 }] }],
    };
    expect(firstMentionSentence(analysis, 'm')).toBe('On Sunday, Zelensky condemned the blockade of Mariupol, a port city.');
  });

  it('trims a long sentence around the name, at word boundaries', () => {
    const sentence = `${'word '.repeat(60)}Mariupol ${'more '.repeat(60)}end.`;
    const start = sentence.indexOf('Mariupol');
    const glimpse = glimpseAround(sentence, start, start + 8);
    expect(glimpse).toMatch(/^…word .* Mariupol .* more…$/);
    expect(glimpse.length).toBeLessThanOrEqual(FIRST_SENTENCE_MAX + 2);
    expect(glimpseAround('Short.', 0, 5)).toBe('Short.');
  });
});

describe('backgroundShown', () => {
  it('names what the section shows, for the host attribute: the summary, the wait, none found, or the offline default', () => {
    expect(backgroundShown({ wikipedia: found('https://en.wikipedia.org/wiki/Mariupol'), place: null })).toBe('found');
    expect(backgroundShown({ wikipedia: { status: 'looking-up' }, place: FACTS })).toBe('looking-up');
    expect(backgroundShown({ wikipedia: { status: 'none', reason: 'no article' }, place: null })).toBe('none');
    expect(backgroundShown({ wikipedia: { status: 'failed', error: 'offline' }, place: null })).toBe('offline');
    expect(backgroundShown({ wikipedia: { status: 'off', reason: 'off' }, place: null })).toBe('offline');
    expect(backgroundShown({ wikipedia: null, place: FACTS })).toBe('offline');
  });
});
