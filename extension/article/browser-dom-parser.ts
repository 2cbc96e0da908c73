/**
 * The browser's own `DOMParser`, which the extension build puts where `parse-html.ts` imports
 * linkedom's (wxt.config.ts aliases `linkedom` to this module). The documents that parse a page's
 * snapshot, Firefox's background page and Chromium's offscreen document, have one, so linkedom
 * (about 200 KB of the analysis bundle) is only needed in Node. A parsed document is inert: its
 * scripts never run and its images and styles are never fetched.
 */
export const DOMParser: typeof globalThis.DOMParser = globalThis.DOMParser;
