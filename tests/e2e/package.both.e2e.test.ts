/**
 * The built packages as a store receives them (issue 8, item 4, least permissions):
 * - each manifest asks for exactly the permissions the README's table gives a reason for, each
 *   one called by the built code, and for web origins only as optional permissions;
 * - the extension pages' Content-Security-Policy is strict, and the browsers enforce it (eval is
 *   refused in an extension page of Chromium and of Firefox);
 * - no built script holds eval, the Function constructor, string timers, `document.write` or
 *   remote code, and every absolute URL in the code is a known, non-code one;
 * - `web-ext lint` finds no error and no warning in the Firefox package;
 * - Chromium loads the Chrome package with no manifest warning, read where chrome://extensions
 *   reads it; the same probe on a copy with an unknown key and permission finds both, which shows
 *   that it sees warnings when there are some.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROME_BUILD, extensionWorkerUrl, FIREFOX_BUILD, FIREFOX_EXTENSION_UUID, launchChromium, launchFirefoxWithGloss, REPO_ROOT } from '../support/browsers';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string };
  content_scripts?: { matches: string[] }[];
  [key: string]: unknown;
}

const readManifest = async (dir: string): Promise<Manifest> => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** The files under `dir` whose names end in `extension`, with their text. */
async function packageFiles(dir: string, extension: string): Promise<{ path: string; text: string }[]> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(extension));
  return Promise.all(names.map(async (name) => ({ path: relative(REPO_ROOT, join(dir, name)), text: await readFile(join(dir, name), 'utf8') })));
}

/** Each permission a manifest may ask for, and code in the built scripts that shows it is used. */
const PERMISSION_USE: Record<string, RegExp> = {
  storage: /\.storage\.(local|session|sync)\b/,
  contextMenus: /\.contextMenus\.create\b/,
  alarms: /\.alarms\.create\b/,
  offscreen: /\.offscreen\.createDocument\b/,
  sidePanel: /\.sidePanel\b/,
};

/** Web origins, asked for one at a time at run time (the WebDAV server, Wikipedia). */
const ANY_WEB_ORIGIN = ['http://*/*', 'https://*/*'];

