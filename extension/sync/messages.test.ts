import { describe, expect, it } from 'vitest';
import { disconnectedStatus } from './settings';
import { isConfigureReply, isStatusReply, isSyncStatus, originPattern, readSyncRequest, webDavUrlProblem } from './messages';

const webdav = { kind: 'webdav', url: 'https://cloud.example/remote.php/dav/files/ana/Gloss/', username: 'ana', appPassword: 'abcd-efgh' };

describe('sync message readers', () => {
  it('reads a configure request, keeping only its fields', () => {
    expect(readSyncRequest({ type: 'gloss:sync:configure', remote: { ...webdav, extra: 1 }, passphrase: 'p', createNew: false, more: 2 })).toEqual({
      type: 'gloss:sync:configure',
      remote: webdav,
      passphrase: 'p',
      createNew: false,
    });
    expect(readSyncRequest({ type: 'gloss:sync:configure', remote: { kind: 'browser-sync', url: 'x' }, passphrase: 'p', createNew: true })).toEqual({
      type: 'gloss:sync:configure',
      remote: { kind: 'browser-sync' },
      passphrase: 'p',
      createNew: true,
    });
  });

  it('says what is wrong with a configure request', () => {
    const read = (fields: Record<string, unknown>) => readSyncRequest({ type: 'gloss:sync:configure', remote: webdav, passphrase: 'p', createNew: false, ...fields });
    expect(read({ remote: null })).toEqual({ error: 'gloss:sync:configure: remote is not an object' });
    expect(read({ remote: { kind: 'ftp' } })).toEqual({ error: 'gloss:sync:configure: remote.kind is not webdav or browser-sync' });
    expect(read({ remote: { ...webdav, url: 'ftp://x.example/' } })).toEqual({ error: 'gloss:sync:configure: remote.url is not usable: the address does not start with https:// or http://' });
    expect(read({ remote: { ...webdav, url: 'https://ana:pw@x.example/' } })).toMatchObject({ error: expect.stringContaining('not in the address') });
    expect(read({ remote: { ...webdav, username: '' } })).toEqual({ error: 'gloss:sync:configure: remote.username is not a non-empty string' });
    expect(read({ remote: { ...webdav, appPassword: 5 } })).toEqual({ error: 'gloss:sync:configure: remote.appPassword is not a non-empty string' });
    expect(read({ passphrase: '' })).toEqual({ error: 'gloss:sync:configure: passphrase is not a non-empty string' });
    expect(read({ passphrase: 'x'.repeat(1001) })).toEqual({ error: 'gloss:sync:configure: passphrase is not a non-empty string' });
    expect(read({ createNew: 'yes' })).toEqual({ error: 'gloss:sync:configure: createNew is not true or false' });
  });

  it('reads the requests without fields, and leaves other messages alone', () => {
    for (const type of ['gloss:sync:status', 'gloss:sync:now', 'gloss:sync:disconnect']) expect(readSyncRequest({ type, x: 1 })).toEqual({ type });
    expect(readSyncRequest({ type: 'gloss:notes:save' })).toBeNull();
    expect(readSyncRequest('gloss:sync:now')).toBeNull();
    expect(readSyncRequest(null)).toBeNull();
  });

  it('checks WebDAV addresses and names their origin', () => {
    expect(webDavUrlProblem('https://dav.example/a/')).toBeNull();
    expect(webDavUrlProblem('http://127.0.0.1:8080/dav/')).toBeNull();
    expect(webDavUrlProblem('dav.example')).toBe('the address is not a web address (it starts with https://)');
    expect(originPattern('https://Dav.Example:8443/remote.php/dav/')).toBe('https://dav.example:8443/*');
  });

  it('guards the replies', () => {
    const status = { ...disconnectedStatus(), remote: { kind: 'webdav', label: 'x', url: webdav.url, username: 'ana' }, lastSync: { sent: 1, received: 0, bytesSent: 10, conflicts: 0, at: 5 } };
    expect(isSyncStatus(status)).toBe(true);
    expect(isSyncStatus({ ...status, pending: -1 })).toBe(false);
    expect(isSyncStatus({ ...status, lastSync: { sent: 1 } })).toBe(false);
    expect(isStatusReply({ ok: true, status })).toBe(true);
    expect(isStatusReply({ ok: true })).toBe(false);
    expect(isStatusReply({ ok: false, error: 'no' })).toBe(true);
    expect(isConfigureReply({ ok: false, error: 'new', newRemote: true })).toBe(true);
    expect(isConfigureReply({ ok: false, error: 'new', newRemote: 'yes' })).toBe(false);
  });
});
