import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APACHE = '/usr/sbin/apache2';
const HTPASSWD = '/usr/bin/htpasswd';
const MODULES = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'auth_basic', 'authz_user', 'dav', 'dav_fs', 'headers', 'mime', 'alias'];

/** What `startWebDav` accepts. */
export interface WebDavOptions {
  /** Basic-auth user name; `gloss` unless given. */
  user?: string;
  /** Basic-auth password; `app-password-1` unless given. */
  password?: string;
  /** Access-Control-Allow-Origin; `*` unless given. */
  allowOrigin?: string;
}

/** A running Apache WebDAV server for one test file. */
export interface WebDavServer {
  /** The WebDAV folder, with a trailing slash (`http://127.0.0.1:PORT/dav/`). */
  url: string;
  /** Where the server keeps the folder's files on disk (for looking at what was stored). */
  dataDir: string;
  user: string;
  password: string;
  /** Stops Apache (its files stay, so `restart` brings the same folder back). */
  stop(): Promise<void>;
  /** Starts Apache again on the same port with the same files. */
  restart(): Promise<void>;
  /** Stops Apache and removes its temp folder. */
  close(): Promise<void>;
}

/**
 * Runs a real Apache 2.4 with mod_dav on 127.0.0.1 at a free port, from a temp folder, configured
 * as /work/shared/docs/toolchain.md found necessary: strong ETags (`FileETag Digest`), Basic auth
 * from an htpasswd file, unauthenticated OPTIONS for CORS preflights, and CORS headers exposing
 * ETag. A real server because conditional requests (If-Match / If-None-Match → 412) are what sync
 * relies on and what in-process fakes get wrong.
 */
export async function startWebDav(options: WebDavOptions = {}): Promise<WebDavServer> {
  if (!existsSync(APACHE) || !existsSync(HTPASSWD)) {
    throw new Error(`Apache 2 is not installed (${APACHE}, ${HTPASSWD}): run \`bash scripts/install-system-deps.sh\` (as root) to install apache2 and apache2-utils.`);
  }
  const user = options.user ?? 'gloss';
  const password = options.password ?? 'app-password-1';
  const root = await mkdtemp(join(tmpdir(), 'gloss-webdav-'));
  // mkdtemp makes a 0700 folder: Apache's www-data worker could not reach the data folder inside.
  await chmod(root, 0o755);
  const dataDir = join(root, 'data');
  const lockDir = join(root, 'lock');
  await mkdir(dataDir);
  await mkdir(lockDir);
  const runAsRoot = process.getuid?.() === 0;
  if (runAsRoot) {
    const { uid, gid } = wwwData();
    await chown(dataDir, uid, gid);
    await chown(lockDir, uid, gid);
  }
  const passwords = join(root, 'htpasswd');
  const made = spawnSync(HTPASSWD, ['-bcB', passwords, user, password], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`htpasswd failed: ${made.stderr}`);
  await chmod(passwords, 0o644);

  const port = await freePort();
  const configFile = join(root, 'httpd.conf');
  await writeFile(configFile, config({ root, dataDir, lockDir, passwords, port, runAsRoot, allowOrigin: options.allowOrigin ?? '*' }));

  let apache: ChildProcess | null = null;
  const start = async () => {
    const child = spawn(APACHE, ['-f', configFile, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    apache = child;
    await waitForPort(port, child, () => stderr, join(root, 'error.log'));
  };
  const stop = async () => {
    const child = apache;
    apache = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    dataDir,
    user,
    password,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    close: async () => {
      await stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

function config(c: { root: string; dataDir: string; lockDir: string; passwords: string; port: number; runAsRoot: boolean; allowOrigin: string }): string {
  return `ServerRoot /usr/lib/apache2
${MODULES.map((name) => `LoadModule ${name}_module modules/mod_${name}.so`).join('\n')}
Listen 127.0.0.1:${c.port}
ServerName 127.0.0.1
${c.runAsRoot ? 'User www-data\nGroup www-data' : ''}
DefaultRuntimeDir ${c.root}
PidFile ${c.root}/apache.pid
ErrorLog ${c.root}/error.log
LogLevel warn
TypesConfig /etc/mime.types
DocumentRoot ${c.dataDir}
DavLockDB ${c.lockDir}/DavLock
FileETag Digest
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
Alias /dav ${c.dataDir}
<Directory ${c.dataDir}>
  Dav On
  AuthType Basic
  AuthName "Gloss test WebDAV"
  AuthBasicProvider file
  AuthUserFile ${c.passwords}
  <RequireAny>
    Require method OPTIONS
    Require valid-user
  </RequireAny>
  Header always set Access-Control-Allow-Origin "${c.allowOrigin}"
  Header always set Access-Control-Allow-Methods "GET, HEAD, PUT, DELETE, OPTIONS, PROPFIND, MKCOL, MOVE, COPY"
  Header always set Access-Control-Allow-Headers "Authorization, Content-Type, Depth, If-Match, If-None-Match, Destination, Overwrite"
  Header always set Access-Control-Expose-Headers "ETag, DAV, Content-Length"
</Directory>
`;
}

function wwwData(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'www-data'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('There is no www-data user for Apache to run as (is apache2 installed?)');
  return { uid, gid };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Resolves once Apache accepts connections on `port`; rejects with its errors if it exits first. */
async function waitForPort(port: number, child: ChildProcess, stderr: () => string, errorLog: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = await readFile(errorLog, 'utf8').catch(() => '');
      throw new Error(`Apache exited (${child.exitCode}): ${stderr()}${log}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`Apache did not listen on 127.0.0.1:${port} within 10 s: ${stderr()}`);
}