/** What may not be in a built script: ways to run a string as code, or to load code from elsewhere. */
const CODE_FROM_STRINGS: [string, RegExp][] = [
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['the Function constructor', /(?<![\w$.])Function\s*\(/],
  ['a string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['document.write', /\bdocument\.write(ln)?\s*\(/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['a remote import', /\bimport\s*\(\s*['"`](https?:)?\/\//],
];

/** The absolute URLs the built code may contain, none of them code: why each is there. */
const KNOWN_URLS: [RegExp, string][] = [
  [/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/)$/, 'DOM namespaces'],
  [/^http:\/\/www\.w3\.org\/ns\/anno\.jsonld$/, 'the W3C Web Annotation context of exported notes'],
  [/^https:\/\/gloss\.invalid\/ns#$/, "the JSON-LD namespace of Gloss's own export terms"],
  [/^https:\/\/github\.com\/gloss-extension\/gloss$/, 'the contact in the Api-User-Agent sent to Wikipedia'],
  [/^https:\/\/\$\{[\w$]+\}\.wikipedia\.org(\/wiki\/.*)?$/, "the Wikipedia of an article's language, and its article links"],
  [/^https?:\/\/\*(\.wikipedia\.org)?\/\*$/, 'the optional host permissions asked for at run time'],
  [/^https:\/\/cloud\.example\/remote\.php\/dav\/files\/you\/Gloss\/$/, "the example in the options page's WebDAV address field"],
  [/^https?:\/\/$/, 'address checks and their messages ("does not start with https://")'],
  [/^http:\/\/\$\{[\w$]+\}$/, "reading a site's name typed without its scheme"],
  [/^https:\/\/www\.geonames\.org$/, "the place gazetteer's attribution"],
];

/** The absolute http(s) URLs written in `text`. */
const absoluteUrls = (text: string): string[] => text.match(/https?:\/\/[^\s'"`<>)\\]*/g) ?? [];

/**
 * In chrome://extensions: turns developer mode on (where Chromium records manifest warnings), reloads
 * the unpacked extension so that its manifest is read again, and returns every warning and error
 * chrome://extensions would show for it. A string, run by Playwright, so that no bundler helper
 * ends up in the page.
 */
const MANIFEST_WARNINGS = `(async () => {
  const developer = chrome.developerPrivate;
  const unpacked = async () => (await developer.getExtensionsInfo({ includeDisabled: true, includeTerminated: true })).find((item) => item.location === 'UNPACKED');
  await developer.updateProfileConfiguration({ inDeveloperMode: true });
  await developer.reload((await unpacked()).id, { failQuietly: false });
  let info = await unpacked();
  for (let waited = 0; info?.state !== 'ENABLED' && waited < 5000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    info = await unpacked();
  }
  return { state: info?.state, warnings: [...info.installWarnings, ...info.manifestErrors.map((error) => error.message)] };
})()`;

/** The warnings Chromium gives for the unpacked extension in `dir`. */
async function chromiumManifestWarnings(dir: string): Promise<{ state: string; warnings: string[] }> {
  const session = await launchChromium({ extensionDir: dir });
  try {
    const page = await session.context.newPage();
    await page.goto('chrome://extensions');
    return (await page.evaluate(MANIFEST_WARNINGS)) as { state: string; warnings: string[] };
  } finally {
    await session.close();
  }
}

/**
 * In a page: what calling eval and the Function constructor gives. They run after a timer, outside
 * the evaluation the test driver started: while a debugger's evaluation runs, the browsers allow
 * eval whatever the page's policy says (as in the devtools console).
 */
async function tryEval(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const attempt = (run: () => unknown): string => {
    try {
      return `ran: ${String(run())}`;
    } catch (error) {
      return error instanceof Error ? error.name : String(error);
    }
  };
  const evaluate = globalThis.eval; // indirect eval: the same check applies
  return [attempt(() => evaluate('1 + 1')), attempt(() => new Function('return 2')())];
}

describe.each([
  { name: 'Chromium (MV3)', dir: CHROME_BUILD, permissions: ['storage', 'contextMenus', 'alarms', 'offscreen', 'sidePanel'], optional: 'optional_host_permissions' },
  { name: 'Firefox (MV2)', dir: FIREFOX_BUILD, permissions: ['storage', 'contextMenus', 'alarms'], optional: 'optional_permissions' },
] as const)('The $name package', ({ dir, permissions, optional }) => {
  let manifest: Manifest;
  let scripts: { path: string; text: string }[];

  beforeAll(async () => {
    manifest = await readManifest(dir);
    scripts = await packageFiles(dir, '.js');
  });

  it('asks for exactly the reviewed permissions, each used by the built code', () => {
    expect(manifest.permissions).toEqual(permissions);
    const code = scripts.map((script) => script.text).join('\n');
    for (const permission of permissions) expect(code, `${permission} is used`).toMatch(PERMISSION_USE[permission]!);
  });

  it('asks for web origins only as optional permissions, requested at run time', () => {
    expect(manifest[optional]).toEqual(ANY_WEB_ORIGIN);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.permissions!.filter((permission) => permission.includes('://') || permission === '<all_urls>')).toEqual([]);
    expect(scripts.some((script) => /\.permissions\.request\b/.test(script.text))).toBe(true);
    // The content script runs on every web page (it is the product) and nowhere else.
    expect(manifest.content_scripts!.flatMap((script) => script.matches)).toEqual(ANY_WEB_ORIGIN);
    // No page of Gloss can be messaged by a web page, and one only can be loaded by one: the note
    // editor, framed in web pages' Gloss UI so that the page never sees a draft; in MV3 at the
    // session's dynamic address only, so that a page cannot probe for Gloss at a fixed one; in
    // Firefox (addresses random per install) with its script chunks, which a sandboxed frame needs.
    expect(manifest.web_accessible_resources).toEqual(
      optional === 'optional_host_permissions' ? [{ resources: ['note-editor.html'], matches: ANY_WEB_ORIGIN, use_dynamic_url: true }] : ['note-editor.html', 'chunks/*'],
    );
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('declares a strict Content-Security-Policy for its pages', () => {
    const csp = manifest.content_security_policy;
    const policy = typeof csp === 'string' ? csp : csp?.extension_pages;
    expect(policy, 'an extension pages policy').toBeTypeOf('string');
    const directives = new Map(policy!.split(';').map((part) => part.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    for (const name of ['style-src', 'img-src']) expect(directives.get(name), name).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe|data:|blob:|\*/);
  });

  it('holds no eval, Function constructor, string timer, document.write or remote code', async () => {
    for (const { path, text } of scripts) {
      for (const [what, pattern] of CODE_FROM_STRINGS) expect(pattern.exec(text)?.[0], `${what} in ${path}`).toBeUndefined();
      for (const url of absoluteUrls(text)) expect(KNOWN_URLS.some(([known]) => known.test(url)), `unknown URL ${url} in ${path}`).toBe(true);
    }
    for (const { path, text } of await packageFiles(dir, '.html')) {
      for (const [, attributes, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(body!.trim(), `inline script in ${path}`).toBe('');
        expect(attributes, `script of the package in ${path}`).toMatch(/\ssrc="\/[^"/]/);
      }
      expect(text, `event handler attribute in ${path}`).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

describe('web-ext lint on the Firefox package', () => {
  it('finds no error and no warning', async () => {
    const webExt = join(REPO_ROOT, 'node_modules', '.bin', 'web-ext');
    const args = ['lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'];
    // It exits with 1 when it finds errors; the report is on stdout either way. No update check: tests stay offline.
    const env = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
    const stdout = await promisify(execFile)(webExt, args, { env, maxBuffer: 16 * 1024 * 1024 }).then(
      (done) => done.stdout,
      (failed: { stdout?: string }) => failed.stdout ?? '',
    );
    const report = JSON.parse(stdout) as Record<'errors' | 'warnings' | 'notices', { code: string; file?: string; message: string }[]>;
    const described = (messages: typeof report.errors) => messages.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(described(report.errors)).toEqual([]);
    expect(described(report.warnings)).toEqual([]);
  }, 120_000);
});

describe('Chromium loading the Chrome package', () => {
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'gloss-manifest-probe-'));
    await cp(CHROME_BUILD, copy, { recursive: true });
    const manifest = await readManifest(copy);
    manifest.gloss_unknown_key = true;
    manifest.permissions = [...(manifest.permissions ?? []), 'glossUnknownPermission'];
    await writeFile(join(copy, 'manifest.json'), JSON.stringify(manifest));
  });

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('gives no manifest warning', async () => {
    expect(await chromiumManifestWarnings(CHROME_BUILD)).toEqual({ state: 'ENABLED', warnings: [] });
  });

  it('gives warnings, read the same way, for a copy with an unknown key and permission', async () => {
    const { warnings } = await chromiumManifestWarnings(copy);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining("'gloss_unknown_key'"), expect.stringContaining("'glossUnknownPermission'")]));
  });
});

describe('The extension pages’ policy, enforced', () => {
  it('in Chromium: eval and the Function constructor are refused in the options page', async () => {
    const session = await launchChromium();
    try {
      const id = new URL(await extensionWorkerUrl(session.context)).host;
      const page = await session.context.newPage();
      // The probe's control: a page with no policy runs both.
      expect(await page.evaluate(tryEval)).toEqual(['ran: 2', 'ran: 2']);
      await page.goto(`chrome-extension://${id}/options.html`);
      expect(await page.evaluate(tryEval)).toEqual(['EvalError', 'EvalError']);
    } finally {
      await session.close();
    }
  });

  it('in Firefox: eval and the Function constructor are refused in the options page', async () => {
    const firefox = await launchFirefoxWithGloss(FIREFOX_BUILD, { extensionPages: true });
    try {
      const page = await firefox.newPage();
      // moz-extension:// navigations may never report "loaded" over BiDi: wait for the page instead.
      page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/options.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 }).catch(() => undefined);
      await vi.waitFor(async () => expect(await page.evaluate(() => location.protocol).catch(() => null)).toBe('moz-extension:'), { timeout: 15_000, interval: 200 });
      expect(await page.evaluate(tryEval)).toEqual(['EvalError', 'EvalError']);
    } finally {
      await firefox.close();
    }
  });
});
