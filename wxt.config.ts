import { defineConfig } from 'wxt';

// One source, two targets: `wxt build -b chrome` gives an MV3 package, `-b firefox` an MV2 one
// (WXT's default for Firefox, which still runs background scripts as persistent-free event pages).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: 'Context for every name in the news: who, what role, which figures, who said so.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gloss@gloss.example', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
