import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/** The file a URL path names inside `root`, or null when the path tries to leave it. */
function fileFor(root: string, urlPath: string): string | null {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  return path === root || path.startsWith(root + sep) ? path : null;
}

/** Extra response headers by URL path, e.g. a Content-Security-Policy for one fixture page. */
export type PathHeaders = Record<string, Record<string, string>>;

/**
 * Serves the files under `root` on 127.0.0.1 at a free port. Hand-written (a few lines of
 * node:http) because the tests need nothing more than GET of fixture files, and a loopback
 * origin keeps the pages' own remote requests easy to block. `headers` adds response headers
 * to the paths it names.
 */
export async function startStaticServer(root: string, headers: PathHeaders = {}): Promise<StaticServer> {
  const base = normalize(root);
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const path = fileFor(base, pathname);
    const info = path ? await stat(path).catch(() => null) : null;
    if (!path || !info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
      ...headers[pathname],
    });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
