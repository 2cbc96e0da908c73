import { LABEL_COUNT, LABELS, type TrainableWeights, type Weights } from './tagger';
import { base64ToBytes, bytesToBase64 } from '../../encoding/base64';

/**
 * The shipped recogniser: a pruned feature table with 8-bit weights, kept as base64 in JSON so
 * the bundler can inline it and Node can import it. Rows are sorted by feature hash (a stable,
 * well-compressing file); loading decodes the typed arrays and builds a hash table over them.
 */
export interface ModelFile {
  format: 'gloss.ner/1';
  labels: string[];
  /** Little-endian uint32 feature hashes, ascending. */
  hashes: string;
  /** Little-endian float32 scale of each row: weight = byte * scale. */
  scales: string;
  /** int8 weights, LABEL_COUNT per hash. */
  weights: string;
  /** What the model was trained on, and how. */
  trainedOn: string;
}

export class CompactWeights implements Weights {
  /**
   * Open-addressing table built once at load: slot k holds [feature hash, row + 1] at 2k, 2k+1
   * (row 0 = empty). Key and row side by side cost one memory access per lookup.
   */
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(
    private readonly hashes: Uint32Array,
    private readonly scales: Float32Array,
    private readonly weights: Int8Array,
  ) {
    let size = 1;
    while (size < hashes.length * 2) size *= 2;
    this.slots = new Uint32Array(size * 2);
    this.mask = size - 1;
    hashes.forEach((hash, row) => {
      let slot = hash & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = row + 1;
    });
  }

  get size(): number {
    return this.hashes.length;
  }

  addScores(features: number[], scores: Float64Array, offset = 0): void {
    const labels = LABEL_COUNT; // a local: an imported binding can cost a getter call per use once transpiled
    const weights = this.weights;
    for (const f of features) {
      const row = this.find(f);
      if (row < 0) continue;
      const base = row * labels;
      const scale = this.scales[row]!;
      for (let k = 0; k < labels; k++) scores[offset + k]! += weights[base + k]! * scale;
    }
  }

  private find(hash: number): number {
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = slots[2 * slot + 1]!;
      if (row === 0) return -1;
      if (slots[2 * slot] === hash) return row - 1;
    }
  }
}

/**
 * Keeps the rows whose largest averaged weight reaches `minWeight` and quantises each row to
 * int8 with its own scale (one scale for all rows would round the many small weights to zero).
 * At 1 the model keeps under half its rows with no loss on CoNLL dev or the dev pages.
 */
export function compactModel(trained: TrainableWeights, trainedOn: string, minWeight = 1): ModelFile {
  const rows: [number, Float64Array][] = [];
  for (const [hash, avg] of trained.averaged()) {
    if (avg.some(x => Math.abs(x) >= minWeight)) rows.push([hash, avg]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  const hashes = new Uint32Array(rows.length);
  const scales = new Float32Array(rows.length);
  const weights = new Int8Array(rows.length * LABEL_COUNT);
  rows.forEach(([hash, avg], r) => {
    hashes[r] = hash;
    scales[r] = Math.max(...avg.map(Math.abs)) / 127;
    avg.forEach((x, k) => (weights[r * LABEL_COUNT + k] = Math.round(x / scales[r]!)));
  });
  return {
    format: 'gloss.ner/1',
    labels: [...LABELS],
    hashes: bytesToBase64(littleEndian(hashes)),
    scales: bytesToBase64(littleEndian(scales)),
    weights: bytesToBase64(new Uint8Array(weights.buffer)),
    trainedOn,
  };
}

export function loadModel(file: ModelFile): CompactWeights {
  if (file.format !== 'gloss.ner/1' || file.labels.join() !== LABELS.join()) {
    throw new Error(`unsupported NER model (${file.format}, labels ${file.labels.join(' ')})`);
  }
  const hashes = fromLittleEndian(base64ToBytes(file.hashes), Uint32Array);
  const scales = fromLittleEndian(base64ToBytes(file.scales), Float32Array);
  const weightBytes = base64ToBytes(file.weights);
  return new CompactWeights(hashes, scales, new Int8Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.byteLength));
}

// The file is little-endian whatever the machine; typed arrays use the machine's order.
function littleEndian(values: Uint32Array | Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => (values instanceof Float32Array ? view.setFloat32(i * 4, v, true) : view.setUint32(i * 4, v, true)));
  return bytes;
}

function fromLittleEndian<T extends Uint32Array | Float32Array>(bytes: Uint8Array, Type: new (length: number) => T): T {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Type(bytes.byteLength / 4);
  for (let i = 0; i < values.length; i++) values[i] = Type === (Float32Array as unknown) ? view.getFloat32(i * 4, true) : view.getUint32(i * 4, true);
  return values;
}
