// project-wasm contender: the playground's own module (web/generated/core.mjs, -msimd128), loaded in node
// as the Vitest suite loads it. One Session, trained through repeated session.trainSlice(…, sliceMillis) calls.
// Stateful: the core carries each stream's state from window to window (truncated BPTT over T).
// Heap: m.heapSize() is the wasm memory size, which only grows, so the last reading is the peak; the
// reading after warm-up against the one at the end shows whether memory stays flat over long training.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../lib/text.mjs';
import { measure, readJob, report } from '../lib/timing.mjs';

const job = readJob();
const modulePath = new URL('../../web/generated/core.mjs', import.meta.url);
const { default: createCore } = await import(modulePath);
const m = await createCore({ wasmBinary: readFileSync(fileURLToPath(new URL('core.wasm', modulePath))) });
const { text } = loadCorpus(job.corpus);

const session = new m.Session();
const created = session.create(text, {
  task: job.task ?? 'lm', bidirectional: job.bidirectional ?? false, nonlinearity: 'tanh', cell: job.cell, hiddenSize: job.hidden, numLayers: job.layers, forgetBiasOne: job.cell === 'lstm',
  valFrac: 0, seqLen: job.seq, batch: job.batch, optimizer: 'adam', learningRate: 2e-3,
  clip: 0, dropout: 0, seed: 1,
});
if (!created.ok) throw new Error(`create failed: ${created.error}`);
const heapAfterCreate = m.heapSize();

const sliceMillis = job.sliceMillis ?? 100;
let heapAfterWarmup = 0;
const result = await measure(
  () => {
    const slice = session.trainSlice(1 << 30, sliceMillis);
    if (!slice.ok) throw new Error(`train failed: ${slice.error}`);
    if (slice.stop) throw new Error(`training diverged at step ${slice.stop.atStep}`);
    return Array.from(slice.losses);
  },
  { ...job, afterWarmup: () => { heapAfterWarmup = m.heapSize(); } },
);
const heapAtEnd = m.heapSize();
const chars = result.timedSteps * job.seq * job.batch;
report({
  contender: 'project-wasm', cell: job.cell, hidden: job.hidden, layers: job.layers, seq: job.seq,
  batch: job.batch, vocab: created.vocab.length, ...result, chars,
  charsPerSec: chars / result.timedSeconds,
  peakHeapBytes: heapAtEnd, heapAfterCreate, heapAfterWarmup, heapAtEnd,
  simd: m.simdInstructionSet, stateful: true, sliceMillis,
});
session.delete();
