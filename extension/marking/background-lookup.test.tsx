// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Span } from '../analysis/types';
import { createGlossHost } from '../ui/gloss-host';
import { createPopoverController, type PopoverController } from '../ui/popover-controller';
import { testAnalysis } from '../ui/test-analysis';
import type { EntityContext, LookupResult, PlaceFacts } from '../wikipedia/types';
import { createBackgroundLookup, entityContext, messageSources, RETRY_FAILED_MS, type BackgroundSources } from './background-lookup';
import { createHoverIntent } from './hover-intent';

const MARIUPOL_SUMMARY: LookupResult = {
  status: 'found',
  confidence: 0.93,
  summary: {
    title: 'Mariupol',
    description: 'City in Donetsk Oblast, Ukraine',
    extract: 'Mariupol is a city in Donetsk Oblast, Ukraine, on the northern coast of the Sea of Azov.',
    wikibaseItem: 'Q125652',
    url: 'https://en.wikipedia.org/wiki/Mariupol',
    lang: 'en',
  },
};
const MARIUPOL_FACTS: PlaceFacts = { kind: 'city', country: 'Ukraine', population: 431859 };

/** Answers it controls: each call waits until the test resolves it. */
function controlledSources() {
  const lookups: { context: EntityContext; answer(result: LookupResult): void; fail(error: Error): void }[] = [];
  const places: string[] = [];
  const sources: BackgroundSources = {
    lookup: (context) =>
      new Promise<LookupResult>((resolve, reject) => {
        lookups.push({ context, answer: resolve, fail: reject });
      }),
    placeFacts: (name) => {
      places.push(name);
      return Promise.resolve(name === 'Mariupol' ? MARIUPOL_FACTS : null);
    },
  };
  return { sources, lookups, places };
}

const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('entityContext', () => {
  it('says what the article says of the entity: kind, role, other names, the most mentioned names around it, the language', () => {
    const analysis = { ...testAnalysis(), lang: 'en-GB' };
    const mayor = analysis.entities.find((entity) => entity.id === 'e2')!;
    expect(entityContext(analysis, mayor)).toEqual({
      name: 'Vadim Boichenko',
      type: 'PER',
      role: 'Mayor',
      aliases: ['Boichenko'],
      nearby: ['Mariupol', 'UN'], // Mariupol has two mentions, the UN one
      lang: 'en',
    });
  });
});

describe('messageSources', () => {
  it('asks the background with the entity context and the page address, and checks what comes back', async () => {
    const sent: unknown[] = [];
    const context = entityContext(testAnalysis(), testAnalysis().entities[0]!);
    const replies: unknown[] = [MARIUPOL_SUMMARY, { facts: MARIUPOL_FACTS }, { status: 'found' }, undefined];
    const sources = messageSources(async (message) => {
      sent.push(message);
      return replies.shift();
    }, 'https://news.example/mariupol');
    expect(await sources.lookup(context)).toEqual(MARIUPOL_SUMMARY);
    expect(await sources.placeFacts('Mariupol')).toEqual(MARIUPOL_FACTS);
    expect(sent).toEqual([
      { type: 'gloss:background:lookup', context, pageUrl: 'https://news.example/mariupol' },
      { type: 'gloss:background:place', name: 'Mariupol' },
    ]);
    await expect(sources.lookup(context)).rejects.toThrow('the background gave no look-up answer');
    await expect(sources.placeFacts('Mariupol')).rejects.toThrow('the background gave no place facts');
  });
});

