/**
 * Who may send the background what. Every message listener of Gloss's background (and of its
 * offscreen document) asks `maySend` before it acts: a message must come from Gloss itself
 * (`sender.id` is ours; no other extension, and web pages cannot reach `runtime.onMessage` at
 * all, there being no `externally_connectable`), and from the kind of part that sends that
 * message: the reader's library, options and sync only from Gloss's own pages, so that a page
 * whose renderer is compromised still cannot export, clear or re-point the reader's notes
 * through the content script's channel.
 */

/** What a listener is told about a message's sender (the fields of `runtime.MessageSender` used here). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * `page`: one of Gloss's own pages (popup, side panel, options, welcome, the offscreen document,
 * the background itself), its address on the extension's origin. `content`: Gloss's content
 * script in a tab showing a web page.
 */
export type SenderKind = 'page' | 'content';

/** Gloss as the sender checks see it: its id and its pages' origin ("chrome-extension://…/"). */
export interface OwnExtension {
  id: string;
  origin: string;
}

/** `OwnExtension` from the browser's `runtime`. */
export function ownExtension(runtime: { id: string; getURL(path: string): string }): OwnExtension {
  return { id: runtime.id, origin: runtime.getURL('/') };
}

const isWebPage = (url: string | undefined): boolean => url !== undefined && /^https?:\/\//i.test(url);

/** The kind of Gloss part that sent a message, or null when Gloss did not send it. */
export function senderKind(sender: Sender, own: OwnExtension): SenderKind | null {
  if (!own.id || sender.id !== own.id || !sender.url) return null;
  if (sender.url.startsWith(own.origin)) return 'page';
  return sender.tab !== undefined && sender.tab !== null && isWebPage(sender.url) ? 'content' : null;
}

const PAGES: readonly SenderKind[] = ['page'];
const PAGES_AND_CONTENT: readonly SenderKind[] = ['page', 'content'];

/**
 * Which kinds of sender each message type is taken from. A type not listed here is taken from
 * no one. Content scripts send what a page's marking, popover and notes need; everything about
 * the whole library, memory and sync comes from Gloss's pages only.
 */
export const SENDERS: Readonly<Record<string, readonly SenderKind[]>> = {
  // The page's analysis (content script); the popup asks for a tab's last one. A page's snapshot
  // comes on a port of its own (its name, checked when it connects), never as one message: the
  // `gloss:find-article` request is only the worker's, inside its offscreen envelope.
  'gloss:snapshot': PAGES_AND_CONTENT,
  'gloss:analyse': PAGES_AND_CONTENT,
  'gloss:last-analysis': PAGES,
  // The background's envelope to the offscreen document.
  'gloss:offscreen': PAGES,
  // Look-ups from the popover.
  'gloss:background:lookup': PAGES_AND_CONTENT,
  'gloss:background:place': PAGES_AND_CONTENT,
  // A page's own notes (the content script) and the library's edits.
  'gloss:notes:for-page': PAGES_AND_CONTENT,
  'gloss:notes:save': PAGES_AND_CONTENT,
  'gloss:notes:delete': PAGES_AND_CONTENT,
  'gloss:notes:anchor-states': PAGES_AND_CONTENT,
  'gloss:memory:for': PAGES_AND_CONTENT,
  // The whole library, the reader's memory and sync: Gloss's pages only.
  'gloss:notes:library': PAGES,
  'gloss:notes:open': PAGES,
  'gloss:notes:clear': PAGES,
  'gloss:notes:export': PAGES,
  'gloss:notes:import': PAGES,
  'gloss:memory:articles': PAGES,
  'gloss:memory:forget': PAGES,
  'gloss:sync:configure': PAGES,
  'gloss:sync:status': PAGES,
  'gloss:sync:now': PAGES,
  'gloss:sync:disconnect': PAGES,
};

/** Whether `sender` may send `message` (by its `type`, see `SENDERS`). */
export function maySend(message: unknown, sender: Sender, own: OwnExtension): boolean {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(SENDERS, type)) return false;
  const kind = senderKind(sender, own);
  return kind !== null && SENDERS[type]!.includes(kind);
}
