import { defineConfig } from 'wxt';

const ICON_SIZES = [16, 32, 48, 128] as const;
const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));
/** Any web origin, optional: asked for one origin at run time (MV3 `optional_host_permissions`, MV2 `optional_permissions`). */
const SYNC_HOSTS = ['http://*/*', 'https://*/*'];

// One source, two targets: `wxt build -b chrome` gives an MV3 package, `-b firefox` an MV2 one
// (WXT's default for Firefox, which still runs background scripts as persistent-free event pages).
export default defineConfig({
  // GLOSS_OUTPUT: another build folder, so that two checkouts' test runs don't share one build.
  outDir: process.env.GLOSS_OUTPUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
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
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gloss@gloss.example', strict_min_version: '128.0', data_collection_permissions: { required: ['none'], optional: ['websiteContent'] } } } }
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
  }),
});
