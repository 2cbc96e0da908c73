/**
 * The options page's "Sync" section: connect sync to the reader's WebDAV folder or to the
 * browser's own sync storage with a passphrase, then what sync did last, what waits to be sent,
 * the last error in plain words, when it syncs next, "Sync now" and "Disconnect".
 */
import { useEffect, useState } from 'preact/hooks';
import { originPattern, webDavUrlProblem, type RemoteConfig, type SyncStatus } from '../../sync/messages';
import type { SyncClient } from './sync-client';

export interface SyncSectionProps {
  /** The background's sync calls. */
  client: SyncClient;
  /**
   * Asks the reader for the host permission of these origins (`browser.permissions.request`);
   * called in the Connect click's handler, since browsers allow the prompt only in a user gesture.
   */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** How often the status is read again while the page is open, in ms. */
  refreshMs?: number;
  /** How a time (ms since epoch) is written; the reader's locale unless given. */
  formatTime?(at: number): string;
}

/** The shortest passphrase Gloss sets up a new remote with. */
export const MIN_PASSPHRASE = 8;

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

type Message = { text: string; error: boolean } | null;

export function SyncSection({ client, requestOrigins, refreshMs = 5_000, formatTime = (at) => new Date(at).toLocaleString() }: SyncSectionProps) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function refresh(): Promise<void> {
    const reply = await client.status();
    if (reply.ok) setStatus(reply.status);
    else setMessage({ text: `Could not read the state of sync: ${reply.error}`, error: true });
  }
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [client, refreshMs]);

  async function syncNow(): Promise<void> {
    setBusy('Syncing…');
    setMessage(null);
    const reply = await client.syncNow();
    setBusy(null);
    if (!reply.ok) return setMessage({ text: reply.error, error: true });
    setStatus(reply.status);
    setMessage(reply.status.lastError ? null : { text: 'Synced.', error: false });
  }

  async function disconnect(): Promise<void> {
    setBusy('Disconnecting…');
    const reply = await client.disconnect();
    setBusy(null);
    if (!reply.ok) return setMessage({ text: `Could not turn sync off: ${reply.error}`, error: true });
    setMessage({ text: 'Sync is off. Your notes stay in this browser; the synced copy stays where it was.', error: false });
    await refresh();
  }

  return (
    <section class="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      {status === null ? (
        <p>Reading the state of sync…</p>
      ) : status.remote === null ? (
        <ConnectForm
          client={client}
          requestOrigins={requestOrigins}
          busy={busy}
          onBusy={setBusy}
          onMessage={setMessage}
          onConnected={(next) => {
            setStatus(next);
            setMessage({ text: `Connected: your notes sync with ${next.remote?.label ?? 'the remote'}.`, error: false });
          }}
        />
      ) : (
        <>
          <p class="sync-remote">
            Your notes sync with {status.remote.label}
            {status.remote.username !== null && ` as ${status.remote.username}`}, encrypted with your passphrase.
          </p>
          <dl class="sync-status">
            <dt>Last sync</dt>
            <dd class="sync-last">
              {status.lastSync
                ? `${formatTime(status.lastSync.at)}: sent ${count(status.lastSync.sent, 'change')}, received ${count(status.lastSync.received, 'change')}` +
                  (status.lastSync.conflicts > 0 ? `, ${count(status.lastSync.conflicts, 'note')} with texts from two browsers to choose from in the library` : '')
                : 'Not yet'}
            </dd>
            <dt>Changes waiting to be sent</dt>
            <dd class="sync-pending">{status.pending}</dd>
            {status.lastError !== null && (
              <>
                <dt>Last error</dt>
                <dd class="sync-error error">
                  {status.lastError}
                  {status.lastErrorAt !== null && ` (${formatTime(status.lastErrorAt)})`}
                </dd>
              </>
            )}
            <dt>Next sync</dt>
            <dd class="sync-next">{status.syncing ? 'Syncing now…' : status.nextAttempt !== null ? formatTime(status.nextAttempt) : 'After your next change'}</dd>
          </dl>
          <div class="sync-actions">
            <button type="button" disabled={busy !== null} onClick={() => void syncNow()}>
              Sync now
            </button>{' '}
            <button type="button" disabled={busy !== null} onClick={() => void disconnect()}>
              Disconnect
            </button>
          </div>
        </>
      )}
      <p class={`sync-message${message?.error ? ' error' : ''}`} role="status">
        {busy ?? message?.text ?? ''}
      </p>
    </section>
  );
}

interface ConnectFormProps {
  client: SyncClient;
  requestOrigins(origins: string[]): Promise<boolean>;
  /** What is being done ("Connecting…"), or null. */
  busy: string | null;
  onBusy(busy: string | null): void;
  onMessage(message: Message): void;
  /** Connected: the status after the first sync. */
  onConnected(status: SyncStatus): void;
}

