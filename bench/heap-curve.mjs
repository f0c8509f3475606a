// The long-run memory figure (issue 7): trains LSTM 128×2 (B 16, T 64, dropout 0.1) on the bundled corpus
// with the real wasm module and, every 50 steps, a probe, a sample, an inspection and the gradient view,
// every 500 a validation and a save with optimizer state; prints malloc'd and reserved heap every 1000 steps.
//   node bench/heap-curve.mjs [steps, default 10000]      (after npm test or scripts/build-core.sh wasm)
import { readFileSync } from 'node:fs';
import createCore from '../web/generated/core.mjs';

const steps = Number(process.argv[2] ?? 10000);
const m = await createCore({ wasmBinary: readFileSync(new URL('../web/generated/core.wasm', import.meta.url)) });
const session = new m.Session();
const text = readFileSync(new URL('corpus/corpus.txt', import.meta.url), 'utf8');
const created = session.create(text, {
  task: 'lm', bidirectional: false, nonlinearity: 'tanh', cell: 'lstm', hiddenSize: 128, numLayers: 2, forgetBiasOne: true, valFrac: 0.1, seqLen: 64, batch: 16,
  optimizer: 'adam', learningRate: 2e-3, clip: 5, dropout: 0.1, seed: 1,
});
if (!created.ok) throw new Error(created.error);
const started = Date.now();
for (let s = 0; ; s += 50) {
  if (s % 1000 === 0) {
    console.log(JSON.stringify({ step: s, seconds: Math.round((Date.now() - started) / 1000), heapInUse: m.heapInUse(), heapReserved: m.heapSize() }));
  }
  if (s >= steps) break;
  const slice = session.trainSlice(50, 1e9);
  if (!slice.ok) throw new Error(slice.error);
  session.probeReset();
  session.probeFeed('the ');
  session.probeProbabilities(1);
  session.sample('The ', 200, 0.8, 0, s);
  session.inspect(text.slice(0, 300), 5);
  session.gradientNorms();
  if (s % 500 === 0) {
    session.validate(20000);
    session.save(true);
  }
}
