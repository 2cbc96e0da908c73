// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleRecord } from '../../notes/types';
import { loadSettings } from '../../settings/settings';
import { notesClient } from '../library/notes-client';
import { testBackground, type TestBackground } from '../library/test-background';
import { OptionsApp } from './OptionsApp';
import { testRoot } from '../testing';

const article = (url: string, site: string): ArticleRecord => ({ url, title: url, published: null, outlet: null, seen: '2026-03-01T10:00:00Z', site });
const ARTICLES = [
  article('https://news.example/a', 'news.example'),
  article('https://news.example/b', 'news.example'),
  article('https://other.example/c', 'other.example'),
];

describe('OptionsApp', () => {
  const root = testRoot();
  let background: TestBackground;
  beforeEach(() => {
    fakeBrowser.reset();
    background = testBackground([], ARTICLES);
  });

  // Preact runs effects and re-renders after the current task: wait for what the reader would see.
  const shown = <T,>(find: () => T | null | undefined): Promise<T> =>
    vi.waitFor(() => {
      const found = find();
      if (!found) throw new Error('not shown yet');
      return found;
    });

  async function show(): Promise<void> {
    render(<OptionsApp store={fakeBrowser.storage.local} client={notesClient(background.send)} />, root);
    await shown(() => root.querySelector('fieldset'));
  }

  it('saves which kinds to mark', async () => {
    await show();
    const misc = root.querySelector<HTMLInputElement>('input[name="MISC"]')!;
    expect(misc.checked).toBe(true);
    misc.click();
    await shown(() => root.querySelector('.options > .message')!.textContent === 'Saved.');
    expect((await loadSettings(fakeBrowser.storage.local)).mark).toEqual({ PER: true, ORG: true, LOC: true, MISC: false });
  });

  it('adds and removes sites where Gloss is off', async () => {
    await show();
    const input = root.querySelector<HTMLInputElement>('#new-site')!;
    input.value = 'https://www.News.example/story';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 20)); // let Preact re-render with the typed value
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const listed = await shown(() => root.querySelector('.disabled-sites li span'));
    expect(listed.textContent).toBe('news.example');
    expect((await loadSettings(fakeBrowser.storage.local)).disabledSites).toEqual(['news.example']);

    root.querySelector<HTMLButtonElement>('.disabled-sites li button')!.click();
    await shown(() => root.querySelector('.disabled-sites-empty'));
    expect((await loadSettings(fakeBrowser.storage.local)).disabledSites).toEqual([]);
  });

  describe('Memory', () => {
    const memory = (): HTMLElement => root.querySelector<HTMLElement>('section.memory')!;
    const button = (label: string): HTMLButtonElement => {
      const found = [...memory().querySelectorAll('button')].find((element) => element.textContent!.trim() === label || element.getAttribute('aria-label') === label);
      if (!found) throw new Error(`no button "${label}"`);
      return found;
    };
    const status = (): string => memory().querySelector('[role="status"]')!.textContent!;

    it('says what memory is and how many articles it holds, by site', async () => {
      await show();
      await shown(() => memory().querySelector('.memory-count')!.textContent === '3 articles remembered.');
      expect(memory().querySelector('h2')!.textContent).toBe('Memory');
      expect(memory().querySelector('p')!.textContent).toMatch(/^Gloss remembers the names, roles and figures of the articles you read/);
      expect([...memory().querySelectorAll('.remembered-sites li > span')].map((site) => site.textContent)).toEqual(['news.example 2 articles', 'other.example 1 article']);
      expect(background.requests).toContainEqual({ type: 'gloss:memory:articles' });
    });

    it('forgets one site', async () => {
      await show();
      (await shown(() => memory().querySelector<HTMLButtonElement>('button[aria-label="Forget this site: news.example"]'))).click();
      await shown(() => status() === 'Gloss forgot what it read on news.example.');
      expect(background.requests).toContainEqual({ type: 'gloss:memory:forget', site: 'news.example' });
      await shown(() => memory().querySelector('.memory-count')!.textContent === '1 article remembered.');
    });

    it('clears all memory only after the reader confirms', async () => {
      await show();
      await shown(() => memory().querySelector('.remembered-sites'));
      button('Clear all memory…').click();
      await shown(() => memory().querySelector('[role="alertdialog"]'));
      expect(memory().querySelector('[role="alertdialog"] p')!.textContent).toBe('Forget all 3 articles Gloss remembers? Your notes stay.');
      button('Cancel').click();
      await shown(() => !memory().querySelector('[role="alertdialog"]'));
      expect(background.requests.filter((request) => request.type === 'gloss:memory:forget')).toEqual([]);

      button('Clear all memory…').click();
      (await shown(() => [...memory().querySelectorAll('button')].find((element) => element.textContent === 'Forget everything'))).click();
      await shown(() => memory().querySelector('.memory-count')!.textContent === '0 articles remembered.');
      expect(background.requests).toContainEqual({ type: 'gloss:memory:forget', site: null });
      expect(status()).toBe('Gloss forgot every article it read. Your notes are kept.');
    });

    it('pauses memory on a site and resumes it, in the settings', async () => {
      await show();
      const input = memory().querySelector<HTMLInputElement>('#pause-site')!;
      input.value = 'https://www.Paused.example/news';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      memory().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      const listed = await shown(() => memory().querySelector('.paused-sites li span'));
      expect(listed.textContent).toBe('paused.example');
      await shown(() => root.querySelector('.options > .message')!.textContent === 'Memory is paused on paused.example.');
      expect((await loadSettings(fakeBrowser.storage.local)).memoryPausedSites).toEqual(['paused.example']);

      button('Remember articles on paused.example again').click();
      await shown(() => !memory().querySelector('.paused-sites'));
      expect((await loadSettings(fakeBrowser.storage.local)).memoryPausedSites).toEqual([]);
    });

    it('says in plain words when the background cannot answer', async () => {
      background.failNext('gloss:memory:articles', 'The store could not be opened.');
      await show();
      await shown(() => status() === 'Could not read what Gloss remembers: The store could not be opened.');
    });
  });
});
