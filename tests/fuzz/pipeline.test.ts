/**
 * Fuzzing the article pipeline (issue 8, item 6): the background parses a page's snapshot
 * (`findAnchoredArticle`) and analyses what it finds (`analyse`); pages are hostile or broken,
 * so on random and mutated HTML and text no exception may escape, and every offset the
 * pipeline hands on (blocks, links, anchors, sentences, tokens, mentions, figures, quotes)
 * must lie inside the article text, with each span's own text where it carries one.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../extension/analysis/analyse';
import { splitSentences } from '../../extension/analysis/text/tokenize';
import type { Analysis, ArticleText, Span } from '../../extension/analysis/types';
import { articleFromPlainText } from '../../extension/article/plain-text';
import { findAnchoredArticle, type AnchoredArticle } from '../../extension/article/snapshot';
import { applyEdits, runs, stringEdits } from './fuzz';

const SEED_PAGE = readFileSync(new URL('../fixtures/seed/page.html', import.meta.url), 'utf8');
const URL_OF_PAGE = 'https://news.example/mariupol';

/** Fails unless `span` is a well-formed span of a text of `length` characters. */
function expectInside(span: Span, length: number, what: string): void {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  expect(ok, `${what} ${span.start}–${span.end} is not inside the text (${length} characters)`).toBe(true);
}

/** The article's own invariants: blocks in order, links and anchors inside the text. */
function checkArticle(article: ArticleText): void {
  const { text, blocks, links } = article;
  expect(typeof text).toBe('string');
  let previous = 0;
  for (const block of blocks) {
    expectInside(block, text.length, 'block');
    expect(block.start, 'blocks are in order').toBeGreaterThanOrEqual(previous);
    previous = block.end;
  }
  for (const link of links) {
    expectInside(link, text.length, 'link');
    expect(text.slice(link.start, link.end)).toBe(link.text);
  }
}

function checkAnchored(found: AnchoredArticle): void {
  checkArticle(found.article);
  for (const anchor of found.anchors) {
    expectInside(anchor, found.article.text.length, 'anchor');
    expect(Number.isInteger(anchor.node) && anchor.node >= 0 && Number.isInteger(anchor.offset) && anchor.offset >= 0).toBe(true);
  }
}

/** The analysis's invariants, and the sentences and tokens it was built on. */
function checkAnalysis(article: ArticleText, analysis: Analysis): void {
  const { text } = article;
  expect(analysis.text).toBe(text);
  expect(analysis.links).toEqual(article.links);
  if (article.lang === 'en') {
    for (const sentence of splitSentences(text, article.blocks)) {
      expectInside(sentence, text.length, 'sentence');
      for (const token of sentence.tokens) {
        expectInside(token, text.length, 'token');
        expect(text.slice(token.start, token.end)).toBe(token.text);
      }
    }
  }
  const ids = new Set(analysis.entities.map((entity) => entity.id));
  expect(ids.size).toBe(analysis.entities.length);
  for (const entity of analysis.entities) {
    expect(entity.mentions.length).toBeGreaterThan(0);
    for (const mention of entity.mentions) expectInside(mention, text.length, `mention of ${entity.name}`);
  }
  for (const figure of analysis.figures) {
    expectInside(figure, text.length, 'figure');
    expect(text.slice(figure.start, figure.end)).toBe(figure.text);
    expect(Number.isFinite(figure.value)).toBe(true);
    for (const id of [figure.about, figure.source]) if (id !== null) expect(ids.has(id), `figure names entity ${id}`).toBe(true);
  }
  for (const quote of analysis.quotes) {
    expectInside(quote, text.length, 'quote');
    expect(text.slice(quote.start, quote.end)).toBe(quote.text);
    if (quote.speaker !== null) expect(ids.has(quote.speaker), `quote names entity ${quote.speaker}`).toBe(true);
  }
  for (const source of analysis.sources) if (source.entity !== null) expect(ids.has(source.entity)).toBe(true);
  // The document crosses the message channel: it must survive a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
}

/** The whole background pipeline on one snapshot, checked; the article is analysed as English too. */
function pipeline(html: string): void {
  const found = findAnchoredArticle(html, URL_OF_PAGE);
  if (!found) return;
  checkAnchored(found);
  checkAnalysis(found.article, analyse(found.article, URL_OF_PAGE));
  if (found.article.lang !== 'en') {
    const english = { ...found.article, lang: 'en' };
    checkAnalysis(english, analyse(english, URL_OF_PAGE));
  }
}

/** Pieces of markup that break parsers: raw-text elements left open, comments, entities, odd tags. */
const MARKUP = [
  '<p>', '</p>', '<div>', '</div>', '<article>', '</article>', '<h1>', '</h1>', '<h2>', '<li>', '<ul>', '<table><tr><td>',
  '<a href="/x">', '<a href="javascript:alert(1)">', '</a>', '<script>', '</script>', '<style>', '</style>', '<textarea>',
  '<title>', '</title>', '<template>', '<svg><foreignObject>', '<math>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE html>',
  '<br>', '<img src=x onerror=alert(1)>', '<iframe srcdoc="<p>x</p>">', '<base href="javascript:">', '<noscript>',
  '&amp;', '&#0;', '&#x10FFFF;', '&#xD800;', '&nbsp;', '&', '<', '>', '"', "'", '“', '”', '«', '»',
  '\u0000', '\uD800', '\uDC00', '\u202E', '\u200F', '\u2028', '\uFEFF', '\r\n', '\t',
  'שלום עולם', 'مرحبا بالعالم', 'Президент Зеленський', '北京', '👩‍👩‍👧', 'e\u0301',
  'President Volodymyr Zelensky said', '3.9 million', '42%', 'According to the UN,', '"We will stay," he said.',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((name) => `<${name} ${name}="${name}">`) },
);
const markup = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

