/**
 * A remote in a folder on the reader's WebDAV server (Nextcloud, ownCloud, Apache mod_dav, a NAS…).
 *
 * A small fetch-based client rather than the `webdav` npm package: that one bundles to 150 KB
 * minified (50 KB gzipped, XML parser, node-fetch shims and all) into the background, where
 * sync needs only five requests and one fixed XML answer (PROPFIND's multistatus) read back.
 * fetch runs in Chromium's service worker, Firefox's background page and Node alike; DOMParser
 * does not exist in a service worker, hence the multistatus reader below.
 *
 * Conditional writes carry the entity tags sync read before (`If-Match: "…"`), or
 * `If-None-Match: *` to create only, so two devices never overwrite each other unseen: the
 * server answers 412 and the engine reads again.
 */
import { bytesToBase64 } from '../../encoding/base64';
import { SyncError, type Remote, type RemoteFile, type WriteCondition } from '../types';

/** Where the WebDAV folder is and how to sign in. */
export interface WebDavSettings {
  /** The folder's URL (`https://cloud.example.org/remote.php/dav/files/me/Gloss/`). */
  url: string;
  username: string;
  /** The password, or better an app password the server issued for Gloss. */
  password: string;
  /** How long one request may take, body included, before the server counts as unreachable (20 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/><d:getcontentlength/></d:prop></d:propfind>';

/** A `Remote` on the WebDAV folder `settings.url`; every failure is a `SyncError` in plain words. */
export function webdavRemote(settings: WebDavSettings): Remote {
  const base = new URL(settings.url.endsWith('/') ? settings.url : `${settings.url}/`);
  const label = `your WebDAV server at ${base.host}`;
  const authorization = `Basic ${bytesToBase64(new TextEncoder().encode(`${settings.username}:${settings.password}`))}`;
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** Sends one request and reads the whole answer within the timeout; network failures become 'unreachable'. */
  async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: Uint8Array | string } = {}) {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(urlOf(base, path), {
        method,
        headers: { authorization, ...init.headers },
        body: typeof init.body === 'string' ? init.body : init.body && new Uint8Array(init.body),
        signal,
        cache: 'no-store',
        // No cookies, and no login dialog of the browser's own on a 401: the options page asks.
        credentials: 'omit',
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (signal.aborted) {
        throw new SyncError('unreachable', `${capitalised(label)} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Gloss will try again later.`);
      }
      throw new SyncError('unreachable', `Gloss could not reach ${label} (${describe(error)}). Check that you are online and the address is right; Gloss will try again later.`);
    }
  }

  /** Throws the SyncError an unexpected `status` means for `path`. */
  function fail(status: number, path: string): never {
    if (status === 401) throw new SyncError('auth', `${capitalised(label)} refused the user name or password (HTTP 401). Check them in Gloss’s options.`);
    if (status === 403) throw new SyncError('auth', `${capitalised(label)} does not let this user write to ${base.pathname} (HTTP 403). Check the folder and its permissions.`);
    if (status === 412) throw new SyncError('conflict', `“${path}” changed on ${label} while Gloss was writing it (HTTP 412).`);
    if (status === 507 || status === 413) throw new SyncError('quota', `${capitalised(label)} is full (HTTP ${status}). Free some space there, or ask its administrator for more.`);
    if (status >= 500) throw new SyncError('server', `${capitalised(label)} failed to answer (HTTP ${status}). Gloss will try again later.`);
    throw new SyncError('server', `${capitalised(label)} answered “${path || '/'}” with an unexpected HTTP ${status}. Is the address a WebDAV folder?`);
  }

  /** Creates the folders above `path` that are missing, top down, from the remote's own folder on. */
  async function makeParents(path: string): Promise<void> {
    const segments = path.split('/').slice(0, -1);
    for (let i = 0; i <= segments.length; i++) {
      const folder = i === 0 ? '' : `${segments.slice(0, i).join('/')}/`;
      const { status } = await send('MKCOL', folder);
      // 405: it exists already.
      if (status !== 405 && (status < 200 || status >= 300)) fail(status, folder);
    }
  }

  return {
    label,

    async list(folder) {
      const path = folder === '' || folder.endsWith('/') ? folder : `${folder}/`;
      const { status, body } = await send('PROPFIND', path, { headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' }, body: PROPFIND_BODY });
      if (status === 404) return [];
      if (status !== 207) fail(status, path);
      // Compared decoded: servers differ in which characters of an href they percent-encode.
      const folderPath = decodeURIComponent(urlOf(base, path).pathname);
      return readMultistatus(new TextDecoder().decode(body), base).filter((entry) => !entry.collection && entry.parent === folderPath).map(({ file }) => file);
    },

    async get(path) {
      const { status, headers, body } = await send('GET', path);
      if (status === 404 || status === 410) return null;
      if (status !== 200) fail(status, path);
      return { bytes: body, etag: strongEtag(headers.get('etag')) };
    },

    async put(path, bytes, condition) {
      const headers = { 'content-type': 'application/octet-stream', ...conditionHeaders(condition) };
      let { status } = await send('PUT', path, { headers, body: bytes });
      // 409: a folder above the file is missing (RFC 4918 §9.7.1).
      if (status === 409) {
        await makeParents(path);
        ({ status } = await send('PUT', path, { headers, body: bytes }));
      }
      if (status < 200 || status >= 300) fail(status, path);
    },

    async delete(path, condition) {
      const { status } = await send('DELETE', path, { headers: conditionHeaders(condition ?? null) });
      if (status === 404 || (status >= 200 && status < 300)) return;
      // If-Match never matches an absent file: absent is what was asked for, so that is fine.
      if (status === 412 && (await send('HEAD', path)).status === 404) return;
      fail(status, path);
    },
  };
}

/** One entry of a PROPFIND multistatus answer. */
interface MultistatusEntry {
  file: RemoteFile;
  collection: boolean;
  /** The decoded URL path of the folder holding it, with a trailing slash. */
  parent: string;
}

/**
 * Reads the `response` elements of a WebDAV multistatus document (RFC 4918 §14.16). A reader
 * of this one shape, whatever namespace prefixes the server picks (Apache `D:`/`lp1:`,
 * Nextcloud `d:`, a default namespace), since service workers have no DOMParser.
 */
export function readMultistatus(xml: string, base: URL): MultistatusEntry[] {
  return elements(xml, 'response').flatMap((response) => {
    const href = elements(response, 'href')[0];
    if (href === undefined) return [];
    const pathname = decodeURIComponent(new URL(xmlText(href).trim(), base).pathname);
    const collection = elements(response, 'resourcetype').some((type) => elements(type, 'collection').length > 0) || pathname.endsWith('/');
    const trimmed = pathname.replace(/\/+$/, '');
    const cut = trimmed.lastIndexOf('/');
    const etag = elements(response, 'getetag')[0];
    const size = Number(xmlText(elements(response, 'getcontentlength')[0] ?? '0').trim());
    return [
      {
        file: { name: trimmed.slice(cut + 1), etag: etag === undefined ? null : strongEtag(xmlText(etag).trim()), size: Number.isFinite(size) ? size : 0 },
        collection,
        parent: trimmed.slice(0, cut + 1),
      },
    ];
  });
}

/** The contents of each element with local name `name` in `xml` ('' for empty ones), any prefix. */
function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>)`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** XML character data with its entities and CDATA sections resolved. */
function xmlText(data: string): string {
  return data
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
      if (entity[0] === '#') return String.fromCodePoint(entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()] ?? '';
    });
}

/** An ETag header or getetag value without quotes; null when absent or weak (W/…: If-Match never matches it). */
function strongEtag(value: string | null): string | null {
  if (!value || value.startsWith('W/')) return null;
  const unquoted = value.replace(/^"(.*)"$/, '$1');
  return unquoted === '' ? null : unquoted;
}

function conditionHeaders(condition: WriteCondition): Record<string, string> {
  if (!condition) return {};
  return 'ifNoneMatch' in condition ? { 'if-none-match': '*' } : { 'if-match': `"${condition.ifMatch}"` };
}

/** The URL of `path` (relative to the remote's root, '/'-separated) under `base`. */
function urlOf(base: URL, path: string): URL {
  const segments = path.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) throw new SyncError('corrupt', `“${path}” is not a valid path for a synced file.`);
  return new URL(segments.map(encodeURIComponent).join('/'), base);
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message}: ${cause}` : message;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
