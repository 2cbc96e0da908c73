import 'fake-indexeddb/auto';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { maySend, ownExtension, senderKind, SENDERS, type Sender } from './sender';
import { installSync } from './sync-browser';
import { openStore } from '../store/store';
import { SYNC_CONFIG_KEY } from '../sync/settings';

const own = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };

/** Senders as the browser describes them (runtime.MessageSender). */
const senders = {
  popup: { id: own.id, url: 'chrome-extension://gloss-id/popup.html' },
  library: { id: own.id, url: 'chrome-extension://gloss-id/sidepanel.html' },
  optionsInTab: { id: own.id, url: 'chrome-extension://gloss-id/options.html', tab: { id: 4, url: 'chrome-extension://gloss-id/options.html' } },
  worker: { id: own.id, url: 'chrome-extension://gloss-id/background.js' },
  content: { id: own.id, url: 'https://news.example/a', tab: { id: 7, url: 'https://news.example/a' } },
  contentHttp: { id: own.id, url: 'http://127.0.0.1:8080/a', tab: { id: 8 } },
} satisfies Record<string, Sender>;

/** Senders that are not Gloss, or not a Gloss part at all. */
const strangers = {
  otherExtension: { id: 'other-id', url: 'chrome-extension://other-id/popup.html' },
  otherExtensionContent: { id: 'other-id', url: 'https://news.example/a', tab: { id: 7 } },
  // Our id with another extension's address, or an address that only starts like ours.
  mixed: { id: own.id, url: 'chrome-extension://other-id/page.html' },
  lookalikeOrigin: { id: own.id, url: 'chrome-extension://gloss-id.evil.example/x', tab: { id: 1 } },
  noTab: { id: own.id, url: 'https://news.example/a' },
  fileTab: { id: own.id, url: 'file:///home/ana/page.html', tab: { id: 2 } },
  noUrl: { id: own.id, tab: { id: 3 } },
  nothing: {},
} satisfies Record<string, Sender>;

describe('senderKind', () => {
  it('know Gloss’s own pages and its content scripts', () => {
    for (const sender of [senders.popup, senders.library, senders.optionsInTab, senders.worker]) expect(senderKind(sender, own)).toBe('page');
    for (const sender of [senders.content, senders.contentHttp]) expect(senderKind(sender, own)).toBe('content');
  });

  it('turn away every other sender', () => {
    for (const [name, sender] of Object.entries(strangers)) {
      expect(senderKind(sender, own), name).toBeNull();
    }
    // An extension whose id is unknown (empty) recognises no one.
    expect(senderKind(senders.popup, { id: '', origin: 'chrome-extension:///' })).toBeNull();
  });

  it('read our id and origin from the runtime', () => {
    expect(ownExtension({ id: 'x', getURL: (path) => `moz-extension://uuid${path}` })).toEqual({ id: 'x', origin: 'moz-extension://uuid/' });
  });
});

describe('maySend', () => {
  const PAGE_ONLY = [
    { type: 'gloss:sync:configure', remote: { kind: 'browser-sync' }, passphrase: 'a passphrase', createNew: true },
    { type: 'gloss:sync:status' },
    { type: 'gloss:sync:now' },
    { type: 'gloss:sync:disconnect' },
    { type: 'gloss:notes:export', format: 'jsonld' },
    { type: 'gloss:notes:import', text: '{}' },
    { type: 'gloss:notes:clear' },
    { type: 'gloss:notes:library', query: '', limit: 50 },
    { type: 'gloss:notes:open', id: 'n1' },
    { type: 'gloss:memory:articles' },
    { type: 'gloss:memory:forget', site: null },
    { type: 'gloss:last-analysis', tabId: 7 },
    { type: 'gloss:offscreen', request: { type: 'gloss:find-article', html: '', url: '' } },
  ];
  const CONTENT_TOO = [
    { type: 'gloss:snapshot' }, // a snapshot port's name, checked when it connects
    { type: 'gloss:analyse' },
    { type: 'gloss:background:lookup' },
    { type: 'gloss:background:place', name: 'Kyiv' },
    { type: 'gloss:notes:for-page', url: 'https://news.example/a' },
    { type: 'gloss:notes:save' },
    { type: 'gloss:notes:delete', id: 'n1' },
    { type: 'gloss:notes:anchor-states', states: [] },
    { type: 'gloss:memory:for', url: 'https://news.example/a', keys: [] },
  ];

  it('takes the library, memory and sync messages from Gloss’s pages only: a tab (a content script) asking is refused', () => {
    for (const message of PAGE_ONLY) {
      expect(maySend(message, senders.content, own), message.type).toBe(false);
      expect(maySend(message, senders.library, own), message.type).toBe(true);
      expect(maySend(message, senders.optionsInTab, own), message.type).toBe(true);
    }
  });

  it('takes a page’s own messages from its content script and from Gloss’s pages', () => {
    for (const message of CONTENT_TOO) {
      expect(maySend(message, senders.content, own), message.type).toBe(true);
      expect(maySend(message, senders.popup, own), message.type).toBe(true);
    }
  });

  it('takes nothing from a stranger, and no message type it does not know', () => {
    for (const message of [...PAGE_ONLY, ...CONTENT_TOO]) {
      for (const [name, sender] of Object.entries(strangers)) expect(maySend(message, sender, own), `${message.type} from ${name}`).toBe(false);
    }
    for (const message of [{ type: 'gloss:unknown' }, { type: 'constructor' }, { type: '__proto__' }, 'gloss:sync:status', null, undefined, { type: 5 }]) {
      expect(maySend(message, senders.library, own)).toBe(false);
    }
    // A whole snapshot in one message: snapshots come in parts on their port only.
    const snapshot = { type: 'gloss:find-article', html: '<p>x</p>', url: 'https://news.example/a' };
    for (const sender of [senders.content, senders.popup]) expect(maySend(snapshot, sender, own)).toBe(false);
  });

  it('has a rule for every message the background reads', () => {
    expect(Object.keys(SENDERS).sort()).toEqual([...PAGE_ONLY, ...CONTENT_TOO].map((message) => message.type).sort());
  });
});

describe('the sync listener', () => {
  afterEach(() => fakeBrowser.reset());

  it('answers the options page, and gives a forged sender (a tab asking to set the passphrase) no reply', async () => {
    installSync(() => openStore());
    const origin = fakeBrowser.runtime.getURL('/');
    const id = fakeBrowser.runtime.id;
    const configure = { type: 'gloss:sync:configure', remote: { kind: 'browser-sync' }, passphrase: 'a passphrase of the attacker', createNew: true };
    // The browser's MessageSender, with only the fields the check reads.
    const forged = [{ id, url: 'https://news.example/a', tab: { id: 7 } }, { id: 'other-extension', url: `${origin}options.html` }, {}] as Browser.runtime.MessageSender[];
    for (const sender of forged) {
      expect(await fakeBrowser.runtime.onMessage.trigger(configure, sender)).toEqual([undefined]);
      expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'gloss:sync:status' }, sender)).toEqual([undefined]);
    }
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'gloss:sync:status' }, { id, url: `${origin}options.html` });
    expect(reply).toMatchObject({ ok: true, status: { remote: null } });
    // Nothing was connected by the forged requests.
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty([SYNC_CONFIG_KEY]);
  });
});