/** Words that make the recognisers work: names, titles, numbers, quotation marks, attributions. */
const WORDS = [
  'President', 'Volodymyr', 'Zelensky', 'Mr.', 'Dr', 'Kyiv', 'Mariupol', 'UN', 'UNHCR', 'the', 'mayor', 'said', 'told',
  'according', 'to', 'nearly', '3.9', 'million', 'people', '42%', '1,200', 'km', '2022', 'of', 'and', '"', '“', '”', '‘', '’',
  '«', '»', ',', '.', '?', '!', ':', ';', '(', ')', '—', '-', '\n', '\n\n', ' ', 'U.S.', 'St.', 'e.g.', '$5bn', '½', '٣',
];
const word = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });
const prose = fc.array(word, { maxLength: 150 }).map((words) => words.join(' '));

/** Random markup inside an article-shaped page, so Readability finds something and the analysis runs. */
const articlePage = fc
  .tuple(markup, fc.array(fc.tuple(fc.array(word, { minLength: 20, maxLength: 80 }).map((words) => words.join(' ')), markup), { minLength: 1, maxLength: 8 }))
  .map(
    ([title, paragraphs]) =>
      `<html lang="en"><head><title>x</title></head><body><article><h1>${title}</h1>${paragraphs
        .map(([words, noise]) => `<p>${words} ${noise} ${words}</p>`)
        .join('\n')}</article></body></html>`,
  );

/** What the mutations insert: the markup pieces, a huge attribute, random text. */
const insertion = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.constant(`<div data-x="${'a'.repeat(200_000)}">`) },
  { weight: 1, arbitrary: fc.constant(`<p title="${'"'.repeat(5_000)}">`) },
  { weight: 2, arbitrary: markup },
);

describe('the article pipeline on hostile HTML', () => {
  it('keeps every offset inside the text on the seed page itself', () => {
    const found = findAnchoredArticle(SEED_PAGE, URL_OF_PAGE)!;
    checkAnchored(found);
    const analysis = analyse(found.article, URL_OF_PAGE);
    expect(analysis.entities.length).toBeGreaterThan(0);
    checkAnalysis(found.article, analysis);
  });

  // Counterexamples the properties found (linkedom builds no <html> root for them), kept as plain cases.
  it('finds no article in an empty snapshot, and does not throw', () => {
    expect(findAnchoredArticle('', URL_OF_PAGE)).toBeNull();
  });

  it('reads a snapshot cut off before <body> (no <html> root) without throwing', () => {
    const found = findAnchoredArticle(SEED_PAGE.slice(2_125), URL_OF_PAGE);
    if (found) checkAnchored(found);
  });

  it('throws nothing and keeps offsets inside the text on random markup', () => {
    fc.assert(fc.property(markup, (html) => pipeline(html)), runs(150));
  });

  it('throws nothing and keeps offsets inside the text on random article-shaped pages', () => {
    fc.assert(fc.property(articlePage, (html) => pipeline(html)), runs(60));
  });

  it('throws nothing and keeps offsets inside the text on mutations of the seed page', () => {
    fc.assert(
      fc.property(stringEdits(insertion), (edits) => pipeline(applyEdits(SEED_PAGE, edits))),
      runs(60),
    );
  });
});

/** An ArticleText whose blocks are the given paragraphs and whose links are random spans of them. */
const builtArticle = fc
  .tuple(fc.array(prose, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 })), { maxLength: 5 }))
  .map(([paragraphs, linkSpans]): ArticleText => {
    const blocks: Span[] = [];
    let text = '';
    for (const paragraph of paragraphs) {
      if (text !== '') text += '\n\n';
      blocks.push({ start: text.length, end: text.length + paragraph.length });
      text += paragraph;
    }
    const links = linkSpans.map(([at, length]) => {
      const start = text.length === 0 ? 0 : at % text.length;
      const end = Math.min(text.length, start + length);
      return { start, end, href: 'https://example.org/', text: text.slice(start, end) };
    });
    return { text, title: paragraphs[0]!, lang: 'en', blocks, links: links.sort((a, b) => a.start - b.start) };
  });

describe('analyse on random plain text', () => {
  it('throws nothing and keeps offsets inside the text of articles read from text files', () => {
    fc.assert(
      fc.property(fc.oneof(prose, fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        const article = { ...articleFromPlainText(text), lang: 'en' };
        checkArticle(article);
        checkAnalysis(article, analyse(article, null));
      }),
      runs(200),
    );
  });

  it('throws nothing and keeps offsets inside the text of articles built block by block, with links', () => {
    fc.assert(
      fc.property(builtArticle, (article) => {
        checkArticle(article);
        checkAnalysis(article, analyse(article, null));
      }),
      runs(200),
    );
  });
});
