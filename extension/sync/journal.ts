/**
 * The files of a sync remote and how they are read and written:
 * - `gloss-format.json`, plaintext `{ "format": 1 }`: the layout's version, so that an older
 *   Gloss stops instead of writing a format it does not know;
 * - `keycheck.json` (see `connect.ts`);
 * - `journals/<device>.<seq>.json.enc`: a batch of one device's changes, encrypted with its path
 *   as additional data (so a file cannot be passed off under another name), created only where
 *   no file is (If-None-Match: *), never rewritten;
 * - `journals/<device>.<seq>.compacted.json.enc`: every note's latest change from that device's
 *   files up to `seq`, which readers then skip.
 * Journals sit side by side in one folder (not a folder per device) because a remote lists
 * files, not folders: one listing finds every device's files.
 */
import { noteProblem as storedNoteProblem } from '../notes/messages';
import { parseStamp } from './hlc';
import type { Change } from './merge';
import { SyncError, type Remote } from './types';

/** The remote layout this Gloss reads and writes. */
export const FORMAT = 1;
export const FORMAT_PATH = 'gloss-format.json';
export const KEYCHECK_PATH = 'keycheck.json';
export const JOURNALS = 'journals';

/** Seals and opens a file's bytes, bound to its path (crypto.ts's key, or plain bytes in tests). */
export interface Codec {
  seal(path: string, bytes: Uint8Array): Promise<Uint8Array>;
  /** Throws SyncError 'corrupt' when the bytes are not a sealed file of this path. */
  open(path: string, bytes: Uint8Array): Promise<Uint8Array>;
}

/** One journal file, from its name. */
export interface JournalFile {
  device: string;
  seq: number;
  /** Whether it replaces the device's files up to `seq`. */
  compacted: boolean;
  path: string;
}

/** Device names: letters and digits (a file name's parts are split on dots). */
const DEVICE = /^[A-Za-z0-9_-]+$/;
const SEQ_DIGITS = 9;
const FILE = new RegExp(`^([A-Za-z0-9_-]+)\\.(\\d{${SEQ_DIGITS}})(\\.compacted)?\\.json\\.enc$`);

/** Throws when `device` cannot name journal files. */
export function checkDeviceName(device: string): void {
  if (!DEVICE.test(device)) throw new Error(`A sync device name must be letters, digits, - or _: ${JSON.stringify(device)}`);
}

/** The path of a device's journal file. */
export function journalPath(device: string, seq: number, compacted = false): string {
  return `${JOURNALS}/${device}.${String(seq).padStart(SEQ_DIGITS, '0')}${compacted ? '.compacted' : ''}.json.enc`;
}

/** The journal file a name in `journals/` is, or null for anything else. */
export function parseJournalName(name: string): JournalFile | null {
  const match = FILE.exec(name);
  return match ? { device: match[1]!, seq: Number(match[2]), compacted: match[3] !== undefined, path: `${JOURNALS}/${name}` } : null;
}

/** Every journal file on the remote, by device, in sequence order (a compacted file after the file of its number). */
export async function listJournals(remote: Remote): Promise<Map<string, JournalFile[]>> {
  const byDevice = new Map<string, JournalFile[]>();
  for (const entry of await remote.list(JOURNALS)) {
    const file = parseJournalName(entry.name);
    if (!file) continue;
    const files = byDevice.get(file.device) ?? [];
    files.push(file);
    byDevice.set(file.device, files);
  }
  for (const files of byDevice.values()) files.sort((a, b) => a.seq - b.seq || Number(a.compacted) - Number(b.compacted));
  return byDevice;
}

/**
 * The files of one device a reader who has read up to `cursor` still needs: the latest compacted
 * file when it covers more than the reader has, then every plain file after both.
 */
export function filesToRead(files: readonly JournalFile[], cursor: number): JournalFile[] {
  const compacted = files.filter((file) => file.compacted).at(-1);
  const from = compacted && compacted.seq > cursor ? compacted.seq : cursor;
  return [...(compacted && compacted.seq > cursor ? [compacted] : []), ...files.filter((file) => !file.compacted && file.seq > from)];
}

/** What a journal file holds once opened. */
interface Batch {
  format: number;
  device: string;
  seq: number;
  changes: Change[];
}

/** A batch of changes as the bytes of a journal file. */
export async function sealBatch(codec: Codec, file: JournalFile, changes: readonly Change[]): Promise<Uint8Array> {
  const batch: Batch = { format: FORMAT, device: file.device, seq: file.seq, changes: [...changes] };
  return codec.seal(file.path, new TextEncoder().encode(JSON.stringify(batch)));
}

