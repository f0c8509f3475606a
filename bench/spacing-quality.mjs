#!/usr/bin/env node
// Quality benchmark of issue 13: word-spacing restoration (task spacing) by a bidirectional LSTM against a
// forward-only LSTM with the same number of parameters, trained the same number of steps on the same text
// with the same seed, scored on held-out text by `charrnn eval` (F1 of the predicted spaces).
//   node bench/spacing-quality.mjs TEXT_FILE [--steps 1500] [--hidden 64] [--seq 64] [--batch 32] [--lr 0.004]
//                                  [--seed 1] [--held-out 0.1] [--charrnn build/native/core/cli/charrnn]
// The text is cut at a line break: the first (1 - held-out) trains, the rest is held out (never seen in
// training; --val-frac 0). The forward-only hidden size is the one whose parameter count is nearest the
// bidirectional model's. Prints a table and one JSON line (the last line). Run by hand, not by npm test:
//   node bench/spacing-quality.mjs web/src/presets/texts/korean.txt
//   node bench/spacing-quality.mjs web/src/presets/texts/story.txt
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const textPath = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
if (!textPath) {
  console.error('usage: node bench/spacing-quality.mjs TEXT_FILE [--steps N] [--hidden H] [--seq T] [--batch B] [--lr X] [--seed S] [--held-out F]');
  process.exit(2);
}
const steps = Number(option('steps', 1500)), hidden = Number(option('hidden', 64));
const seq = Number(option('seq', 64)), batch = Number(option('batch', 32)), lr = option('lr', '0.004');
const seed = option('seed', '1'), heldOut = Number(option('held-out', 0.1));
const charrnn = option('charrnn', join(root, 'build/native/core/cli/charrnn'));

function run(...command) {
  const done = spawnSync(charrnn, command, { encoding: 'utf-8', maxBuffer: 1 << 26 });
  if (done.status !== 0) throw new Error(`charrnn ${command.join(' ')} failed: ${done.stderr.trim()}`);
  return done.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

// Parameters of a one-layer LSTM tagger: per direction 4H(V + H) + 8H, decoder 2·D·H + 2.
const parameters = (H, V, D) => D * (4 * H * (V + H) + 8 * H) + 2 * D * H + 2;

const text = readFileSync(textPath, 'utf-8');
const cut = text.indexOf('\n', Math.floor(text.length * (1 - heldOut)));
const work = mkdtempSync(join(os.tmpdir(), 'spacing-quality-'));
try {
  const trainPath = join(work, 'train.txt'), heldPath = join(work, 'held-out.txt');
  writeFileSync(trainPath, text.slice(0, cut + 1));
  writeFileSync(heldPath, text.slice(cut + 1));
  const common = ['--task', 'spacing', '--cell', 'lstm', '--layers', '1', '--seq', String(seq), '--batch', String(batch),
    '--steps', String(steps), '--lr', lr, '--seed', seed, '--val-frac', '0', '--log-every', String(steps)];
  const results = [];
  let vocab;
  for (const bidirectional of [true, false]) {
    let H = hidden;
    if (!bidirectional) {  // the forward-only hidden size with the nearest parameter count
      const target = parameters(hidden, vocab, 2);
      for (let h = hidden; h <= 4 * hidden; ++h)
        if (Math.abs(parameters(h, vocab, 1) - target) < Math.abs(parameters(H, vocab, 1) - target)) H = h;
    }
    const model = join(work, `${bidirectional ? 'bi' : 'forward'}.safetensors`);
    const started = performance.now();
    const lines = run('train', '--text', trainPath, '--hidden', String(H), ...(bidirectional ? ['--bidirectional'] : []), ...common,
      '--out', model);
    const seconds = (performance.now() - started) / 1000;
    vocab ??= lines[0].vocab_size;
    const [score] = run('eval', '--model', model, '--text', heldPath, '--seq', String(seq));
    results.push({ model: bidirectional ? 'bidirectional LSTM' : 'forward-only LSTM', hidden: H, parameters: lines[0].parameters,
      trainLoss: lines.at(-1).loss, ...score, seconds });
  }
  const [bi, fwd] = results;
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  console.log(`spacing restoration on ${textPath}: ${steps} steps of ${batch} × ${seq} characters, lr ${lr}, seed ${seed}; ` +
    `held out: the last ${pct(heldOut)} (${bi.characters} characters without spaces, ${bi.decisions} gaps)`);
  console.log('model                 H   parameters  train loss  held-out loss  accuracy  precision  recall   F1      time');
  for (const r of results)
    console.log(`${r.model.padEnd(20)} ${String(r.hidden).padStart(3)} ${String(r.parameters).padStart(11)}  ` +
      `${r.trainLoss.toFixed(4).padStart(10)}  ${r.loss.toFixed(4).padStart(13)}  ${pct(r.accuracy).padStart(8)}  ` +
      `${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}  ${pct(r.f1).padStart(6)}  ${r.seconds.toFixed(0).padStart(4)} s`);
  console.log(`F1 gap (bidirectional − forward-only): ${((bi.f1 - fwd.f1) * 100).toFixed(1)} points`);
  console.log(JSON.stringify({ text: textPath, steps, seq, batch, lr: Number(lr), seed: Number(seed), heldOut, results,
    f1Gap: bi.f1 - fwd.f1 }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
