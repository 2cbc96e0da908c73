/**
 * End-to-end encryption of what sync puts on a remote. The key is derived from the reader's
 * passphrase (PBKDF2-SHA-256, 600,000 iterations, random salt) and never leaves the device; the
 * remote holds only `keycheck.json` (salt, iteration count and a known value encrypted with the
 * key, so a wrong passphrase is detected before anything is read or written) and AES-256-GCM
 * ciphertexts. Each file's path is bound into its ciphertext as additional authenticated data,
 * so a server that swaps or renames files is caught as corruption, not trusted.
 *
 * WebCrypto only (`globalThis.crypto.subtle`): the same code runs in Node 20, in service workers
 * and in pages.
 */
import { SyncError } from './types';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';

/** PBKDF2 iterations for new key checks; OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

/** A key check asking for more than this is refused: deriving would freeze the device. */
const MAX_ITERATIONS = 10_000_000;

const KEY_CHECK_FORMAT = 'gloss-keycheck';
const KEY_CHECK_VERSION = 1;
const KDF_NAME = 'PBKDF2-SHA-256';
/** The path the check value is encrypted under (its AAD), so it cannot be mistaken for a note file. */
const KEY_CHECK_PATH = 'keycheck.json';
const KEY_CHECK_PLAINTEXT = 'Gloss key check v1';

/** "GLS" then the format version: the first bytes of every encrypted file. */
const MAGIC = new Uint8Array([0x47, 0x4c, 0x53, 0x01]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 16;

/** What `keycheck.json` holds (JSON, UTF-8). */
interface KeyCheckFile {
  format: typeof KEY_CHECK_FORMAT;
  version: number;
  kdf: typeof KDF_NAME;
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of an encrypted file (see `encryptFile`) holding a known text. */
  check: string;
}

/**
 * Creates a key check for a new remote: a random salt, the key derived from `passphrase`, and
 * the bytes of `keycheck.json` to upload. The key is not extractable.
 */
export async function createKeyCheck(passphrase: string): Promise<{ file: Uint8Array; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const check = await encryptFile(key, KEY_CHECK_PATH, new TextEncoder().encode(KEY_CHECK_PLAINTEXT));
  const content: KeyCheckFile = {
    format: KEY_CHECK_FORMAT,
    version: KEY_CHECK_VERSION,
    kdf: KDF_NAME,
    iterations: PBKDF2_ITERATIONS,
    salt: bytesToBase64(salt),
    check: bytesToBase64(check),
  };
  return { file: new TextEncoder().encode(JSON.stringify(content, null, 2)), key };
}

/**
 * Derives the key from `passphrase` with the salt and iterations `file` (a `keycheck.json`)
 * records, and proves it on the check value. Throws SyncError 'passphrase' when the passphrase
 * is not the one the file was made with, 'corrupt' when the file is not a usable key check
 * (including one asking for fewer than 600,000 iterations: too weak to trust).
 */
export async function openKeyCheck(passphrase: string, file: Uint8Array): Promise<CryptoKey> {
  const content = parseKeyCheck(file);
  checkEnvelope(KEY_CHECK_PATH, content.check);
  const key = await deriveKey(passphrase, content.salt, content.iterations);
  let plaintext: Uint8Array;
  try {
    plaintext = await decryptFile(key, KEY_CHECK_PATH, content.check);
  } catch {
    // The envelope is sound, so only the key can be wrong (or the check value forged).
    throw new SyncError('passphrase', 'The passphrase does not open the notes synced here. Type the passphrase you chose when you first turned on sync.');
  }
  if (new TextDecoder().decode(plaintext) !== KEY_CHECK_PLAINTEXT) throw notAKeyCheck('its check value is not Gloss’s');
  return key;
}

/**
 * Encrypts one file for the remote: magic and version (4 bytes), a fresh random 12-byte IV, then
 * the AES-256-GCM ciphertext with its tag. `path` (the file's path on the remote) is authenticated
 * with it, so the bytes decrypt only under the same path.
 */
export async function encryptFile(key: CryptoKey, path: string, plaintext: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(path), tagLength: TAG_BYTES * 8 }, key, copy(plaintext)),
  );
  const bytes = new Uint8Array(MAGIC.length + IV_BYTES + ciphertext.length);
  bytes.set(MAGIC, 0);
  bytes.set(iv, MAGIC.length);
  bytes.set(ciphertext, MAGIC.length + IV_BYTES);
  return bytes;
}

