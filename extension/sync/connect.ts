/**
 * Connecting to a remote: checks (or writes) the format document and the key check, so that a
 * remote written by a newer Gloss, or a wrong passphrase, stops sync before any note is read or
 * written.
 */
import { createKeyCheck, decryptFile, encryptFile, openKeyCheck } from './crypto';
import { checkFormat, KEYCHECK_PATH, type Codec } from './journal';
import { SyncError, type Remote } from './types';

/** The key for a remote and the codec that seals and opens its files with it. */
export interface Connection {
  key: CryptoKey;
  codec: Codec;
}

/** The codec of a key: AES-256-GCM bound to each file's path (crypto.ts). */
export function keyCodec(key: CryptoKey): Codec {
  return {
    seal: (path, bytes) => encryptFile(key, path, bytes),
    open: (path, bytes) => decryptFile(key, path, bytes),
  };
}

/**
 * Opens `remote` with the reader's passphrase (or a key kept since connecting). A remote without
 * a key check is set up with this passphrase when `create` (the default), else the answer is
 * 'new-remote' and nothing was written. Throws SyncError: 'format' (a newer Gloss wrote it),
 * 'passphrase' (wrong passphrase, found before anything else is read or written), or the remote's.
 */
export async function connectRemote(
  remote: Remote,
  secret: string | CryptoKey,
  options: { create?: boolean } = {},
): Promise<Connection | 'new-remote'> {
  const create = options.create ?? true;
  // The format first: a newer Gloss may check passphrases differently.
  await checkFormat(remote, 'ignore');
  const keyCheck = await remote.get(KEYCHECK_PATH);
  if (keyCheck) {
    const key = typeof secret === 'string' ? await openKeyCheck(secret, keyCheck.bytes) : secret;
    await checkFormat(remote, 'create');
    return { key, codec: keyCodec(key) };
  }
  // No key check: a new remote (or one whose key check was lost: its files could not be read anyway).
  if (!create) return 'new-remote';
  if (typeof secret !== 'string') {
    throw new SyncError('passphrase', `${remote.label} has no key check: connect again with your passphrase.`);
  }
  await checkFormat(remote, 'create');
  const { file, key } = await createKeyCheck(secret);
  try {
    await remote.put(KEYCHECK_PATH, file, { ifNoneMatch: '*' });
  } catch (error) {
    if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
    // Another device set it up meanwhile: this passphrase must open theirs.
    return connectRemote(remote, secret, options);
  }
  return { key, codec: keyCodec(key) };
}