/**
 * The changes in a journal file; null when it is gone (compacted away since it was listed).
 * Throws SyncError 'corrupt' naming the file when it is truncated, damaged or not Gloss's.
 */
export async function readBatch(remote: Remote, codec: Codec, file: JournalFile): Promise<Change[] | null> {
  const found = await remote.get(file.path);
  if (!found) return null;
  const damaged = (why: string) =>
    new SyncError('corrupt', `The file ${file.path} on ${remote.label} is damaged (${why}); nothing was taken from it and your notes here are unchanged.`);
  let plain: Uint8Array;
  try {
    plain = await codec.open(file.path, found.bytes);
  } catch (error) {
    throw error instanceof SyncError && error.kind !== 'corrupt' ? error : damaged('it cannot be decrypted: truncated or altered');
  }
  let batch: unknown;
  try {
    batch = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw damaged('it is not a journal of changes');
  }
  const problem = batchProblem(batch, file);
  if (problem) throw damaged(problem);
  return (batch as Batch).changes;
}

/** What is wrong with an opened batch, or null. */
function batchProblem(value: unknown, file: JournalFile): string | null {
  if (!isRecord(value)) return 'it is not a journal of changes';
  if (value.format !== FORMAT) return `its format ${String(value.format)} is not ${FORMAT}`;
  if (value.device !== file.device || value.seq !== file.seq) return 'it belongs to another file';
  if (!Array.isArray(value.changes)) return 'it has no list of changes';
  const bad = value.changes.findIndex((change) => changeProblem(change, file.device) !== null);
  return bad < 0 ? null : `change ${bad + 1}: ${changeProblem(value.changes[bad], file.device)}`;
}

function changeProblem(value: unknown, device: string): string | null {
  if (!isRecord(value)) return 'not a change';
  if (typeof value.stamp !== 'string' || parseStamp(value.stamp)?.device !== device || value.device !== device) return 'bad stamp or device';
  if (typeof value.id !== 'string' || value.id === '') return 'no note id';
  if (value.base !== null && (typeof value.base !== 'string' || !parseStamp(value.base))) return 'bad base';
  if (value.baseBody !== undefined && typeof value.baseBody !== 'string') return 'bad base text';
  if (!isRecord(value.seen) || !Object.values(value.seen).every((stamp) => typeof stamp === 'string' && parseStamp(stamp))) return 'bad version vector';
  if (value.op === 'delete') return value.note === null ? null : 'a delete with a note';
  if (value.op !== 'put') return 'unknown operation';
  return noteProblem(value.note, value.id);
}

/**
 * Whether a put's note is one the store and the page accept, as the replica stores it (anchor
 * 'unknown'): a note that only looked like one (a quote without its type) was stored, and then
 * every reply listing it failed the page's and the library's checks, hiding the article's notes.
 */
function noteProblem(note: unknown, id: string): string | null {
  if (!isRecord(note) || note.id !== id) return 'a put without its note';
  return storedNoteProblem({ ...note, anchor: 'unknown' });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the format document, stopping with SyncError 'format' when a newer Gloss wrote the
 * remote. When it is absent: 'create' writes it (If-None-Match: *, so a race keeps the first),
 * 'fail' throws SyncError 'corrupt', 'ignore' writes nothing. Returns whether it was there.
 */
export async function checkFormat(remote: Remote, ifMissing: 'create' | 'fail' | 'ignore'): Promise<boolean> {
  const found = await remote.get(FORMAT_PATH);
  if (!found) {
    if (ifMissing === 'ignore') return false;
    if (ifMissing === 'fail') {
      throw new SyncError('corrupt', `${remote.label} has no ${FORMAT_PATH}: it is not a Gloss sync folder any more. Connect sync again.`);
    }
    try {
      await remote.put(FORMAT_PATH, new TextEncoder().encode(`${JSON.stringify({ format: FORMAT })}\n`), { ifNoneMatch: '*' });
    } catch (error) {
      if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
      return checkFormat(remote, 'fail'); // another device created it meanwhile: read theirs
    }
    return false;
  }
  let format: unknown;
  try {
    format = (JSON.parse(new TextDecoder().decode(found.bytes)) as { format?: unknown }).format;
  } catch {
    format = undefined;
  }
  if (typeof format !== 'number' || !Number.isInteger(format)) {
    throw new SyncError('corrupt', `The file ${FORMAT_PATH} on ${remote.label} is damaged or not Gloss's.`);
  }
  if (format > FORMAT) {
    throw new SyncError(
      'format',
      `The synced notes on ${remote.label} were written by a newer Gloss (format ${format}); update Gloss on this browser to sync.`,
    );
  }
  return true;
}