describe('background look-up on the page', () => {
  const analysis = testAnalysis();
  const changed: string[] = [];
  beforeEach(() => {
    changed.length = 0;
  });

  it('asks nothing until a popover opens, then once per entity for the page', async () => {
    const { sources, lookups, places } = controlledSources();
    const lookup = createBackgroundLookup({ analysis, sources, lookups: true, onChange: (id) => changed.push(id) });
    expect(lookups).toHaveLength(0);

    expect(lookup.forPopover('e1')).toEqual({ wikipedia: { status: 'looking-up' }, place: null });
    expect(lookups.map(({ context }) => context.name)).toEqual(['Mariupol']);
    expect(places).toEqual(['Mariupol']); // a place: the gazetteer too
    await settled();
    expect(lookup.forPopover('e1')).toEqual({ wikipedia: { status: 'looking-up' }, place: MARIUPOL_FACTS });

    lookups[0]!.answer(MARIUPOL_SUMMARY);
    await settled();
    expect(changed).toEqual(['e1', 'e1']); // the facts, then the summary
    expect(lookup.forPopover('e1')).toEqual({ wikipedia: MARIUPOL_SUMMARY, place: MARIUPOL_FACTS });
    expect(lookups).toHaveLength(1);
    expect(places).toEqual(['Mariupol']);

    lookup.forPopover('e2'); // a person: no gazetteer
    expect(lookups.map(({ context }) => context.name)).toEqual(['Mariupol', 'Vadim Boichenko']);
    expect(places).toEqual(['Mariupol']);
  });

  it('with look-ups off asks Wikipedia nothing, and still gives a place its facts', async () => {
    const { sources, lookups, places } = controlledSources();
    const lookup = createBackgroundLookup({ analysis, sources, lookups: false, onChange: (id) => changed.push(id) });
    expect(lookup.forPopover('e1')).toEqual({ wikipedia: null, place: null });
    await settled();
    expect(lookup.forPopover('e1')).toEqual({ wikipedia: null, place: MARIUPOL_FACTS });
    lookup.forPopover('e2');
    expect(lookups).toHaveLength(0);
    expect(places).toEqual(['Mariupol']);
  });

  it('shows a failure, and asks again only when a popover opens a while later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { sources, lookups } = controlledSources();
      const lookup = createBackgroundLookup({ analysis, sources, lookups: true, onChange: (id) => changed.push(id) });
      lookup.forPopover('e3');
      lookups[0]!.fail(new Error('the extension was reloaded'));
      await settled();
      expect(lookup.forPopover('e3').wikipedia).toEqual({ status: 'failed', error: 'the extension was reloaded' });
      expect(lookups).toHaveLength(1); // redrawing the popover does not ask again
      vi.setSystemTime(Date.now() + RETRY_FAILED_MS);
      expect(lookup.forPopover('e3').wikipedia).toEqual({ status: 'looking-up' });
      expect(lookups).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('background in the popover, opened by hover intent', () => {
  let controller: AbortController;
  let popover: PopoverController;

  function setUp(sources: BackgroundSources, lookups = true) {
    controller = new AbortController();
    const analysis = testAnalysis();
    const paragraph = document.createElement('p');
    paragraph.textContent = analysis.text;
    document.body.append(paragraph);
    const text = paragraph.firstChild!;
    const rangeFor = (span: Span) => {
      const range = document.createRange();
      range.setStart(text, span.start);
      range.setEnd(text, span.end);
      return range;
    };
    const host = createGlossHost(document, controller.signal);
    const lookup = createBackgroundLookup({ analysis, sources, lookups, onChange: (id) => popover.refresh(id) });
    popover = createPopoverController({ host, analysis, rangeFor, showMention: () => {}, backgroundFor: (id) => lookup.forPopover(id), signal: controller.signal });
    const intent = createHoverIntent<{ entityId: string } & Span>({ delay: 300, onRest: (mention) => popover.open(mention.entityId, mention, false), onLeave: () => popover.close() });
    const mention = (entityId: string) => ({ entityId, ...analysis.entities.find((entity) => entity.id === entityId)!.mentions[0]! });
    const background = () => host.popoverLayer.querySelector('section.background')?.textContent ?? null;
    /** The host's `data-gloss-background`: what the open popover's background shows. */
    const shown = () => host.element.getAttribute('data-gloss-background');
    return { intent, mention, background, shown };
  }

  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('sweeping across names asks nothing; resting on one asks once, and a second hover is answered from the page', async () => {
    const { sources, lookups } = controlledSources();
    const { intent, mention, background, shown } = setUp(sources);
    const sweep = [mention('e1'), null, mention('e2'), null, mention('e3'), null];
    sweep.forEach((target, step) => {
      intent.move(target, step * 40, 10);
      vi.advanceTimersByTime(60);
    });
    vi.advanceTimersByTime(1000);
    expect(lookups).toHaveLength(0);

    intent.move(mention('e1'), 400, 10);
    vi.advanceTimersByTime(300);
    expect(popover.openEntityId).toBe('e1');
    expect(background()).toContain('Looking up…');
    expect(shown()).toBe('e1 looking-up');
    expect(lookups).toHaveLength(1);
    lookups[0]!.answer(MARIUPOL_SUMMARY);
    await vi.waitFor(() => expect(background()).toContain('Mariupol is a city in Donetsk Oblast'));
    expect(background()).toContain('From Wikipedia');
    expect(shown()).toBe('e1 found');

    intent.move(null, 0, 0); // leaves: closes
    expect(popover.openEntityId).toBeNull();
    expect(shown()).toBeNull();
    intent.move(mention('e1'), 400, 10);
    vi.advanceTimersByTime(300);
    expect(background(), 'drawn at once from what the page kept').toContain('Mariupol is a city in Donetsk Oblast');
    expect(shown()).toBe('e1 found');
    expect(lookups).toHaveLength(1);
  });

  it('with look-ups off shows the offline default: the place facts and the first-mention sentence', async () => {
    const { sources, lookups } = controlledSources();
    const { intent, mention, background, shown } = setUp(sources, false);
    intent.move(mention('e1'), 400, 10);
    vi.advanceTimersByTime(300);
    await vi.waitFor(() => expect(background()).toContain('City in Ukraine, population 431,859'));
    expect(shown()).toBe('e1 offline');
    expect(background()).toContain('Mariupol is besieged.');
    expect(background()).not.toContain('Looking up');
    expect(lookups).toHaveLength(0);
  });
});
