/**
 * What Readability keeps that is not article text: captions, bylines, share bars, teasers.
 * The rules follow the annotation conventions (headline, standfirst, sub-headings and body are
 * article text; bylines, contributor lines, related-link teasers and widgets are not) and stay
 * conservative: a rule drops a whole element or a whole short block, never words in a sentence.
 */

/** Elements whose text is never article text. */
export const NEVER_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'select', 'textarea', 'button',
]);

/**
 * Where the reader types: contenteditable regions (unless turned off with "false") and form
 * fields. Their text is the reader's, not the article's: it is never read, and never marked.
 */
export const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false" i]), input, textarea, select, button, option';

const FORM_FIELDS = new Set(['input', 'textarea', 'select', 'button', 'option']);

/** Whether `element` is a contenteditable region or a form field (`EDITABLE_SELECTOR` without a selector engine: it runs on every element of a page). */
export function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return FORM_FIELDS.has(element.localName) || (editable !== null && editable.toLowerCase() !== 'false');
}

/** Page landmarks that never hold the article text. */
const STRIPPED_LANDMARKS = new Set(['nav', 'aside', 'footer']);

/** Elements Readability may keep whose text is site chrome or metadata. */
const CHROME_TAGS = new Set(['figcaption', 'nav', 'aside', 'footer', 'label', 'input']);
/**
 * Chrome elements with more text than this are left to Readability's judgement before it runs:
 * a class word like "related" on a big container may be on the article's own wrapper.
 */
const MAX_STRIPPED_CHROME_CHARS = 400;

/** Class or id words of chrome: bylines, captions, share bars, teasers, hover cards, screen-reader text. */
const CHROME_CLASS = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'byline', 'bylines', 'author', 'authors', 'caption', 'credit', 'credits',
      'share', 'sharing', 'social', 'related', 'newsletter', 'promo', 'interstitial',
      'pullquote', 'pull-quote', 'tooltip', 'popover', 'hovercard', 'rollover-block',
      'sr-only', 'visually-hidden', 'visuallyhidden', 'offscreen', 'off-screen', 'screen-reader-text',
    ].join('|') +
    ')(?:$|[\\s_-])',
  'i',
);

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/** Whole blocks that are widgets, metadata lines or teasers rather than article text. */
const CHROME_BLOCKS: RegExp[] = [
  /^(?:advertisement|ad|sponsored|photo|video|image|enlarge this image|continue reading the main story|story continues below(?: advertisement)?|toggle caption|hide caption)$/i,
  /^(?:(?:read|see|watch) (?:more|also)|seguir leyendo|lea también|lire aussi|à lire aussi|weiterlesen|mehr zu diesem thema|leia (?:mais|também)|leggi anche|lees ook)\b.{0,160}$/iu,
  /^(?:related(?: articles| stories| coverage| content)?|more from|most (?:read|popular|viewed)|trending|recommended)\b[^.!?]{0,50}$/i,
  /^\[(?:read|see|watch|related|more)\b[^\]]*\]$/i,
  /^show all \d+$/i,
  /^\d+\s*(?:\/|of)\s*\d+$/i,
  // Counters and rules: "0", "___".
  /^[\d\s]*$|^[^\p{L}\p{N}]+$/u,
  /^.{0,40}\bin pictures$/i,
  // Bylines and datelines-as-metadata: "By Jane Doe - 11/18/19", "Published 7:07 PM EST Nov 19, 2019".
  /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s+\p{Lu}[^.!?]{0,100}$/u,
  /^(?:published|updated|posted|last updated|first published)\b(?=.*\d).{0,80}$/i,
  new RegExp(`^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:,?\\s+\\d{4})?\\b.{0,40}$`, 'i'),
  /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b.{0,40}$/,
  // Contributor lines and agency credits at the foot of a story.
  /^.{0,120}\bcontributed(?: reporting)? to this (?:report|story|article)\.?$/i,
  /^contributing:.{0,120}$/i,
  /^[^.]{0,80}\breported from\b[^.]{0,80}\.?$/,
  /^\(?(?:reporting|writing|editing|additional reporting) by\b.{0,200}$/i,
  /^(?=.{0,300}$).*©/,
];

/** A block made (almost) only of link text is a teaser or a list of links. */
const MAX_BLOCK_LINK_SHARE = 0.9;

/**
 * Whether to remove an element from the clone before Readability reads it. Readability itself
 * drops class names when it rewraps text (a caption `div` becomes a bare `p`), so captions,
 * bylines and hover cards are recognised here, while their class names are still there.
 */
export function isStrippedBeforeReading(element: Element, tag: string): boolean {
  if (NEVER_TEXT.has(tag)) return !(tag === 'script' && element.getAttribute('type') === 'application/ld+json');
  if (isEditable(element)) return true;
  // Readability drops these from its result anyway; dropping them first spares it their scoring.
  if (STRIPPED_LANDMARKS.has(tag)) return true;
  return isChromeElement(element, tag) && (element.textContent?.length ?? 0) <= MAX_STRIPPED_CHROME_CHARS;
}

export function isChromeElement(element: Element, tag: string): boolean {
  if (NEVER_TEXT.has(tag) || CHROME_TAGS.has(tag)) return true;
  if (element.getAttribute('rel') === 'author' || element.getAttribute('itemprop')?.includes('author')) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  return CHROME_CLASS.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
}

/** Whether a block of the body is article text, from its text and how much of it is link text. */
export function isArticleBlock(text: string, linkChars: number): boolean {
  const visible = text.replace(/\s+/g, '').length;
  if (linkChars >= visible * MAX_BLOCK_LINK_SHARE) return false;
  return !CHROME_BLOCKS.some((pattern) => pattern.test(text));
}

/** Pull quotes may join pieces of a quote: they are recognised by their opening words. */
const PULL_QUOTE_OPENING = 40;

/**
 * A pull quote: a quotation set apart that repeats words of the body (`bodyText`, whitespace
 * collapsed). Counted once, where the body says it.
 */
export function isPullQuote(element: Element, tag: string, bodyText: () => string): boolean {
  if (tag !== 'blockquote' && !/quote/i.test(element.getAttribute('class') ?? '')) return false;
  const quoted = (element.textContent ?? '').replace(/\s+/g, ' ').replace(/^[\s"“”'‘’]+|[\s"“”'‘’]+$/g, '');
  if (quoted.length < 20) return false;
  const opening = quoted.slice(0, PULL_QUOTE_OPENING);
  const text = bodyText();
  const first = text.indexOf(opening);
  return first >= 0 && text.indexOf(opening, first + opening.length) >= 0;
}

/** Class Readability takes for a byline (and removes) but that marks a dateline ("CAIRO —"), which is article text. */
const DATELINE_CLASS = /dateline/i;
/** What the clone's datelines are renamed to, so that Readability keeps them. */
const KEPT_DATELINE_CLASS = 'gloss-place';

/** In the clone only: renames a dateline's class so that Readability does not drop it as a byline. */
export function protectDateline(element: Element): void {
  const className = element.getAttribute('class');
  if (className && DATELINE_CLASS.test(className)) element.setAttribute('class', KEPT_DATELINE_CLASS);
}

/** Inline elements that end a dateline, which may run into the text ("Hong Kong (CNN Business)A muddled …"). */
export function endsDateline(element: Element, tag: string): boolean {
  return tag === 'cite' || element.getAttribute('class') === KEPT_DATELINE_CLASS;
}
