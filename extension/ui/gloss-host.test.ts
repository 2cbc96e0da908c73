// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createGlossHost, HOST_TAG } from './gloss-host';

afterEach(() => {
  document.documentElement.querySelectorAll(HOST_TAG).forEach((element) => element.remove());
  document.body.replaceChildren();
});

describe('createGlossHost', () => {
  it('replaces a host an earlier Gloss left at the root, and goes away on abort', () => {
    const stale = document.createElement(HOST_TAG);
    document.documentElement.append(stale);
    const controller = new AbortController();
    const host = createGlossHost(document, controller.signal);
    expect(stale.isConnected).toBe(false);
    expect(host.element.parentNode).toBe(document.documentElement);
    controller.abort();
    expect(host.element.isConnected).toBe(false);
  });

  it('leaves a <gloss-host> of the page’s own alone', () => {
    const pages = document.createElement(HOST_TAG);
    pages.setAttribute('data-gloss-state', 'error');
    document.body.append(pages);
    const host = createGlossHost(document, new AbortController().signal);
    expect(pages.isConnected).toBe(true);
    expect(host.element).not.toBe(pages);
  });
});
