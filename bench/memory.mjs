// Memory on behaviour (issue 16): a vanilla RNN and an LSTM of the same size learn the copy task
// (web/src/presets/memory) for the same fixed number of steps from the same seed, then are scored only
// where memory is needed — the second copy's letters — on held-out texts (another seed), at distances
// near 60. The claim to see: the RNN stays near chance (1/8), the LSTM is clearly above it.
// Real wasm module (web/generated, built by `bash scripts/build-core.sh wasm`), one thread.
//   node bench/memory.mjs [--steps=N] [--hidden=H] [--seq=T] [--batch=B] [--lr=X] [--max-distance=D] [--near=60] [--width=10] [--lstm-only=1]
// Exit 0 when the claim holds, 2 when it does not (the figures are deterministic: fixed seeds, one thread).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const options = { steps: 3000, hidden: 64, seq: 100, batch: 16, lr: 0.01, 'max-distance': 80, near: 60, width: 10, 'lstm-only': 0 };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.replace(/^--/, '').split('=');
  if (!(key in options) || !Number.isFinite(Number(value))) throw new Error(`unknown option ${arg}`);
  options[key] = Number(value);
}

// The page's own TypeScript generators and scoring, loaded through Vite (no second copy to drift).
const vite = await createServer({ configFile: false, root: here('..'), logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom' });
const { memoryText, probeTargets, probeHits, HELD_OUT_CHARACTERS, HELD_OUT_SEED, TRAIN_SEED } = await vite.ssrLoadModule('/web/src/presets/memory/memoryScore.ts');
const { default: createCore } = await import(here('../web/generated/core.mjs'));
await vite.close();
const core = await createCore({ wasmBinary: readFileSync(here('../web/generated/core.wasm')) });

const maxDistance = options['max-distance'];
const train = memoryText('copy', maxDistance, TRAIN_SEED, 200_000);
// Held-out texts until enough probes lie near the distance asked about.
const held = [];
let nearProbes = 0;
for (let k = 0; nearProbes < 400 && k < 50; k++) {
  const t = memoryText('copy', maxDistance, HELD_OUT_SEED + k, HELD_OUT_CHARACTERS);
  held.push({ text: t.text, probes: t.probes });
  nearProbes += t.probes.filter((p) => Math.abs(p.distance - options.near) <= options.width).length;
}

function run(cell) {
  const session = new core.Session();
  const settings = {
    task: 'lm', bidirectional: false, nonlinearity: 'tanh', cell, hiddenSize: options.hidden, numLayers: 1, forgetBiasOne: true,
    valFrac: 0.05, seqLen: options.seq, batch: options.batch, optimizer: 'adam', learningRate: options.lr, clip: 5, dropout: 0, seed: 1,
  };
  const created = session.create(train.text, settings);
  if (!created.ok) throw new Error(created.error);
  const started = performance.now();
  while (session.steps() < options.steps) {
    const slice = session.trainSlice(Math.min(100, options.steps - session.steps()), 60_000);
    if (!slice.ok) throw new Error(slice.error);
  }
  const seconds = (performance.now() - started) / 1000;
  let hits = 0;
  let count = 0;
  const byDistance = new Map();  // every probe of the held-out texts, by distance band of 10: [hits, count]
  for (const h of held) {
    const inspection = session.inspect(h.text, 1);
    if (!inspection.ok) throw new Error(inspection.error);
    const { positions, targets } = probeTargets(h.text, h.probes, created.vocab);
    const got = probeHits(positions, targets, inspection.topIds, 1);
    h.probes.forEach((p, i) => {
      const band = Math.floor(p.distance / 10) * 10;
      const b = byDistance.get(band) ?? [0, 0];
      byDistance.set(band, [b[0] + got[i], b[1] + 1]);
      if (Math.abs(p.distance - options.near) > options.width) return;
      hits += got[i];
      count++;
    });
  }
  const validation = session.validate(20_000);
  session.delete();
  const bands = [...byDistance].sort((a, b) => a[0] - b[0]).map(([d, [k, n]]) => `${d}-${d + 9}: ${(100 * k / n).toFixed(0)}%`).join(', ');
  return { cell, accuracy: hits / count, probes: count, seconds, bitsPerChar: validation.ok ? validation.bitsPerChar : NaN, bands };
}

console.log(`copy task: max distance ${maxDistance}, H=${options.hidden} T=${options.seq} B=${options.batch}, ${options.steps} steps, seed 1; scored at distance ${options.near}±${options.width}`);
const results = [];
for (const cell of options['lstm-only'] ? ['lstm'] : ['rnn', 'lstm']) {
  const r = run(cell);
  results.push(r);
  console.log(`${cell.padEnd(5)} memory accuracy ${(100 * r.accuracy).toFixed(1)}% over ${r.probes} probes (chance ${(100 * train.chance).toFixed(1)}%), validation ${r.bitsPerChar.toFixed(3)} bits/char, ${r.seconds.toFixed(0)} s training`);
  console.log(`      by distance: ${r.bands}`);
}
if (results.length < 2) process.exit(0);
const [rnn, lstm] = results;
// The claim, as a pass/fail line: the RNN within 10 points of chance, the LSTM at least twice chance.
const holds = Math.abs(rnn.accuracy - train.chance) <= 0.1 && lstm.accuracy >= 2 * train.chance;
console.log(holds ? 'claim holds: RNN near chance, LSTM clearly above' : 'claim does NOT hold with these settings');
process.exitCode = holds ? 0 : 2;
