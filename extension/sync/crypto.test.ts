import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { PBKDF2_ITERATIONS, createKeyCheck, decryptFile, encryptFile, openKeyCheck } from './crypto';
import { syncError } from './testing';

const text = (value: string) => new TextEncoder().encode(value);
const parse = (file: Uint8Array) => JSON.parse(new TextDecoder().decode(file)) as Record<string, unknown>;
const serialise = (content: Record<string, unknown>) => text(JSON.stringify(content));

// One derivation (~0.3 s at 600,000 iterations) shared by the tests that only need a key.
const made = createKeyCheck('correct horse battery staple');

describe('key check', () => {
  it('records PBKDF2-SHA-256 with at least 600,000 iterations and a random 16-byte salt', async () => {
    const { file, key } = await made;
    const content = parse(file);
    expect(content).toMatchObject({ format: 'gloss-keycheck', kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(base64ToBytes(content.salt as string)).toHaveLength(16);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const other = parse((await createKeyCheck('correct horse battery staple')).file);
    expect(other.salt).not.toBe(content.salt);
  });

  it('opens with the same passphrase, and the key reads what the first one wrote', async () => {
    const { file, key } = await made;
    const reopened = await openKeyCheck('correct horse battery staple', file);
    const sealed = await encryptFile(key, 'journals/a/000001.bin', text('a note'));
    expect(new TextDecoder().decode(await decryptFile(reopened, 'journals/a/000001.bin', sealed))).toBe('a note');
  });

  it('refuses a wrong passphrase with a plain message', async () => {
    const error = await syncError(openKeyCheck('correct horse battery stapler', (await made).file));
    expect(error.kind).toBe('passphrase');
    expect(error.message).toMatch(/passphrase does not open/);
  });

  it('refuses a key check asking for fewer iterations as too weak, without deriving', async () => {
    const weak = serialise({ ...parse((await made).file), iterations: 1_000 });
    const error = await syncError(openKeyCheck('correct horse battery staple', weak));
    expect(error.kind).toBe('corrupt');
    expect(error.message).toMatch(/only 1,000 .*too few/);
  });

  it('honours the iteration count the file records', async () => {
    const { file } = await made;
    // Same salt and check but a higher count: the derived key differs, so the check fails.
    const error = await syncError(openKeyCheck('correct horse battery staple', serialise({ ...parse(file), iterations: PBKDF2_ITERATIONS + 1 })));
    expect(error.kind).toBe('passphrase');
  });

  it('calls a file that is not a key check corrupt', async () => {
    for (const file of [text('not json'), serialise({ hello: 'world' }), serialise({ ...parse((await made).file), check: 'AAAA' })]) {
      expect((await syncError(openKeyCheck('x', file))).kind).toBe('corrupt');
    }
  });
});

describe('encryptFile / decryptFile', () => {
  it('round-trips bytes of any length, empty included', async () => {
    const { key } = await made;
    for (const size of [0, 1, 1000, 200_000]) {
      const plaintext = crypto.getRandomValues(new Uint8Array(Math.min(size, 65_536)));
      const big = new Uint8Array(size);
      for (let i = 0; i < size; i += plaintext.length) big.set(plaintext.subarray(0, size - i), i);
      expect(await decryptFile(key, 'f.bin', await encryptFile(key, 'f.bin', big))).toEqual(big);
    }
  });

  it('uses a fresh IV every time, so the same plaintext never gives the same bytes', async () => {
    const { key } = await made;
    const sealed = await Promise.all(Array.from({ length: 20 }, () => encryptFile(key, 'same.bin', text('same text'))));
    expect(new Set(sealed.map((bytes) => bytesToBase64(bytes.subarray(4, 16)))).size).toBe(20);
    expect(new Set(sealed.map(bytesToBase64)).size).toBe(20);
  });

  it('starts with the magic and version, and the plaintext does not show', async () => {
    const { key } = await made;
    const sealed = await encryptFile(key, 'f.bin', text('Mariupol secret note'));
    expect([...sealed.subarray(0, 4)]).toEqual([0x47, 0x4c, 0x53, 0x01]);
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('Mariupol');
  });

  it('calls truncated, bit-flipped, swapped or foreign files corrupt, naming the file', async () => {
    const { key } = await made;
    const sealed = await encryptFile(key, 'journals/a/000002.bin', text('a change batch'));
    const flipped = sealed.slice();
    flipped[30] = flipped[30]! ^ 0x01;
    const cases: [string, Uint8Array][] = [
      ['journals/a/000002.bin', sealed.subarray(0, sealed.length - 1)],
      ['journals/a/000002.bin', sealed.subarray(0, 10)],
      ['journals/a/000002.bin', flipped],
      // The server hands another file's bytes for this path.
      ['journals/a/000003.bin', sealed],
      ['journals/a/000002.bin', text('{"plain": "json that is long enough to pass the length check"}')],
    ];
    for (const [path, bytes] of cases) {
      const error = await syncError(decryptFile(key, path, bytes));
      expect(error.kind).toBe('corrupt');
      expect(error.message).toContain(path);
    }
  });

  it('calls a file from a newer format corrupt and says so', async () => {
    const { key } = await made;
    const sealed = await encryptFile(key, 'f.bin', text('x'));
    sealed[3] = 2;
    expect((await syncError(decryptFile(key, 'f.bin', sealed))).message).toMatch(/newer Gloss/);
  });
});
