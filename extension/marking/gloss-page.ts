/**
 * Gloss on one page, from finding the article to serving popovers. Everything it adds (the
 * host element, highlights, listeners) goes away when `signal` aborts. The article finder and
 * the analysis request are passed in, so this module knows nothing of WXT or of messaging.
 * The page's main thread only takes a snapshot of the page and maps the article found on it
 * back to the page's text nodes, both in short slices; the finding itself runs elsewhere.
 */
import { analysisNotices } from '../analysis/notices';
import type { Analysis, ArticleText, EntityType, Span } from '../analysis/types';
import { anchoredMap } from '../article/anchors';
import { outerHtmlInSlices } from '../article/serialize';
import type { AnchoredArticle } from '../article/snapshot';
import type { TextNodeMap } from '../article/types';
import { canonicalUrl } from '../notes/new-note';
import { isSiteDisabled, lookupsAllowed, markedTypes, type Settings } from '../settings/settings';
import { createGlossHost, type GlossHost, type GlossState } from '../ui/gloss-host';
import { createPopoverController } from '../ui/popover-controller';
import { FLASH_HIGHLIGHT, HIGHLIGHT_NAME } from '../ui/styles';
import { createBackgroundLookup, type BackgroundSources } from './background-lookup';
import { initHover } from './hover';
import { initKeyboardMode } from './keyboard-mode';
import { MentionIndex, type MarkedMention } from './mention-index';
import { initPageNotes, type PageNotes } from './notes';
import type { NotesApi } from './notes-api';
import { hasHighlightApi, highlightPainter, overlayPainter, type MarkPainter } from './painter';
import { scrollRangeIntoView } from './scroll';
import { idle, pageLoaded, yieldToMain } from './timing';

export interface GlossPageOptions {
  win: Window & typeof globalThis;
  settings: Settings;
  /** Finds the article on a snapshot of the page, `documentElement.outerHTML`; `signal`: the run's. */
  findArticle(html: string, url: string, signal: AbortSignal): Promise<AnchoredArticle | null>;
  /** `meta`: the page's published date and outlet, for the reader's memory of the article. */
  requestAnalysis(article: ArticleText, url: string | null, meta: { published: string | null; outlet: string | null }): Promise<Analysis>;
  /** The reader's notes and memory (absent: no notes on the page). */
  notes?: NotesApi;
  /** Wikipedia look-ups and the gazetteer, in the background (absent: popovers say what the article says). */
  background?: BackgroundSources;
  /**
   * Told each state Gloss reaches on the page, as its host's `data-gloss-state` shows it: the
   * content script answers the popup from this, since the page can put look-alike hosts in its DOM.
   */
  onState?(state: GlossState): void;
  signal: AbortSignal;
}

export interface GlossPage {
  analysis: Analysis;
  /** Scrolls to an entity's first marked mention, flashes it and opens its popover. */
  showEntity(entityId: string): boolean;
  /** The page's notes, or null when the page has none (no notes API, or no web address). */
  notes: PageNotes | null;
}

const FLASH_MS = 900;
/** Main-thread time a slice of range building takes before letting the page run. */
const SLICE_MS = 5;

/** Runs Gloss on the page; resolves to the marked page, or null when there is nothing to do. */
export async function runGloss(options: GlossPageOptions): Promise<GlossPage | null> {
  const { win, settings, signal } = options;
  if (win.top !== win || isSiteDisabled(settings, win.location.href)) return null;
  await idle(win, signal);
  if (signal.aborted) return null;
  const host = createGlossHost(win.document, signal);
  const setState = (state: GlossState) => {
    host.setAttribute('data-gloss-state', state);
    options.onState?.(state);
  };
  setState('finding');

  try {
    const found = await findArticleOnce(options);
    if (signal.aborted) return null;
    if (!found) {
      setState('no-article');
      return null;
    }
    setState('analysing');
    // On a huge page, receiving the article, sending it for analysis and the first mapping slice
    // each take a share of the main thread: each gets a task of its own.
    await yieldToMain();
    // The background analyses while the page maps the anchors to its text nodes.
    const [analysis, map] = await Promise.all([
      options.requestAnalysis(found.article, found.meta.url ?? win.location.href, { published: found.meta.published, outlet: found.meta.outlet }),
      yieldToMain().then(() => anchoredMap(win.document.documentElement, found.article.text, found.anchors, { pause: yieldToMain, signal })),
    ]);
    if (signal.aborted) return null;
    const background = options.background && { sources: options.background, lookups: lookupsAllowed(settings, win.location.href) };
    const page = await markArticle({ win, host, map, analysis, types: markedTypes(settings), notes: options.notes, background, signal });
    if (signal.aborted) return null;
    host.setAttribute('data-gloss-marks', page.marked);
    describeAnalysis(host, analysis);
    setState('ready');
    return page;
  } catch (error) {
    // A page Gloss can't read must stay usable: say why on the host and leave it alone.
    setState('error');
    host.setAttribute('data-gloss-error', error instanceof Error ? error.message : String(error));
    return null;
  }
}

/**
 * What the page's Gloss host says about the analysis besides its marks: the article's language
 * (`data-gloss-lang`), the word limit when the article was cut (`data-gloss-truncated`, the words
 * analysed) and the plain sentences the popup shows (`data-gloss-notice`).
 */
