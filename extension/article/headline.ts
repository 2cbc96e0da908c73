/** Finding the headline and the standfirst on the live page, where Readability leaves them out. */
import { EDITABLE_SELECTOR } from './chrome';
import { listToArray } from './dom';

/** How many elements after the headline may hold the standfirst. */
const STANDFIRST_SEARCH = 40;
/** Class names sites give the standfirst. */
const STANDFIRST_CLASS = /standfirst|(?:^|[\s_-])(?:dek|deck|excerpt|sub-?title|sub-?head(?:line)?|strapline|summary)(?:$|[\s_-])/i;

/**
 * The page's headline element: the h1 that best matches the title Readability found (from
 * og:title or JSON-LD, often worded differently) or the page's `<title>`, or the page's only h1.
 */
export function findHeadline(doc: Document, title: string): Element | null {
  const titleWords = new Set([...words(title), ...words(doc.title ?? '')]);
  const candidates = listToArray(doc.querySelectorAll('h1')).filter((h1) => words(h1.textContent ?? '').length >= 2 && !isChrome(h1));
  let best: Element | null = null;
  let bestScore = 0;
  for (const h1 of candidates) {
    const own = words(h1.textContent ?? '');
    const score = own.filter((w) => titleWords.has(w)).length / own.length;
    if (score > bestScore) [best, bestScore] = [h1, score];
  }
  if (bestScore >= 0.3) return best;
  return candidates.length === 1 ? candidates[0]! : null;
}

/**
 * The standfirst: an element soon after the headline whose text is the page's description
 * (og:description / meta description, as Readability's excerpt) or whose class says so.
 * Annotators count it as article text; Readability usually leaves it out with the page header.
 */
export function findStandfirst(headline: Element, description: string | null | undefined): Element | null {
  const wanted = normalise(description ?? '');
  let element = nextElement(headline, true);
  for (let i = 0; element && i < STANDFIRST_SEARCH; i++, element = nextElement(element, false)) {
    if (element.localName === 'h1') return null;
    if (element.localName === 'figure' || element.querySelector('img, figure') || element.closest(EDITABLE_SELECTOR)) continue;
    const text = normalise(element.textContent ?? '');
    if (text.length < 30 || text.length > 600) continue;
    const isDescription = wanted.length >= 30 && (text === wanted || wanted.startsWith(text.replace(/\W+$/, '')));
    if (isDescription || STANDFIRST_CLASS.test(element.getAttribute('class') ?? '')) return element;
  }
  return null;
}

/** The next element in document order; with `skipChildren`, after `element`'s subtree. */
function nextElement(element: Element, skipChildren: boolean): Element | null {
  if (!skipChildren && element.firstElementChild) return element.firstElementChild;
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

function isChrome(element: Element): boolean {
  return element.closest(`nav, footer, aside, [hidden], [aria-hidden="true"], ${EDITABLE_SELECTOR}`) !== null;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
