import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

const ICON_SIZES = [16, 32, 48, 128] as const;
const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));
/** Any web origin, optional: asked for one origin at run time (MV3 `optional_host_permissions`, MV2 `optional_permissions`). */
const SYNC_HOSTS = ['http://*/*', 'https://*/*'];

/**
 * The extension pages' Content-Security-Policy (popup, options, library, first-run page, the
 * offscreen document, the Firefox background page and the MV3 service worker): only the
 * package's own scripts, styles and images; no eval, no inline or remote code, no plugins, no
 * frames, no `<base>`, no form submissions. `connect-src` stays open to http(s) because the
 * reader's WebDAV server may be at any origin (Wikipedia is the other one reached). No
 * `frame-ancestors`: the browsers host the popup and sidebar in frames of their own, and the
 * note editor (noteEditorResources) is framed in web pages by design. Under `wxt` (dev) the pages load their code
 * and styles from Vite's dev server, which WXT adds to `script-src`: the dev build keeps only
 * the script rules. tests/e2e/package.both.e2e.test.ts checks the built policy.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const DEV_EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The note editor's page, framed inside Gloss's shadow root on web pages so that what the reader
 * types never reaches the page (extension/ui/notes/editor-frame.ts): the package's one
 * web-accessible page, for http(s) pages only. In MV3 only at the address `runtime.getURL`
 * gives, which changes every session, so a page cannot probe for Gloss at a fixed address.
 * Firefox's moz-extension addresses are random per install already; there the page's script
 * chunks are listed too, for on a sandboxed page the frame is sandboxed as well, its document of
 * no origin, and Firefox then loads only web-accessible files into it. WXT writes MV2's list.
 */
function noteEditorResources(browser: string) {
  return browser === 'firefox' ? [{ resources: ['note-editor.html', 'chunks/*'], matches: SYNC_HOSTS }] : [{ resources: ['note-editor.html'], matches: SYNC_HOSTS, use_dynamic_url: true }];
}

/** A text of a library module replaced at build time, and the module (its path under node_modules). */
export interface Rewrite {
  module: string;
  from: string;
  to: string;
}

/**
 * Library code that sets `innerHTML` from a string, rewritten at build time so that the packages
 * hold none (`web-ext lint` flags each such assignment; tests/e2e/package.both.e2e.test.ts runs
 * it). Each `from` must occur exactly once, so an upgrade that changes it fails the build
 * instead of slipping by.
 */
export const INNER_HTML_REWRITES: readonly Rewrite[] = [
  // Preact's `dangerouslySetInnerHTML`, which Gloss never uses: it renders no markup from
  // strings, least of all a page's. Should that change, the branch throws instead of parsing.
  {
    module: 'preact/dist/preact.module.js',
    from: '(u.innerHTML=h.__html)',
    to: '(()=>{throw Error("Gloss renders no markup from strings: dangerouslySetInnerHTML is not supported")})()',
  },
  // Readability keeps the body as HTML and, when a pass finds too little text, restores it by
  // parsing that HTML again. A deep clone restores the same tree without a parse; `normalize()`
  // merges adjacent text nodes as the serialise-and-parse round trip did.
  { module: '@mozilla/readability/Readability.js', from: 'var pageCacheHtml = page.innerHTML;', to: 'var pageCache = page.cloneNode(true);' },
  {
    module: '@mozilla/readability/Readability.js',
    from: 'page.innerHTML = pageCacheHtml;',
    to: 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);\n        page.normalize();',
  },
  // Readability copies a `<noscript>`'s image out through its HTML. The parsed snapshot it reads
  // has scripting off, so the `<noscript>` holds elements, and copies of them are the same tree.
  {
    module: '@mozilla/readability/Readability.js',
    from: 'tmp.innerHTML = noscript.innerHTML;',
    to: 'tmp.append(...Array.from(noscript.childNodes, (child) => child.cloneNode(true)));\n      tmp.normalize();',
  },
];

/**
 * The source of the module at `path` with INNER_HTML_REWRITES applied, or null when none is for
 * it. Throws when a rewrite's text is not found exactly once.
 */
export function withoutInnerHtml(path: string, code: string): string | null {
  const rewrites = INNER_HTML_REWRITES.filter(({ module }) => path.endsWith(`/node_modules/${module}`));
  if (rewrites.length === 0) return null;
  let rewritten = code;
  for (const { module, from, to } of rewrites) {
    const found = rewritten.split(from).length - 1;
    if (found !== 1) throw new Error(`${module}: expected "${from}" once, found it ${found} times; update INNER_HTML_REWRITES in wxt.config.ts`);
    rewritten = rewritten.replace(from, () => to);
  }
  return rewritten;
}

/** The Vite plugin applying INNER_HTML_REWRITES (tests/unit/inner-html-rewrites.test.ts checks them). */
function withoutInnerHtmlFromStrings(): Plugin {
  return {
    name: 'gloss:without-inner-html-from-strings',
    enforce: 'pre',
    transform(code, id) {
      const rewritten = withoutInnerHtml(id.split('?')[0]!, code);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}

// One source, two targets: `wxt build -b chrome` gives an MV3 package, `-b firefox` an MV2 one
// (WXT's default for Firefox, which still runs background scripts as persistent-free event pages).
export default defineConfig({
  // GLOSS_OUTPUT: another build folder, so that two checkouts' test runs don't share one build.
  outDir: process.env.GLOSS_OUTPUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion, command }) => ({
    name: 'Gloss',
    description: 'Context for every name in the news: who, what role, which figures, who said so.',
    // offscreen (Chromium): the analysis lives in an offscreen document for the whole session.
    // alarms: sync runs on a timer that outlives the MV3 service worker (extension/background/sync-browser.ts).
    permissions: ['storage', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Sync's WebDAV server: the reader grants its one origin when connecting (SyncSection), none up front.
    // Wikipedia look-ups: https://*.wikipedia.org/* (within https://*/*), granted when the reader turns them on (options/lookups.ts).
    ...(manifestVersion === 2 ? { optional_permissions: SYNC_HOSTS } : { optional_host_permissions: SYNC_HOSTS }),
    // "Add note" on the selection (extension/background/notes-browser.ts, ADD_NOTE_COMMAND).
    commands: { 'add-note': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Add a note on the selected text' } },
    icons,
    // Given in MV3's form; WXT writes MV2's single string for Firefox.
    content_security_policy: { extension_pages: command === 'serve' ? DEV_EXTENSION_PAGES_CSP : EXTENSION_PAGES_CSP },
    web_accessible_resources: noteEditorResources(browser),
    // Firefox 140 (142 on Android) is the first to know `data_collection_permissions`, which the
    // look-ups' permission request names (extension/ui/options/lookups.ts).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'gloss@gloss.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'], optional: ['websiteContent'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // The icons live in assets/icons (rendered from gloss.svg) and are copied into the package.
  hooks: {
    'build:publicAssets': (wxt, files) => {
      for (const size of ICON_SIZES) files.push({ absoluteSrc: `${wxt.config.root}/assets/icons/${size}.png`, relativeDest: `icon/${size}.png` });
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [withoutInnerHtmlFromStrings()],
    // The pages that parse a snapshot have the browser's DOMParser: linkedom is for Node only.
    resolve: { alias: { linkedom: fileURLToPath(new URL('extension/article/browser-dom-parser.ts', import.meta.url)) } },
  }),
});
