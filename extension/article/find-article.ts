import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { firstWords } from '../analysis/word-limit';
import { endsDateline, isArticleBlock, isChromeElement, isPullQuote, NEVER_TEXT } from './chrome';
import { findHeadline, findStandfirst } from './headline';
import { articleLanguage, primaryLanguage } from './language';
import { pageBaseUrl, pageMeta } from './page-meta';
import { cloneForReading } from './reading-clone';
import { TextBuilder } from './text-builder';
import type { FoundArticle } from './types';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Inline (phrasing) elements: they do not break a block. Any other element starts a new block. */
const INLINE = new Set(
  'a abbr acronym b bdi bdo big cite code data del dfn em font i img ins kbd mark nobr picture q s samp small source span strike strong sub sup time tt u var wbr'.split(' '),
);

/**
 * Paragraph length from which Readability's quick check counts a paragraph. Its default (140)
 * turns away news stories written in one-sentence paragraphs; the checks after extraction
 * (MIN_BODY_CHARS, MAX_LINK_SHARE) still turn away pages without an article.
 */
const MIN_READERABLE_PARAGRAPH = 80;
/** Fewer body characters than this is not an article (a nav page, a search page, a stub). */
const MIN_BODY_CHARS = 250;
/** A "body" made mostly of link text is a list of links. */
const MAX_LINK_SHARE = 0.5;

export interface FindArticleOptions {
  /** The page's URL, when `doc` does not know it (a file read in Node). */
  url?: string;
}

/**
 * Finds the article on a page without touching the page: Readability runs on a clone, and
 * every character of the article text is mapped back to the live text node it came from.
 * The text is the headline, the standfirst, then the body blocks. Returns null when the page
 * has no article.
 */
export function findArticle(doc: Document, options: FindArticleOptions = {}): FoundArticle | null {
  if (!doc.body || !isProbablyReaderable(doc, { minContentLength: MIN_READERABLE_PARAGRAPH })) return null;
  const base = pageBaseUrl(doc, options.url);
  const { clone, liveOf } = cloneForReading(doc);
  // keepClasses: the chrome rules read class names of the content Readability keeps.
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true }).parse();
  if (!parsed?.content) return null;

  const content = parsed.content;
  let collapsedBody: string | undefined;
  const bodyText = () => (collapsedBody ??= collapse(content.textContent ?? ''));
  const builder = new TextBuilder();
  const readLive = readHeader(doc, parsed, builder, bodyText);
  const bodyStart = builder.position;
  readBody(content, builder, { liveOf, skip: readLive, base, bodyText });
  const { text, blocks, links, map } = builder.build();

  if (!looksLikeArticle(text.slice(bodyStart), links.filter((l) => l.start >= bodyStart))) return null;
  const title = blocks[0] ? text.slice(blocks[0].start, blocks[0].end) : '';
  return {
    // Cut here, not only in analyse(): the anchors and the text sent to the page stay bounded too.
    article: firstWords({ text, title, lang: articleLanguage(declaredLanguage(doc), text), blocks, links }),
    map,
    meta: pageMeta(doc, base, parsed),
  };
}

/**
 * Reads the headline and the standfirst from the live page (Readability leaves them out or
 * rewrites them) as the first blocks. Returns the live text nodes it read.
 */
function readHeader(doc: Document, parsed: { title?: string | null; excerpt?: string | null }, builder: TextBuilder, bodyText: () => string): Set<Node> {
  const read = new Set<Node>();
  const headline = findHeadline(doc, parsed.title ?? '');
  if (headline) readLiveElement(headline, builder, read);
  else if (parsed.title) builder.appendText(doc.createTextNode(parsed.title), null);
  builder.endBlock();
  // The standfirst, unless the body has it already (some pages repeat it as the first paragraph).
  const standfirst = headline && findStandfirst(headline, parsed.excerpt);
  if (standfirst && !bodyText().includes(collapse(standfirst.textContent ?? '').trim())) readLiveElement(standfirst, builder, read);
  builder.endBlock(isArticleBlock);
  return read;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function looksLikeArticle(body: string, links: { start: number; end: number }[]): boolean {
  const chars = body.replace(/\s+/g, '').length;
  const linkChars = links.reduce((n, l) => n + l.end - l.start, 0);
  return chars >= MIN_BODY_CHARS && linkChars <= body.length * MAX_LINK_SHARE;
}

/** Reads a live element (headline, standfirst) as one block, noting its text nodes as read. */
function readLiveElement(element: Element, builder: TextBuilder, read: Set<Node>): void {
  for (const node of textNodesOf(element)) {
    builder.appendText(node, node);
    read.add(node);
  }
}

function* textNodesOf(element: Element): Generator<Text> {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) yield child as Text;
    else if (child.nodeType === ELEMENT_NODE && !NEVER_TEXT.has((child as Element).localName)) yield* textNodesOf(child as Element);
  }
}

interface BodyContext {
  /** The live text node a cloned one stands for. */
  liveOf: (clone: Text) => Text | null;
  /** Live text nodes already read (headline, standfirst). */
  skip: Set<Node>;
  base: string | undefined;
  /** The content's text, whitespace collapsed (computed once, when a pull quote is suspected). */
  bodyText: () => string;
}

/** Reads Readability's content element into the builder: one block per paragraph-like element. */
function readBody(node: Node, builder: TextBuilder, ctx: BodyContext): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const live = ctx.liveOf(child as Text);
      if (!live || !ctx.skip.has(live)) builder.appendText(child as Text, live);
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.localName;
    if (isChromeElement(element, tag) || isPullQuote(element, tag, ctx.bodyText)) continue;
    if (tag === 'br') {
      builder.endBlock(isArticleBlock);
      continue;
    }
    const isBlock = !INLINE.has(tag);
    if (isBlock) builder.endBlock(isArticleBlock);
    if (tag === 'a') readLink(element, builder, ctx);
    else readBody(element, builder, ctx);
    if (isBlock) builder.endBlock(isArticleBlock);
    else if (endsDateline(element, tag)) builder.breakWord();
  }
}

function readLink(anchor: Element, builder: TextBuilder, ctx: BodyContext): void {
  const start = builder.position;
  builder.enterLink();
  readBody(anchor, builder, ctx);
  builder.leaveLink();
  const href = anchor.getAttribute('href');
  if (!href) return;
  try {
    // The parsed protocol, not the text: the URL parser drops tabs and newlines ("java\tscript:").
    const url = new URL(href, ctx.base);
    if (url.protocol !== 'javascript:') builder.addLink(url.href, start, builder.position);
  } catch {
    // A relative link on a page whose URL is unknown, or a malformed one: not a usable link.
  }
}

function declaredLanguage(doc: Document): string | null {
  return (
    primaryLanguage(doc.documentElement.getAttribute('lang')) ??
    primaryLanguage(doc.querySelector('meta[http-equiv="content-language"], meta[http-equiv="Content-Language"]')?.getAttribute('content'))
  );
}
