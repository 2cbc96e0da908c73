import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How the proxy treats the next requests:
 * - `pass`: forwards them unchanged;
 * - `status500`: answers 500 without asking the server;
 * - `drop-mid-response`: forwards, then sends the status, headers and half the body, and cuts the
 *   connection (a Content-Length longer than what arrives, so the client sees it cut);
 * - `refuse`: closes each connection as soon as it is accepted, without a byte;
 * - `slow`: holds each request without answering (for `slowMs`, 30 s unless given).
 */
export type FaultMode = 'pass' | 'status500' | 'drop-mid-response' | 'refuse' | 'slow';

/** A fault-injecting HTTP proxy in front of one server. */
export interface FaultProxy {
  /** `targetUrl` with the proxy's origin (same path). */
  url: string;
  /** Switches what the proxy does from the next connection or request on. */
  mode(mode: FaultMode): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 at a free port in front of `targetUrl`'s origin, in mode `pass`. */
export async function startFaultProxy(targetUrl: string, options: { slowMs?: number } = {}): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let mode: FaultMode = 'pass';
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const current = mode;
      if (current === 'status500') {
        outgoing.writeHead(500, { 'content-type': 'text/plain' }).end('injected failure');
        return;
      }
      const forward = () =>
        forwardTo(target, incoming.method ?? 'GET', incoming.url ?? '/', incoming.headers, Buffer.concat(chunks)).then(
          ({ status, headers, body }) => {
            if (current === 'drop-mid-response') {
              outgoing.writeHead(status, { ...endToEnd(headers), 'content-length': String(body.length * 2 + 16) });
              outgoing.write(body.subarray(0, Math.ceil(body.length / 2)), () => outgoing.socket?.destroy());
              return;
            }
            outgoing.writeHead(status, { ...endToEnd(headers), 'content-length': String(body.length) }).end(body);
          },
          () => outgoing.socket?.destroy(),
        );
      if (current === 'slow') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void forward();
        }, options.slowMs ?? 30_000);
        timers.add(timer);
        return;
      }
      void forward();
    });
  });
  server.on('connection', (socket: Socket) => {
    if (mode === 'refuse') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = new URL(targetUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    mode: (next) => {
      mode = next;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends one request to `target`'s origin and reads the whole answer. */
function forwardTo(target: URL, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest({ host: target.hostname, port: target.port, method, path, headers: { ...headers, host: target.host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** `headers` without the hop-by-hop ones and the length, which the proxy sets itself. */
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _transferEncoding, 'content-length': _length, ...rest } = headers;
  return rest;
}
