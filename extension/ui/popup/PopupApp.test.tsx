// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { testAnalysis } from '../test-analysis';
import { PopupApp, type PopupProps } from './PopupApp';
import { testRoot } from '../testing';

describe('PopupApp', () => {
  const root = testRoot();
  const handlers = { onShowEntity: vi.fn(), onToggleSite: vi.fn(), onOpenOptions: vi.fn(), onOpenLibrary: vi.fn() };

  beforeEach(() => {
    Object.values(handlers).forEach((handler) => handler.mockReset());
  });

  function show(props: Partial<PopupProps> = {}): void {
    render(<PopupApp site="news.example" siteOff={false} analysis={testAnalysis()} state="ready" {...handlers} {...props} />, root);
  }

  const sectionItems = (title: string) =>
    [...root.querySelectorAll('section')].find((section) => section.querySelector('h2')!.textContent!.startsWith(title))?.querySelectorAll(':scope > ul > li') ?? [];

  it('lists people, organisations, places, figures and sources', () => {
    show();
    expect([...sectionItems('People')].map((item) => item.querySelector('.name')!.textContent)).toEqual(['Vadim Boichenko']);
    expect([...sectionItems('Organisations')].map((item) => item.querySelector('.name')!.textContent)).toEqual(['UN']);
    expect([...sectionItems('Places')].map((item) => item.querySelector('.name')!.textContent)).toEqual(['Mariupol']);
    expect(sectionItems('Other')).toHaveLength(0);
    expect(sectionItems('Figures')[0]!.textContent).toBe('About 160,000 people — Vadim Boichenko');
    const un = sectionItems('Sources')[0]!;
    expect([...un.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['https://data.unhcr.example/ukraine']);
  });

  it('says under each source what it says: its figures, then its quotes', () => {
    show();
    const says = (item: Element) => [...item.querySelectorAll('.says li')].map((line) => line.textContent);
    expect(says(sectionItems('Sources')[0]!)).toEqual(['3.9 million refugees']);
    expect(says(sectionItems('Sources')[1]!)).toEqual(['About 160,000 people', '“Corridors must open,”']);
  });

  it('asks the page to show an entity when its entry is clicked', () => {
    show();
    sectionItems('Places')[0]!.querySelector('button')!.click();
    expect(handlers.onShowEntity).toHaveBeenCalledWith('e1');
  });

  it('turns Gloss off on this site, and on again', () => {
    show();
    root.querySelector<HTMLButtonElement>('.site-toggle')!.click();
    expect(handlers.onToggleSite).toHaveBeenCalledWith(true);
    show({ siteOff: true });
    expect(root.querySelector('.site-toggle')!.textContent).toBe('Turn on on news.example');
    expect(root.querySelector('.status')!.textContent).toBe('Gloss is off on this site.');
    expect(root.querySelectorAll('section')).toHaveLength(0);
  });

  it('opens the library of notes', () => {
    show({ analysis: null, state: null, site: null });
    [...root.querySelectorAll('footer button')].find((button) => button.textContent === 'Open library')!.dispatchEvent(new MouseEvent('click'));
    expect(handlers.onOpenLibrary).toHaveBeenCalledOnce();
  });

  it('says why there is nothing to list', () => {
    show({ analysis: null, state: 'no-article' });
    expect(root.querySelector('.status')!.textContent).toBe('No article found on this page.');
    show({ analysis: null, state: null, site: null });
    expect(root.querySelector('.status')!.textContent).toBe('Gloss does not run on this page.');
    expect(root.querySelector('.site-toggle')).toBeNull();
  });

  it('says in one line when the article was too long, and when it is not in English', () => {
    show({ analysis: { ...testAnalysis(), truncated: { words: 50_000 } } });
    expect([...root.querySelectorAll('.notice')].map((line) => line.textContent)).toEqual(['Too long: analysed the first 50,000 words.']);
    show({ analysis: { ...testAnalysis(), lang: 'de', entities: [], figures: [], sources: [] } });
    expect([...root.querySelectorAll('.notice')].map((line) => line.textContent)).toEqual(['This article is in German: Gloss recognises names in English articles only.']);
    show();
    expect(root.querySelectorAll('.notice')).toHaveLength(0);
  });
});