function describeAnalysis(host: GlossHost, analysis: Analysis): void {
  host.setAttribute('data-gloss-lang', analysis.lang);
  if (analysis.truncated) host.setAttribute('data-gloss-truncated', String(analysis.truncated.words));
  const notices = analysisNotices(analysis);
  if (notices.length > 0) host.setAttribute('data-gloss-notice', notices.join(' '));
}

/**
 * The article at idle, or, on pages that build it later, once more after the load event. The
 * snapshot is written in slices: one `outerHTML` of a 2 MB page holds the main thread 60–70 ms.
 */
async function findArticleOnce({ win, findArticle, signal }: GlossPageOptions): Promise<AnchoredArticle | null> {
  const find = async () => {
    const html = await outerHtmlInSlices(win.document.documentElement, { pause: yieldToMain, signal });
    // The snapshot is sent in parts (send-snapshot.ts), the first not in the serialiser's last slice.
    await yieldToMain();
    return signal.aborted ? null : findArticle(html, win.location.href, signal);
  };
  const first = await find();
  if (first || signal.aborted || win.document.readyState === 'complete') return first;
  await pageLoaded(win, signal);
  await idle(win, signal);
  return signal.aborted ? null : find();
}

interface MarkOptions {
  win: Window & typeof globalThis;
  host: GlossHost;
  map: TextNodeMap;
  analysis: Analysis;
  types: ReadonlySet<EntityType>;
  notes?: NotesApi;
  /** Where backgrounds come from, and whether Wikipedia may be asked on this page. */
  background?: { sources: BackgroundSources; lookups: boolean };
  signal: AbortSignal;
}

/** Paints the mentions and wires hover, keyboard and popover. */
export async function markArticle({ win, host, map, analysis, types, notes: notesApi, background, signal }: MarkOptions): Promise<GlossPage & { marked: number }> {
  const index = MentionIndex.fromAnalysis(analysis, types);
  const ranges = await rangesOf(index.mentions, map, signal);
  const rangeFor = (span: Span): Range | null => {
    const at = index.indexAt(span.start);
    const mention = index.mentions[at];
    const cached = mention && mention.start === span.start && mention.end === span.end ? ranges[at] : undefined;
    return cached ?? map.rangeFor(span.start, span.end);
  };

  const useHighlights = hasHighlightApi(win);
  const painter: MarkPainter = useHighlights ? highlightPainter(win) : overlayPainter(host.overlay, win, signal);
  host.setAttribute('data-gloss-marker', useHighlights ? 'css-highlights' : 'overlay');
  signal.addEventListener('abort', () => painter.clear());
  // One kind a task: registering a highlight makes Chromium mark the whole page for repainting
  // at once (about 20 ms a kind on 50,000 elements; all four in one task took 93 ms).
  for (const [type, name] of Object.entries(HIGHLIGHT_NAME)) {
    const painted = index.mentions.flatMap((mention, at) => (mention.type === type && ranges[at] ? [ranges[at]!] : []));
    painter.paint(name, painted);
    await yieldToMain();
  }

  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  function showMention(span: Span): void {
    const range = rangeFor(span);
    if (!range) return;
    scrollRangeIntoView(range, win);
    painter.paint(FLASH_HIGHLIGHT, [range]);
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => painter.paint(FLASH_HIGHLIGHT, []), FLASH_MS);
  }

  const url = canonicalUrl(analysis.url);
  const notes =
    notesApi && url
      ? initPageNotes({
          win,
          host,
          map,
          analysis,
          url,
          // Notes in boxes inside the shadow root, never in CSS.highlights, which the page reads.
          painter: overlayPainter(host.overlay, win, signal),
          api: notesApi,
          showSpan: showMention,
          firstMention: (entityId) => index.mentions.find((mention) => mention.entityId === entityId) ?? null,
          closePopover: () => popover.close(),
          signal,
        })
      : null;

  // Asked when a popover opens; an answer redraws it if it is still open.
  const lookup = background && createBackgroundLookup({ analysis, ...background, onChange: (entityId) => popover.refresh(entityId) });
  const popover = createPopoverController({
    host,
    analysis,
    rangeFor,
    showMention,
    notesFor: notes ? (entityId) => notes.forEntity(entityId) : undefined,
    backgroundFor: lookup ? (entityId) => lookup.forPopover(entityId) : undefined,
    onClose: (byKeyboard) => {
      if (byKeyboard) keyboard.resume();
    },
    signal,
  });
  const keyboard = initKeyboardMode({ win, host, analysis, index, rangeFor, painter, popover, signal });
  initHover({ win, host, index, map, rangeFor, popover, signal });

  return {
    analysis,
    marked: ranges.filter(Boolean).length,
    notes,
    showEntity(entityId) {
      const first = index.mentions.find((mention) => mention.entityId === entityId);
      if (!first) return false;
      showMention(first);
      popover.open(entityId, first, false);
      return true;
    },
  };
}

/** Live ranges for the mentions, built in slices (the first in a task of its own) that keep each main-thread task short. */
async function rangesOf(mentions: readonly MarkedMention[], map: TextNodeMap, signal: AbortSignal): Promise<(Range | null)[]> {
  const ranges: (Range | null)[] = [];
  await yieldToMain();
  let sliceStart = performance.now();
  for (const mention of mentions) {
    if (signal.aborted) break;
    ranges.push(map.rangeFor(mention.start, mention.end));
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
  return ranges;
}
