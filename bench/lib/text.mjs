// The training text as every JS peer sees it: the bundled corpus, its vocabulary (sorted distinct code
// points, as the core's Vocab) and a batcher that walks it exactly as core/train/batcher.cpp does:
// B streams over contiguous segments of floor(N / B) characters, windows of T steps, the state carried
// from one window to the next of the same stream, all streams back to the start (state zeroed) when a
// stream has no full window left.
// B batch, T steps, V vocabulary.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_PATH = fileURLToPath(new URL('../corpus/corpus.txt', import.meta.url));

export function loadCorpus(path = CORPUS_PATH) {
  const text = readFileSync(path, 'utf8');
  const chars = Array.from(text);
  const vocab = [...new Set(chars)].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
  const index = new Map(vocab.map((c, i) => [c, i]));
  const ids = Int32Array.from(chars, (c) => index.get(c));
  return { text, vocab, ids };
}

export class StreamBatcher {
  constructor(ids, steps, batch) {
    this.ids = ids;
    this.T = steps;
    this.B = batch;
    this.segment = Math.floor(ids.length / batch);
    if (this.segment < steps + 1) throw new Error(`text too short for batch ${batch} × (sequence ${steps} + 1)`);
    this.position = 0;
    this.inputs = new Int32Array(batch * steps);   // (B, T) batch-major, as tf.layers wants
    this.targets = new Int32Array(batch * steps);  // (B, T)
  }

  // Fills inputs/targets with the next window; true when it starts a new epoch (reset the state first).
  next() {
    let newEpoch = this.position === 0;
    if (this.position + this.T + 1 > this.segment) {
      this.position = 0;
      newEpoch = true;
    }
    for (let b = 0; b < this.B; ++b)
      for (let t = 0; t < this.T; ++t) {
        const at = b * this.segment + this.position + t;
        this.inputs[b * this.T + t] = this.ids[at];
        this.targets[b * this.T + t] = this.ids[at + 1];
      }
    this.position += this.T;
    return newEpoch;
  }
}
