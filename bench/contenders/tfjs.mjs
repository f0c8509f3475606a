// tfjs-wasm / tfjs-cpu contenders: TensorFlow.js 4.22 layers, the same model as ours:
//   one-hot(V) → tf.layers.lstm|gru(H, recurrentActivation 'sigmoid', returnSequences) → dense(V)
//   → softmax cross-entropy on logits (tf.losses.softmaxCrossEntropy, mean over B·T), Adam lr 2e-3,
// trained with model.trainOnBatch on the same windows as ours (lib/text.mjs's StreamBatcher).
// Stateful like ours: batchInputShape [B, T, V] and stateful: true carry each stream's state from one
// window to the next; model.resetStates() at each epoch start, where the core zeroes its state.
// Single thread: the wasm backend gets setThreadsCount(1) before setBackend; the cpu backend is plain JS.
//   node contenders/tfjs.mjs JOB   (JOB.backend: 'wasm' | 'cpu')
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as tfwasm from '@tensorflow/tfjs-backend-wasm';
import { loadCorpus, StreamBatcher } from '../lib/text.mjs';
import { measure, readJob, report } from '../lib/timing.mjs';

const job = readJob();
const backend = job.backend;
const require = createRequire(import.meta.url);
if (backend === 'wasm') {
  tfwasm.setThreadsCount(1);
  // The .wasm binaries come from node_modules, never from a CDN.
  tfwasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep);
} else if (backend !== 'cpu') throw new Error(`unknown backend ${backend}`);
if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
await tf.ready();
const backendInfo = { backend: tf.getBackend(), tfjsVersion: tf.version.tfjs };
if (backend === 'wasm') {
  backendInfo.wasmSimd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  backendInfo.wasmThreads = tfwasm.getThreadsCount();
}

const { ids, vocab } = loadCorpus(job.corpus);
const V = vocab.length, B = job.batch, T = job.seq, H = job.hidden;
if (job.layers !== 1) throw new Error('the tfjs contender builds one recurrent layer');

const model = tf.sequential();
// recurrentInitializer: Keras' default 'orthogonal' runs a QR in JS that takes 20-125 s on the cpu backend
// before training starts (untimed, but it would eat the benchmark's time); initial values do not change
// the work per step.
const rnn = {
  units: H, returnSequences: true, stateful: true, recurrentActivation: 'sigmoid', recurrentInitializer: 'glorotUniform',
  batchInputShape: [B, T, V],
};
model.add(job.cell === 'lstm' ? tf.layers.lstm(rnn) : tf.layers.gru(rnn));
model.add(tf.layers.dense({ units: V }));  // logits
model.compile({ optimizer: tf.train.adam(2e-3), loss: (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits) });

const batcher = new StreamBatcher(ids, T, B);
function oneHot(indices, size) {
  const out = new Float32Array(indices.length * size);
  indices.forEach((id, i) => { out[i * size + id] = 1; });
  return out;
}
let steps = 0;
const result = await measure(
  async () => {
    if (batcher.next() && steps > 0) model.resetStates();
    // One-hot built here: the wasm backend's OneHot kernel ignores dtype 'float32' (writes int32 bits).
    const x = tf.tensor3d(oneHot(batcher.inputs, V), [B, T, V]);   // (B, T, V)
    const y = tf.tensor3d(oneHot(batcher.targets, V), [B, T, V]);  // (B, T, V)
    const loss = await model.trainOnBatch(x, y);
    tf.dispose([x, y]);
    ++steps;
    if (!Number.isFinite(loss)) throw new Error(`loss is ${loss} at step ${steps}`);
    return [loss];
  },
  job,
);
const chars = result.timedSteps * T * B;
report({
  contender: `tfjs-${backend}`, cell: job.cell, hidden: H, layers: 1, seq: T, batch: B, vocab: V, ...result,
  chars, charsPerSec: chars / result.timedSeconds, peakHeapBytes: null,
  stateful: true, ...backendInfo, tensorsAtEnd: tf.memory().numTensors,
});
