// The tasks' training speed (issue 13): one network — LSTM H=128, one layer, T=64, B=32 — trained as a
// language model, as a forward-only and as a bidirectional tagger (task spacing, on the corpus itself) and
// as a classifier of lines (the corpus's lines labelled by line number mod 4), in the wasm module and
// natively. Per platform the variants are timed in turns, as the peers of a configuration are (run.mjs),
// so their ratios hold on a busy machine. Characters per second count the characters the timed batches
// held. Targets:
//   bidirectional ≥ 0.9 × forward-only / 2: the second direction costs no more than its FLOPs (one layer:
//     the backward direction does exactly the forward's work again; only the decoder reads 2H for H);
//   spacing, classify ≥ lm / 1.1: a task's batching, head and loss add at most 10% per character.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Contender } from './contender.mjs';
import { CORPUS_PATH } from './text.mjs';
import { READY, RESULT_PREFIX, SLICE_PREFIX } from './timing.mjs';

export const TASK_BASE = { cell: 'lstm', hidden: 128, layers: 1, seq: 64, batch: 32 };
export const TASK_VARIANTS = [
  { name: 'lm', task: 'lm', bidirectional: false },
  { name: 'spacing', task: 'spacing', bidirectional: false },
  { name: 'spacing bidirectional', task: 'spacing', bidirectional: true },
  { name: 'classify', task: 'classify', bidirectional: false },
];

// Every non-blank line of the corpus as "label<TAB>line", four labels in turn.
export function labelledCorpus(text) {
  return text.split('\n').filter((line) => line.trim()).map((line, i) => `${'abcd'[i % 4]}\t${line}\n`).join('');
}

function command(platform, variant, corpus, timing, nativeBinary) {
  const job = { ...TASK_BASE, task: variant.task, bidirectional: variant.bidirectional, corpus, interleaved: true, ...timing };
  if (platform === 'project-wasm')
    return [process.execPath, [fileURLToPath(new URL('../contenders/project-wasm.mjs', import.meta.url)), JSON.stringify(job)]];
  return [nativeBinary, ['--corpus', corpus, '--task', variant.task, '--bidirectional', variant.bidirectional ? '1' : '0',
    '--cell', job.cell, '--hidden', job.hidden, '--layers', job.layers, '--seq', job.seq, '--batch', job.batch,
    '--warmup-seconds', timing.warmupSeconds, '--warmup-steps', timing.warmupCalls, '--timed-seconds', timing.timedSeconds,
    '--interleaved', 1].map(String)];
}

// One platform's variants: set up and warmed up one at a time, then timed in turns.
async function runPlatform(platform, corpora, preset, timedSeconds, nativeBinary, log) {
  const timing = { warmupSeconds: preset.warmupSeconds, warmupCalls: preset.warmupCalls, timedSeconds };
  const entries = [];
  for (const variant of TASK_VARIANTS) {
    log(`tasks, ${platform}: ${variant.name} — setting up and warming up`);
    const corpus = variant.task === 'classify' ? corpora.labelled : corpora.plain;
    const entry = { variant, process: new Contender(variant.name, command(platform, variant, corpus, timing, nativeBinary)), slices: [] };
    entries.push(entry);
    try {
      await entry.process.waitFor(READY, 300 + 6 * preset.warmupSeconds);
    } catch (e) {
      entry.error = e.message;
      entry.process.kill();
    }
  }
  for (let round = 1; round <= preset.rounds; ++round)
    for (const entry of entries.filter((e) => !e.error)) {
      entry.process.send(`run ${preset.sliceSeconds}`);
      try {
        entry.slices.push(JSON.parse(await entry.process.waitFor(SLICE_PREFIX, 300 + 10 * preset.sliceSeconds)));
      } catch (e) {
        entry.error = e.message;
        entry.process.kill();
      }
    }
  const runs = [];
  for (const entry of entries) {
    if (!entry.error) {
      entry.process.send('finish');
      try {
        const result = JSON.parse(await entry.process.waitFor(RESULT_PREFIX, 120));
        const seconds = entry.slices.reduce((a, s) => a + s.seconds, 0);
        const characters = entry.slices.reduce((a, s) => a + s.characters, 0);
        runs.push({ contender: platform, variant: entry.variant.name, ...TASK_BASE, task: entry.variant.task,
          bidirectional: entry.variant.bidirectional, charsPerSec: characters / seconds, timedSeconds: seconds,
          lossBefore: result.lossBefore, lossAfter: result.lossAfter });
      } catch (e) {
        entry.error = e.message;
      }
    }
    entry.process.kill();
    if (entry.error) runs.push({ contender: platform, variant: entry.variant.name, error: entry.error });
    log(`   ${platform} ${entry.variant.name}: ${entry.error ? `FAILED: ${entry.error}` : `${Math.round(runs.at(-1).charsPerSec)} chars/s`}`);
  }
  return runs;
}

function targetsOf(runs) {
  const targets = [];
  for (const platform of new Set(runs.map((r) => r.contender))) {
    const rate = (name) => runs.find((r) => r.contender === platform && r.variant === name && !r.error)?.charsPerSec;
    const lm = rate('lm'), spacing = rate('spacing'), bi = rate('spacing bidirectional'), classify = rate('classify');
    const target = (name, value, goal) => ({ platform, name, value, goal, pass: value === undefined ? null : value >= goal });
    targets.push(target('bidirectional ÷ (forward-only ÷ 2)', bi && spacing && bi / (spacing / 2), 0.9));
    targets.push(target('spacing ÷ lm', spacing && lm && spacing / lm, 1 / 1.1));
    targets.push(target('classify ÷ lm', classify && lm && classify / lm, 1 / 1.1));
  }
  return targets;
}

export async function runTaskBenchmark({ platforms, preset, timedSeconds, nativeBinary, log }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'charrnn-bench-tasks-'));
  const corpora = { plain: CORPUS_PATH, labelled: join(dir, 'labelled.tsv') };
  writeFileSync(corpora.labelled, labelledCorpus(readFileSync(CORPUS_PATH, 'utf8')));
  const runs = [];
  for (const platform of platforms) runs.push(...(await runPlatform(platform, corpora, preset, timedSeconds, nativeBinary, log)));
  return { base: TASK_BASE, runs, targets: targetsOf(runs) };
}

export function tasksTable({ runs, targets }) {
  const lines = ['tasks: LSTM H=128 L=1 T=64 B=32, characters per second (timed in turns per platform)'];
  for (const r of runs)
    lines.push(`  ${r.contender.padEnd(15)} ${r.variant.padEnd(22)} ${r.error ? `FAILED: ${r.error}` : Math.round(r.charsPerSec).toLocaleString('en-US').padStart(9)}`);
  for (const t of targets)
    lines.push(`  ${t.platform.padEnd(15)} ${t.name.padEnd(36)} ${t.value === undefined ? 'n/a' : t.value.toFixed(3)} ≥ ${t.goal.toFixed(3)}  ` +
      `${t.pass === null ? '' : t.pass ? 'PASS' : 'FAIL'}`);
  return lines.join('\n');
}
