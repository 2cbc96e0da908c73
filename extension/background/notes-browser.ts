/**
 * Notes in the browser: plugs the background's notes handler (`notes.ts`) into the extension's
 * messaging, tabs, storage, context menu and commands.
 */
import { browser } from 'wxt/browser';
import { isDoneReply, readNotesRequest, type AddNoteHereRequest, type NotesContentRequest } from '../notes/messages';
import { loadSettings } from '../settings/settings';
import { openStore } from '../store/store';
import { createNotesBackground, type NotesBackground, type NoteTabs } from './notes';
import { maySend, ownExtension } from './sender';

/** The context menu item's id and the manifest command's name (see wxt.config.ts). */
export const ADD_NOTE_MENU_ID = 'gloss-add-note';
export const ADD_NOTE_COMMAND = 'add-note';

const sendToTab = (tabId: number, request: NotesContentRequest): Promise<unknown> => browser.tabs.sendMessage(tabId, request);

const tabs: NoteTabs = {
  async create(url) {
    return (await browser.tabs.create({ url })).id;
  },
  async focus(tabId) {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  },
  async show(tabId, request) {
    const reply = await sendToTab(tabId, request).catch(() => null);
    return isDoneReply(reply) && reply.ok;
  },
};

/** Tells a tab's content script to open the note editor on the reader's selection. */
function addNoteIn(tabId: number | undefined): void {
  const request: AddNoteHereRequest = { type: 'gloss:notes:add-here' };
  if (tabId !== undefined) void sendToTab(tabId, request).catch(() => {}); // no Gloss on that page: nothing to do
}

/**
 * Starts the notes side of the background: answers notes messages, and wires "Add note" in the
 * selection's context menu and the Alt+Shift+N command. Returns the handler, whose
 * `rememberArticle` the analysis path calls. `onNotesChanged`: told after each change to the notes.
 */
export function installNotes(onNotesChanged?: () => void): NotesBackground {
  const notes = createNotesBackground({ openStore: () => openStore(), settings: () => loadSettings(browser.storage.local), tabs, onNotesChanged });

  const own = ownExtension(browser.runtime);
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = readNotesRequest(message);
    if (request === null) return undefined; // not a notes message
    if (!maySend(message, sender, own)) return undefined; // not from a part of Gloss that sends this
    if ('error' in request) return Promise.resolve({ ok: false, error: request.error });
    return notes.answer(request, sender.tab?.id);
  });
  browser.tabs.onRemoved.addListener((tabId) => notes.tabClosed(tabId));

  // Recreated on every start (removeAll first): an MV3 worker and a Firefox event page both restart.
  void browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: ADD_NOTE_MENU_ID, title: 'Add note', contexts: ['selection'] }));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ADD_NOTE_MENU_ID) addNoteIn(tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== ADD_NOTE_COMMAND) return;
    if (tab?.id !== undefined) addNoteIn(tab.id);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => addNoteIn(active?.id));
  });
  return notes;
}
