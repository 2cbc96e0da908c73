import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { analysisNotices } from './notices';
import type { ArticleText } from './types';
import { firstWords, MAX_ANALYSED_WORDS } from './word-limit';

/** An English article of `paragraphs` blocks, each one sentence of 10 words, with a link in each. */
function article(paragraphs: number): ArticleText {
  const sentence = 'Mayor Helen Marsh said the ferries would keep running daily.';
  const text = Array.from({ length: paragraphs }, () => sentence).join('\n\n');
  const blocks = Array.from({ length: paragraphs }, (_, i) => ({ start: i * (sentence.length + 2), end: i * (sentence.length + 2) + sentence.length }));
  const links = blocks.map(({ start }) => ({ start: start + 6, end: start + 17, href: 'https://news.example/marsh', text: 'Helen Marsh' }));
  return { text, title: sentence, lang: 'en', blocks, links };
}

describe('firstWords', () => {
  it('keeps an article within the limit as it is', () => {
    const short = article(3);
    expect(firstWords(short, 30)).toBe(short);
  });

  it('cuts text, blocks and links after the last word it keeps, and says how many words it kept', () => {
    const cut = firstWords(article(3), 15);
    expect(cut.text).toBe('Mayor Helen Marsh said the ferries would keep running daily.\n\nMayor Helen Marsh said the');
    expect(cut.truncated).toEqual({ words: 15 });
    expect(cut.blocks.map(({ start, end }) => cut.text.slice(start, end))).toEqual(['Mayor Helen Marsh said the ferries would keep running daily.', 'Mayor Helen Marsh said the']);
    expect(cut.links.map((link) => link.text)).toEqual(['Helen Marsh', 'Helen Marsh']);
    // A link cut in the middle keeps the words it has.
    expect(firstWords(article(3), 12).links.map((link) => link.text)).toEqual(['Helen Marsh', 'Helen']);
  });

  it('does not cut an article twice', () => {
    const once = firstWords(article(3), 15);
    expect(firstWords(once, 5)).toBe(once);
  });
});

describe('analyse on a long article', () => {
  it(`analyses the first ${MAX_ANALYSED_WORDS.toLocaleString('en')} words and says so`, () => {
    const long = article(MAX_ANALYSED_WORDS / 10 + 50);
    const analysis = analyse(long);
    expect(analysis.truncated).toEqual({ words: MAX_ANALYSED_WORDS });
    expect(analysis.text.match(/\S+/g)).toHaveLength(MAX_ANALYSED_WORDS);
    expect(analysis.entities.find((entity) => entity.name === 'Helen Marsh')?.mentions.every((m) => m.end <= analysis.text.length)).toBe(true);
    expect(analysisNotices(analysis)).toEqual(['Too long: analysed the first 50,000 words.']);
  });

  it('says nothing of a whole English article, and says which language it does not read', () => {
    expect(analysisNotices(analyse(article(2)))).toEqual([]);
    expect(analysisNotices({ article: true, lang: 'ar' })).toEqual(['This article is in Arabic: Gloss recognises names in English articles only.']);
    expect(analysisNotices({ article: true, lang: 'und' })).toEqual(["This article's language is unclear: Gloss recognises names in English articles only."]);
    expect(analysisNotices({ article: false, lang: 'und' })).toEqual([]);
  });
});