/**
 * Decrypts what `encryptFile` made for `path`. Throws SyncError 'corrupt' naming the file when the
 * bytes are truncated, altered, not Gloss's, or were encrypted for another path (swapped on the
 * server) — or encrypted with another key, which a key check rules out beforehand.
 */
export async function decryptFile(key: CryptoKey, path: string, bytes: Uint8Array): Promise<Uint8Array> {
  checkEnvelope(path, bytes);
  const iv = bytes.slice(MAGIC.length, MAGIC.length + IV_BYTES);
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(path), tagLength: TAG_BYTES * 8 },
      key,
      bytes.slice(MAGIC.length + IV_BYTES),
    );
    return new Uint8Array(plaintext);
  } catch {
    // GCM says only "does not authenticate": changed bytes, a cut-off end, another path or key.
    throw corruptFile(path, 'it was changed or cut off, or belongs to another place on the server');
  }
}

/** Throws SyncError 'corrupt' unless `bytes` are long enough and start with this version's magic. */
function checkEnvelope(path: string, bytes: Uint8Array): void {
  if (bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES) throw corruptFile(path, 'it is too short (cut off?)');
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw corruptFile(path, bytes[0] === MAGIC[0] && bytes[1] === MAGIC[1] && bytes[2] === MAGIC[2] ? 'it was written by a newer Gloss' : 'it is not a Gloss file');
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: copy(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function parseKeyCheck(file: Uint8Array): { iterations: number; salt: Uint8Array; check: Uint8Array } {
  let content: Partial<KeyCheckFile>;
  try {
    content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file)) as Partial<KeyCheckFile>;
  } catch {
    throw notAKeyCheck('it is not JSON');
  }
  if (typeof content !== 'object' || content === null || content.format !== KEY_CHECK_FORMAT) throw notAKeyCheck('it is not a Gloss key check');
  if (content.version !== KEY_CHECK_VERSION || content.kdf !== KDF_NAME) throw notAKeyCheck('it was made by a newer Gloss');
  const { iterations } = content;
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations)) throw notAKeyCheck('it names no iteration count');
  if (iterations < PBKDF2_ITERATIONS) throw notAKeyCheck(`it asks for only ${iterations.toLocaleString('en')} key derivation iterations, too few to be safe (Gloss needs at least ${PBKDF2_ITERATIONS.toLocaleString('en')})`);
  if (iterations > MAX_ITERATIONS) throw notAKeyCheck(`it asks for ${iterations.toLocaleString('en')} key derivation iterations, more than Gloss will run`);
  let salt: Uint8Array;
  let check: Uint8Array;
  try {
    salt = base64ToBytes(String(content.salt));
    check = base64ToBytes(String(content.check));
  } catch {
    throw notAKeyCheck('its salt or check value is not base64');
  }
  if (salt.length < SALT_BYTES) throw notAKeyCheck('its salt is too short');
  return { iterations, salt, check };
}

function additionalData(path: string): Uint8Array<ArrayBuffer> {
  const pathBytes = new TextEncoder().encode(path);
  const data = new Uint8Array(MAGIC.length + pathBytes.length);
  data.set(MAGIC, 0);
  data.set(pathBytes, MAGIC.length);
  return data;
}

/** A copy backed by a plain ArrayBuffer, as WebCrypto's typings ask (a view may sit on a SharedArrayBuffer). */
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

function corruptFile(path: string, why: string): SyncError {
  return new SyncError('corrupt', `The synced file “${path}” cannot be read: ${why}. Gloss left it as it is.`);
}

function notAKeyCheck(why: string): SyncError {
  return new SyncError('corrupt', `The synced key check (${KEY_CHECK_PATH}) cannot be used: ${why}.`);
}
