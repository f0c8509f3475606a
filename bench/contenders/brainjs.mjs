// brainjs contender (B = 1 only): brain.js 1.6.1's recurrent.LSTM, plain JS (Float32Array matrices).
// Why 1.6.1: it is the registry's `latest`, depends only on pure-JS packages (gpu.js 1.x → acorn) and
// runs on node 20 as installed. 2.0.0-beta.24 also loads (its gpu.js 2.x pulls headless-gl only as an
// optional dependency and webgpu as a prebuilt binary) but its recurrent.LSTM is the same algorithm
// at the same speed (bench/README.md), for ~30 MB more of install.
// Its model, as close to ours as its API allows:
//   index → embedding row (V+1, V) (as wide as our one-hot, so the input matmul is the same V·4H work)
//   → LSTM(H) → linear(V+1) → softmax CE. Each window of T characters is one independent sequence
//   (brain.js has no way to carry state between calls: stateless) with its START token in front and its
//   END target at the back, so one call is T+1 predictions, counted as T+1 characters.
// What cannot match: its optimizer is RMSprop (decay 0.999; no Adam in 1.x) at lr 2e-3, per-element
// gradient clipping and L2 decay switched off (clipval 1e30, regc 0); its "LSTM" feeds h_{t-1} where the
// cell state c_{t-1} belongs (c_t = f⊙h_{t-1} + i⊙g): same FLOPs, not quite an LSTM.
import { createRequire } from 'node:module';
import { loadCorpus } from '../lib/text.mjs';
import { measure, readJob, report } from '../lib/timing.mjs';

const job = readJob();
if (job.cell !== 'lstm' || job.batch !== 1 || job.layers !== 1) throw new Error('brain.js runs LSTM, batch 1, one layer only');
const require = createRequire(import.meta.url);
const brain = require('brain.js');
const brainVersion = require('brain.js/package.json').version;

const { ids, vocab } = loadCorpus(job.corpus);
const V = vocab.length, T = job.seq, H = job.hidden;
const net = new brain.recurrent.LSTM({ hiddenLayers: [H], inputSize: V, inputRange: V, outputSize: V, regc: 0, clipval: 1e30 });
net.trainOpts.learningRate = 2e-3;
net.initialize();

let position = 0, steps = 0;
const result = await measure(
  () => {
    if (position + T > ids.length) position = 0;
    const window = Array.from(ids.subarray(position, position + T));
    position += T;
    // trainPattern's three parts; trainInput returns 2^(Σ -log2 p / (T-1)) / 100 over T+1 predictions.
    const error = net.trainInput(window);
    net.backpropagate(window);
    net.adjustWeights();
    ++steps;
    const natsPerPrediction = (Math.log(error * 100) * (T - 1)) / (T + 1);
    if (!Number.isFinite(natsPerPrediction)) throw new Error(`loss is not finite at step ${steps}`);
    return [natsPerPrediction];
  },
  job,
);
const chars = result.timedSteps * (T + 1);
report({
  contender: 'brainjs', cell: 'lstm', hidden: H, layers: 1, seq: T, batch: 1, vocab: V, ...result, chars,
  charsPerSec: chars / result.timedSeconds, peakHeapBytes: null, stateful: false,
  brainVersion, optimizer: 'rmsprop',
});
