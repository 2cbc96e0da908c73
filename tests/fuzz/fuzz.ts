/**
 * What the fuzz tests share: fast-check's parameters (a fixed seed, so CI runs the same inputs
 * every time; fast-check prints the seed and path of a failure, and `FUZZ_SEED=n` replays or
 * varies it) and the mutations applied to valid inputs.
 */
import fc from 'fast-check';

/** The seed of every fuzz run: fixed unless FUZZ_SEED says otherwise. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_308);

/** fast-check's parameters for a property run `numRuns` times. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns };
}

/** One edit of a string: delete, duplicate or swap a slice, or insert a piece of text. */
export type StringEdit =
  | { kind: 'delete' | 'duplicate'; at: number; length: number }
  | { kind: 'swap'; at: number; length: number; to: number }
  | { kind: 'insert'; at: number; text: string };

/** Edits of a string; positions are fractions of its length, so they suit any string. */
export function stringEdits(insertions: fc.Arbitrary<string>, maxEdits = 6): fc.Arbitrary<StringEdit[]> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  const length = fc.nat({ max: 2_000 });
  return fc.array(
    fc.oneof(
      fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at, length }),
      fc.record({ kind: fc.constant('swap' as const), at, length, to: at }),
      fc.record({ kind: fc.constant('insert' as const), at, text: insertions }),
    ),
    { minLength: 1, maxLength: maxEdits },
  );
}

/** `text` with `edits` applied in order. */
export function applyEdits(text: string, edits: readonly StringEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = Math.floor(edit.at * out.length);
    if (edit.kind === 'insert') {
      out = out.slice(0, at) + edit.text + out.slice(at);
      continue;
    }
    const slice = out.slice(at, at + edit.length);
    if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else if (edit.kind === 'duplicate') out = out.slice(0, at) + slice + out.slice(at);
    else if (edit.kind === 'swap') {
      const rest = out.slice(0, at) + out.slice(at + edit.length);
      const to = Math.floor(edit.to * rest.length);
      out = rest.slice(0, to) + slice + rest.slice(to);
    }
  }
  return out;
}

/** One edit of a JSON value: the `at`-th member (depth first) is dropped, renamed or replaced. */
export interface JsonEdit {
  kind: 'drop' | 'rename' | 'replace';
  at: number;
  value: unknown;
}

/** Edits of a JSON value. */
export function jsonEdits(maxEdits = 3): fc.Arbitrary<JsonEdit[]> {
  return fc.array(
    fc.record({
      kind: fc.constantFrom('drop' as const, 'rename' as const, 'replace' as const),
      at: fc.nat(),
      value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', -1, 1.5, null, [], {}, 'urn:uuid:x', 'TextQuoteSelector')),
    }),
    { minLength: 1, maxLength: maxEdits },
  );
}

/** A copy of `value` with `edits` applied (the original is left as it is). */
export function applyJsonEdits(value: unknown, edits: readonly JsonEdit[]): unknown {
  const root = structuredClone(value);
  for (const edit of edits) {
    const members: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach((child, index) => (members.push([node, index]), walk(child)));
      else if (typeof node === 'object' && node !== null) {
        for (const [key, child] of Object.entries(node)) members.push([node as Record<string, unknown>, key]), walk(child);
      }
    };
    walk(root);
    if (members.length === 0) continue;
    const [parent, key] = members[edit.at % members.length]!;
    if (Array.isArray(parent)) {
      if (edit.kind === 'drop') parent.splice(key as number, 1);
      else parent[key as number] = structuredClone(edit.value);
    } else {
      const old = parent[key];
      if (edit.kind !== 'replace') delete parent[key];
      if (edit.kind === 'rename') parent[`${key}_`] = old;
      if (edit.kind === 'replace') parent[key] = structuredClone(edit.value);
    }
  }
  return root;
}
