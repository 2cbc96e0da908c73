// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../settings/settings';
import { OptionsApp } from './OptionsApp';

describe('OptionsApp', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  // Preact runs effects and re-renders after the current task: wait for what the reader would see.
  const shown = <T,>(find: () => T | null | undefined): Promise<T> =>
    vi.waitFor(() => {
      const found = find();
      if (!found) throw new Error('not shown yet');
      return found;
    });

  async function show(): Promise<void> {
    render(<OptionsApp store={fakeBrowser.storage.local} />, root);
    await shown(() => root.querySelector('fieldset'));
  }

  it('saves which kinds to mark', async () => {
    await show();
    const misc = root.querySelector<HTMLInputElement>('input[name="MISC"]')!;
    expect(misc.checked).toBe(true);
    misc.click();
    await shown(() => root.querySelector('.message')!.textContent === 'Saved.');
    expect((await loadSettings(fakeBrowser.storage.local)).mark).toEqual({ PER: true, ORG: true, LOC: true, MISC: false });
  });

  it('adds and removes sites where Gloss is off', async () => {
    await show();
    const input = root.querySelector<HTMLInputElement>('#new-site')!;
    input.value = 'https://www.News.example/story';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 20)); // let Preact re-render with the typed value
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const listed = await shown(() => root.querySelector('.sites li span'));
    expect(listed.textContent).toBe('news.example');
    expect((await loadSettings(fakeBrowser.storage.local)).disabledSites).toEqual(['news.example']);

    root.querySelector<HTMLButtonElement>('.sites li button')!.click();
    await shown(() => root.querySelector('.empty'));
    expect((await loadSettings(fakeBrowser.storage.local)).disabledSites).toEqual([]);
  });
});
