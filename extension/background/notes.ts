/**
 * The background's half of notes and memory: it alone opens the reader's store (lazily, once)
 * and answers every `NotesRequest`, already validated by `readNotesRequest`. It also remembers
 * each analysed article in the entity index, unless the reader paused memory on its site. The
 * browser's tabs and settings are passed in, so this module knows nothing of WXT.
 */
import type { Analysis } from '../analysis/types';
import { exportJsonLd, parseJsonLdImport } from '../notes/export/jsonld';
import { exportMarkdown } from '../notes/export/markdown';
import type {
  ArticlesReply,
  DoneReply,
  ExportReply,
  ImportReply,
  LibraryReply,
  MemoryReply,
  NoteReply,
  NotesForPageReply,
  NotesRequest,
  ShowNoteRequest,
} from '../notes/messages';
import { canonicalUrl } from '../notes/new-note';
import type { ArticleRecord } from '../notes/types';
import { isMemoryPaused, siteKey, type Settings } from '../settings/settings';
import { mentionsFromAnalysis } from '../store/memory';
import { StoreError, type GlossStore } from '../store/types';

/** The reply to each request type (the library and the page read them with the guards of notes/messages.ts). */
export interface NotesReplies {
  'gloss:notes:for-page': NotesForPageReply;
  'gloss:notes:save': NoteReply;
  'gloss:notes:delete': NoteReply;
  'gloss:notes:anchor-states': DoneReply;
  'gloss:notes:library': LibraryReply;
  'gloss:notes:open': DoneReply;
  'gloss:notes:clear': DoneReply;
  'gloss:notes:export': ExportReply;
  'gloss:notes:import': ImportReply;
  'gloss:memory:for': MemoryReply;
  'gloss:memory:articles': ArticlesReply;
  'gloss:memory:forget': DoneReply;
}
export type NotesReply = NotesReplies[keyof NotesReplies];

/** What the background needs of the browser's tabs to open a note's article. */
export interface NoteTabs {
  /** Opens a new tab at `url`; resolves to its id. */
  create(url: string): Promise<number | undefined>;
  /** Brings a tab (and its window) to the front. */
  focus(tabId: number): Promise<void>;
  /** Asks the content script of a tab to show a note; resolves to whether it did. */
  show(tabId: number, request: ShowNoteRequest): Promise<boolean>;
}

export interface NotesBackgroundOptions {
  /** Opens the reader's store; called once, on the first request that needs it. */
  openStore(): Promise<GlossStore>;
  /** The reader's settings as stored now (read for each article, so a pause applies at once). */
  settings(): Promise<Settings>;
  tabs: NoteTabs;
  /** The time now (tests pass a fixed one). */
  now?(): Date;
  /** Called after notes were saved, deleted, imported or cleared (sync then runs soon). */
  onNotesChanged?(): void;
}

/** What the page told the background about the article besides its analysis. */
export interface PageMeta {
  published: string | null;
  outlet: string | null;
  /** The address of the tab the article was read in. */
  tabUrl: string | null;
}

export interface NotesBackground {
  /** Answers a validated request; never rejects (failures are `{ ok: false, error }`). */
  answer(request: NotesRequest, tabId?: number): Promise<NotesReply>;
  /**
   * Records an analysed article and what it says about its entities in the reader's memory,
   * unless it is no article, has no web address, or memory is paused on its site. Resolves to
   * whether it was recorded; never rejects (an article not remembered costs the reader nothing now).
   */
  rememberArticle(analysis: Analysis, meta: PageMeta): Promise<boolean>;
  /** Forgets what it knew of a closed tab. */
  tabClosed(tabId: number): void;
  /** The reader's store, opened once (sync writes through it too, so the library's search index sees its changes). */
  store(): Promise<GlossStore>;
}

/** The requests that change notes. */
const NOTE_CHANGES: ReadonlySet<NotesRequest['type']> = new Set(['gloss:notes:save', 'gloss:notes:delete', 'gloss:notes:import', 'gloss:notes:clear']);