/** Where to sync and the passphrase, then Connect. */
function ConnectForm({ client, requestOrigins, busy, onBusy, onMessage, onConnected }: ConnectFormProps) {
  const [kind, setKind] = useState<RemoteConfig['kind']>('webdav');
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  /** The remote holds nothing yet: the passphrase is typed twice before it is set up. */
  const [isNew, setIsNew] = useState(false);

  /** What is missing or wrong in the form, or null. */
  function problem(): string | null {
    if (kind === 'webdav') {
      if (!url.trim()) return 'Type the address of your WebDAV folder.';
      const wrong = webDavUrlProblem(url.trim());
      if (wrong) return `The WebDAV address is not usable: ${wrong}.`;
      if (!username.trim()) return 'Type your user name on the WebDAV server.';
      if (!appPassword) return 'Type the app password you made for Gloss on the WebDAV server.';
    }
    if (!passphrase) return 'Type your sync passphrase.';
    if (isNew && passphrase.length < MIN_PASSPHRASE) return `Choose a passphrase of at least ${MIN_PASSPHRASE} characters.`;
    if (isNew && confirmation !== passphrase) return 'The two passphrases are not the same.';
    return null;
  }

  function submit(event: Event): void {
    event.preventDefault();
    const wrong = problem();
    if (wrong) return onMessage({ text: wrong, error: true });
    const remote: RemoteConfig =
      kind === 'webdav' ? { kind, url: url.trim(), username: username.trim(), appPassword } : { kind: 'browser-sync' };
    // Asked here, not after an await: the browser shows its prompt only while handling the click.
    const allowed = remote.kind === 'webdav' ? requestOrigins([originPattern(remote.url)]) : Promise.resolve(true);
    void connect(remote, allowed);
  }

  async function connect(remote: RemoteConfig, allowed: Promise<boolean>): Promise<void> {
    onMessage(null);
    onBusy('Asking for your permission…');
    if (!(await allowed.catch(() => false))) {
      onBusy(null);
      const origin = remote.kind === 'webdav' ? new URL(remote.url).origin : '';
      return onMessage({ text: `Gloss may reach ${origin} only with your permission. Click Connect again and allow it.`, error: true });
    }
    onBusy('Connecting: checking your passphrase takes a few seconds…');
    const reply = await client.configure(remote, passphrase, isNew);
    onBusy(null);
    if (reply.ok) return onConnected(reply.status);
    if (reply.newRemote) setIsNew(true);
    onMessage({ text: reply.error, error: true });
  }

  const changeRemote = (change: () => void) => {
    change();
    setIsNew(false); // another remote may not be new
  };

  return (
    <form class="sync-connect" onSubmit={submit}>
      <p>
        Sync your notes between your browsers, Chrome and Firefox alike. They are encrypted in this browser with your passphrase before they
        leave it: the server holds nothing it can read.
      </p>
      <fieldset>
        <legend>Where to keep the synced notes</legend>
        <label>
          <input type="radio" name="sync-kind" value="webdav" checked={kind === 'webdav'} onChange={() => changeRemote(() => setKind('webdav'))} /> Your WebDAV
          server (Nextcloud, ownCloud, a NAS…): works across browsers
        </label>
        <label>
          <input type="radio" name="sync-kind" value="browser-sync" checked={kind === 'browser-sync'} onChange={() => changeRemote(() => setKind('browser-sync'))} />{' '}
          This browser’s own sync (Chrome/Firefox account, 100 KB): no set-up, but only between browsers of the same kind
        </label>
      </fieldset>
      {kind === 'webdav' && (
        <fieldset>
          <legend>Your WebDAV server</legend>
          <label for="sync-url">Folder address</label>
          <input id="sync-url" type="url" placeholder="https://cloud.example/remote.php/dav/files/you/Gloss/" value={url} onInput={(event) => changeRemote(() => setUrl(event.currentTarget.value))} />
          <label for="sync-user">User name</label>
          <input id="sync-user" type="text" autocomplete="username" value={username} onInput={(event) => changeRemote(() => setUsername(event.currentTarget.value))} />
          <label for="sync-app-password">App password</label>
          <input id="sync-app-password" type="password" autocomplete="off" value={appPassword} onInput={(event) => setAppPassword(event.currentTarget.value)} />
          <p class="hint">
            Make an app password for Gloss in your server’s security settings, rather than giving your own password. Gloss keeps it in this
            browser’s extension storage to sync without asking, and asks your permission to reach this server only.
          </p>
        </fieldset>
      )}
      <label for="sync-passphrase">Passphrase</label>
      <input id="sync-passphrase" type="password" autocomplete="off" value={passphrase} onInput={(event) => setPassphrase(event.currentTarget.value)} />
      {isNew && (
        <>
          <label for="sync-passphrase-confirm">The passphrase again</label>
          <input id="sync-passphrase-confirm" type="password" autocomplete="off" value={confirmation} onInput={(event) => setConfirmation(event.currentTarget.value)} />
        </>
      )}
      <p class="hint">
        Use the same passphrase in each browser. It cannot be recovered: without it, your synced notes cannot be read. Gloss keeps only a key made
        from it, never the passphrase itself.
      </p>
      <button type="submit" disabled={busy !== null}>
        {isNew ? 'Start syncing here' : 'Connect'}
      </button>
    </form>
  );
}