/** The reader-facing message of a failure: a StoreError's as is, anything else prefixed with what failed. */
export function failureMessage(what: string, error: unknown): string {
  if (error instanceof StoreError) return error.message;
  return `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The day part of an ISO date, for file names. */
const day = (date: Date) => date.toISOString().slice(0, 10);

export function createNotesBackground(options: NotesBackgroundOptions): NotesBackground {
  const now = options.now ?? (() => new Date());
  let opened: Promise<GlossStore> | null = null;
  /** Notes the library asked to open, by the tab opened for them. */
  const pendingShow = new Map<number, string>();
  /**
   * The article each tab last asked the notes of. Gloss asks for no "tabs" permission, so tabs'
   * addresses are unknown to it; its pages say which article they show.
   */
  const articleOfTab = new Map<number, string>();

  function store(): Promise<GlossStore> {
    opened ??= options.openStore().catch((error: unknown) => {
      opened = null; // try again on the next request (a blocked upgrade may clear)
      throw error;
    });
    return opened;
  }

  async function open(id: string, store: GlossStore): Promise<DoneReply> {
    const note = await store.getNote(id);
    if (!note) return { ok: false, error: 'That note no longer exists.' };
    const { tabs } = options;
    for (const [tabId, url] of articleOfTab) {
      // The tab may have gone on to another page since: then its Gloss does not show the note.
      if (url === note.url && (await tabs.show(tabId, { type: 'gloss:notes:show', id }))) {
        await tabs.focus(tabId);
        return { ok: true };
      }
    }
    const created = await tabs.create(note.url);
    if (created !== undefined) pendingShow.set(created, id);
    return { ok: true };
  }

  async function exportNotes(format: 'jsonld' | 'markdown', store: GlossStore): Promise<ExportReply> {
    const notes = await store.allNotes();
    const date = now();
    const name = `gloss-notes-${day(date)}`;
    return format === 'jsonld'
      ? { ok: true, filename: `${name}.jsonld`, mime: 'application/ld+json', text: exportJsonLd(notes, date) }
      : { ok: true, filename: `${name}.md`, mime: 'text/markdown', text: exportMarkdown(notes, date) };
  }

  async function importNotes(text: string, store: GlossStore): Promise<ImportReply> {
    const parsed = parseJsonLdImport(text, now());
    if ('error' in parsed) return { ok: false, error: `Nothing was imported: ${parsed.error}` };
    return { ok: true, ...(await store.importNotes(parsed.notes)) };
  }

  async function answerWith(request: NotesRequest, store: GlossStore, tabId: number | undefined): Promise<NotesReply> {
    switch (request.type) {
      case 'gloss:notes:for-page': {
        const notes = await store.notesFor(request.url);
        const pending = tabId === undefined ? undefined : pendingShow.get(tabId);
        if (tabId !== undefined) {
          pendingShow.delete(tabId);
          articleOfTab.set(tabId, request.url);
        }
        const show = pending !== undefined && notes.some((note) => note.id === pending) ? pending : null;
        return { ok: true, notes, show };
      }
      case 'gloss:notes:save':
        return { ok: true, note: await store.saveNote(request.note) };
      case 'gloss:notes:delete':
        return { ok: true, note: await store.deleteNote(request.id) };
      case 'gloss:notes:anchor-states':
        await store.setAnchorStates(request.states);
        return { ok: true };
      case 'gloss:notes:library':
        return { ok: true, ...(await store.searchNotes(request.query, request.limit)) };
      case 'gloss:notes:open':
        return open(request.id, store);
      case 'gloss:notes:clear':
        await store.clearNotes();
        return { ok: true };
      case 'gloss:notes:export':
        return exportNotes(request.format, store);
      case 'gloss:notes:import':
        return importNotes(request.text, store);
      case 'gloss:memory:for':
        return { ok: true, memory: await store.memoryFor(request.keys, request.url) };
      case 'gloss:memory:articles':
        return { ok: true, articles: await store.articles() };
      case 'gloss:memory:forget':
        await (request.site === null ? store.clearMemory() : store.forgetSite(siteKey(request.site)));
        return { ok: true };
    }
  }

  return {
    async answer(request, tabId) {
      try {
        const reply = await answerWith(request, await store(), tabId);
        if (reply.ok && NOTE_CHANGES.has(request.type)) options.onNotesChanged?.();
        return reply;
      } catch (error) {
        return { ok: false, error: failureMessage(`Gloss could not answer ${request.type}`, error) };
      }
    },

    async rememberArticle(analysis, meta) {
      const url = canonicalUrl(analysis.url);
      if (!analysis.article || !url) return false;
      try {
        const settings = await options.settings();
        if (isMemoryPaused(settings, url) || (meta.tabUrl !== null && isMemoryPaused(settings, meta.tabUrl))) return false;
        const article: ArticleRecord = {
          url,
          title: analysis.title,
          published: meta.published,
          outlet: meta.outlet,
          seen: now().toISOString(),
          site: siteKey(url),
        };
        await (await store()).rememberArticle(article, mentionsFromAnalysis(analysis, article));
        return true;
      } catch {
        return false;
      }
    },

    tabClosed(tabId) {
      pendingShow.delete(tabId);
      articleOfTab.delete(tabId);
    },

    store,
  };
}
