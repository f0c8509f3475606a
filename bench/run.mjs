// The benchmark of issue 4. Per configuration, every contender runs in its own process (single-threaded):
// they are started and warmed up one at a time, then timed in turns — round after round, one slice each
// while the others wait idle — so a busy neighbour disturbs them all alike and the ratios hold. Then one
// table, the ratios against the issue's targets, bench/results.json (the issue's schema) and
// bench/results-details.json (everything). Run through `npm run bench` (scripts/bench.sh builds first).
//   node bench/run.mjs [--quick] [--only=project-wasm,tfjs-wasm,…] [--timed=SECONDS] [--strict] [--tasks-only]
//     --quick   ~1 s per run: checks that the harness works; its numbers are not measurements
//     --only    run only these contenders (the ceiling always runs)
//     --timed   timed seconds per run (split into the preset's rounds) instead of the preset's
//     --strict  exit 2 when a target fails (exit 1 always means a contender could not run)
//     --tasks-only  only the tasks' speed (lib/tasks.mjs), which otherwise runs after the configurations
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Contender } from './lib/contender.mjs';
import { CONFIGS, CONTENDERS, HEAP_CONFIG, PRESETS, FLOP_MODEL, configName } from './lib/configs.mjs';
import { cpuSnapshot, otherCores } from './lib/cpuload.mjs';
import { busyNote, evaluateTargets, gatherNote, ratiosTable, resultsJson, resultsTable, targetsTable, withGflops } from './lib/report.mjs';
import { CORPUS_PATH, loadCorpus } from './lib/text.mjs';
import { runTaskBenchmark, tasksTable } from './lib/tasks.mjs';
import { READY, RESULT_PREFIX, SLICE_PREFIX } from './lib/timing.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const NATIVE_BINARY = here('../build/native/bench/charrnn_bench_native');

const options = { quick: false, only: CONTENDERS, timed: null, strict: false, tasksOnly: false };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.split('=');
  if (key === '--quick') options.quick = true;
  else if (key === '--strict') options.strict = true;
  else if (key === '--tasks-only') options.tasksOnly = true;
  else if (key === '--only') options.only = value.split(',');
  else if (key === '--timed') options.timed = Number(value);
  else {
    console.error(`unknown argument ${arg}\nusage: node bench/run.mjs [--quick] [--only=a,b] [--timed=SECONDS] [--strict] [--tasks-only]`);
    process.exit(2);
  }
}
for (const c of options.only) if (!CONTENDERS.includes(c)) throw new Error(`unknown contender ${c} (${CONTENDERS.join(', ')})`);
const preset = { ...PRESETS[options.quick ? 'quick' : 'default'] };
if (options.timed) preset.sliceSeconds = options.timed / preset.rounds;
const timedSeconds = preset.rounds * preset.sliceSeconds;

const log = (message) => process.stderr.write(`\x1b[1m[bench]\x1b[0m ${message}\n`);
const int = (x) => Math.round(x).toLocaleString('en-US');

// Each contender → the command of its own process.
function command(contender, config = {}) {
  const job = {
    cell: config.cell, hidden: config.hidden, layers: config.layers, seq: config.seq, batch: config.batch,
    warmupSeconds: preset.warmupSeconds, warmupCalls: preset.warmupCalls, timedSeconds, interleaved: true,
    corpus: CORPUS_PATH,
  };
  const node = (script, extra = {}) => [process.execPath, [here(`contenders/${script}`), JSON.stringify({ ...job, ...extra })]];
  switch (contender) {
    case 'project-wasm': return node('project-wasm.mjs');
    case 'project-native': return [NATIVE_BINARY, [
      '--corpus', CORPUS_PATH, '--cell', config.cell, '--hidden', config.hidden, '--layers', config.layers,
      '--seq', config.seq, '--batch', config.batch, '--warmup-seconds', preset.warmupSeconds,
      '--warmup-steps', preset.warmupCalls, '--timed-seconds', timedSeconds, '--interleaved', 1].map(String)];
    case 'tfjs-wasm': return node('tfjs.mjs', { backend: 'wasm' });
    case 'tfjs-cpu': return node('tfjs.mjs', { backend: 'cpu' });
    case 'brainjs': return node('brainjs.mjs');
    case 'ceiling': return node('ceiling.mjs', preset.ceiling);
    default: throw new Error(`no command for ${contender}`);
  }
}

const SETUP_BUDGET = 300 + 6 * preset.warmupSeconds;   // seconds to build the model and warm up
const SLICE_BUDGET = 300 + 10 * preset.sliceSeconds;   // one step of the slowest peer may outlast a slice

// Starts and warms up each contender of one configuration in turn, then times them in rounds.
async function runConfiguration(config, contenders, wallClock) {
  const name = `${configName(config)}${config === HEAP_CONFIG ? ' (heap)' : ''}`;
  const entries = [];
  for (const contender of contenders) {
    const started = performance.now();
    log(`${name}: ${contender} — setting up and warming up`);
    const process_ = new Contender(contender, command(contender, config));
    const entry = { contender, process: process_, slices: [], started };
    entries.push(entry);
    try {
      await process_.waitFor(READY, SETUP_BUDGET);
    } catch (e) {
      entry.error = e.message;
      process_.kill();
      log(`   ${contender} FAILED: ${entry.error}`);
    }
    entry.setupSeconds = (performance.now() - started) / 1000;
  }
  for (let round = 1; round <= preset.rounds; ++round) {
    const rates = [];
    const timedSoFar = (e) => e.slices.reduce((a, x) => a + x.seconds, 0);
    for (const entry of entries.filter((e) => !e.error && timedSoFar(e) < timedSeconds)) {
      const before = cpuSnapshot(entry.process.child.pid);
      entry.process.send(`run ${preset.sliceSeconds}`);
      try {
        const slice = JSON.parse(await entry.process.waitFor(SLICE_PREFIX, SLICE_BUDGET));
        slice.otherLoad = otherCores(before, cpuSnapshot(entry.process.child.pid));
        entry.slices.push(slice);
        rates.push(`${entry.contender} ${int((slice.steps * stepChars(entry.contender, config)) / slice.seconds)}`);
      } catch (e) {
        entry.error = e.message;
        entry.process.kill();
        log(`   ${entry.contender} FAILED: ${entry.error}`);
      }
    }
    if (rates.length) log(`${name}: round ${round}/${preset.rounds}, chars/s: ${rates.join(', ')}`);
  }
  const runs = [];
  for (const entry of entries) {
    let result;
    if (!entry.error) {
      entry.process.send('finish');
      try {
        result = JSON.parse(await entry.process.waitFor(RESULT_PREFIX, 120));
      } catch (e) {
        entry.error = e.message;
      }
    }
    entry.process.kill();
    const timed = entry.slices.reduce((a, s) => a + s.seconds, 0);
    const otherLoad = entry.slices.every((s) => s.otherLoad !== null) && timed > 0
      ? entry.slices.reduce((a, s) => a + s.otherLoad * s.seconds, 0) / timed : null;
    wallClock.push({ run: `${entry.contender} ${name}`, setupSeconds: entry.setupSeconds, timedSeconds: timed });
    runs.push(withGflops(entry.error
      ? { contender: entry.contender, ...config, peers: undefined, error: entry.error }
      : { ...result, slices: entry.slices, otherLoad, setupSeconds: entry.setupSeconds }));
  }
  for (const run of runs)
    if (!run.error) log(`   ${run.contender.padEnd(14)} ${int(run.charsPerSec)} chars/s, ${run.gflops.toFixed(2)} GFLOP/s, ` +
      `loss ${run.lossBefore.toFixed(3)} → ${run.lossAfter.toFixed(3)}` +
      `${run.otherLoad === null ? '' : `, other programs used ${run.otherLoad.toFixed(2)} cores`}`);
  return runs;
}

// Characters one step trains (for the progress lines; the contenders count their own).
function stepChars(contender, config) {
  return contender === 'brainjs' ? config.seq + 1 : config.seq * config.batch;
}

async function measureCeiling() {
  const started = performance.now();
  const ceiling = new Contender('ceiling', command('ceiling'));
  try {
    return { ...JSON.parse(await ceiling.waitFor(RESULT_PREFIX, 120)), seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    return { error: e.message };
  } finally {
    ceiling.kill();
  }
}

if (options.only.includes('project-native') && !existsSync(NATIVE_BINARY))
  throw new Error(`${NATIVE_BINARY} is missing: build it with scripts/bench.sh (or scripts/build-core.sh native)`);
const groups = [...CONFIGS, HEAP_CONFIG]
  .map((config) => ({ config, contenders: ['project-wasm', 'project-native', ...config.peers].filter((c) => options.only.includes(c)) }))
  .map((g) => (g.config === HEAP_CONFIG ? { ...g, contenders: g.contenders.filter((c) => c === 'project-wasm') } : g))
  .filter((g) => g.contenders.length > 0 && !options.tasksOnly);

const { vocab, text } = loadCorpus();
log(`${options.quick ? 'QUICK (harness check, not a measurement)' : 'default'} mode: warm-up ≥ ${preset.warmupCalls} calls and ` +
  `${preset.warmupSeconds} s each, then ${preset.sliceSeconds} s slices in turns until each has ${timedSeconds} s timed ` +
  `per contender, taking turns; corpus ${text.length} chars, V=${vocab.length}`);

const started = performance.now();
const wallClock = [];
// The ceiling before and after everything: the best of the two, so a busy moment cannot lower the bar.
log('ceiling: wasm SIMD GEMM microkernel');
const ceilings = [await measureCeiling()];
const runs = [];
for (const { config, contenders } of groups) runs.push(...(await runConfiguration(config, contenders, wallClock)));
ceilings.push(await measureCeiling());
const taskPlatforms = ['project-wasm', 'project-native'].filter((c) => options.only.includes(c));
const tasks = taskPlatforms.length
  ? await runTaskBenchmark({ platforms: taskPlatforms, preset, timedSeconds, nativeBinary: NATIVE_BINARY, log })
  : null;
for (const c of ceilings) if (c.error) log(`ceiling FAILED: ${c.error}`);
const measured = ceilings.filter((c) => !c.error);
const ceiling = measured.sort((a, b) => b.ceilingGflops - a.ceilingGflops)[0] ?? ceilings[0];
const ceilingGflops = ceiling.error ? null : ceiling.ceilingGflops;
if (ceilingGflops) log(`ceiling: ${measured.map((c) => c.ceilingGflops.toFixed(1)).join(' and ')} GFLOP/s (best 100 ms slice, first and last)`);

const targets = evaluateTargets(runs, ceilingGflops);
const totalSeconds = (performance.now() - started) / 1000;
const out = [
  '',
  `char-RNN playground benchmark${options.quick ? ' — QUICK MODE: harness check only, numbers are not measurements' : ''}`,
  `one-hot(V=${vocab.length}) → cell(H) → linear(V) → softmax CE, Adam lr 2e-3 (brain.js: RMSprop), no clipping, no dropout,`,
  `full BPTT over each window of T, state carried across windows (stateful) except brain.js (stateless);`,
  `corpus bench/corpus/corpus.txt (${text.length} chars); every contender single-threaded, in its own process,`,
  `timed ≥ ${timedSeconds} s in slices of ${preset.sliceSeconds} s, taking turns with the other contenders of its configuration.`,
  `FLOP model: ${FLOP_MODEL}`,
  `ceiling: ${ceilingGflops ? ceilingGflops.toFixed(1) : 'n/a'} GFLOP/s (wasm SIMD f32x4 4×8 GEMM microkernel, em++ -O3 -msimd128, node ${process.versions.node})`,
  '',
  resultsTable(runs, ceilingGflops),
  '',
  ratiosTable(runs),
  '',
  targetsTable(targets),
  gatherNote(runs, ceilingGflops),
  ...(tasks ? ['', tasksTable(tasks)] : []),
  busyNote(runs),
  '',
  `total ${totalSeconds.toFixed(0)} s; per run, setup + warm-up / timed: ` +
    wallClock.map((w) => `${w.run} ${w.setupSeconds.toFixed(0)}/${w.timedSeconds.toFixed(0)} s`).join(', '),
];
console.log(out.join('\n'));

writeFileSync(here('results.json'), JSON.stringify({ ...resultsJson(runs, ceilingGflops), tasks }, null, 2) + '\n');
writeFileSync(here('results-details.json'), JSON.stringify({
  mode: options.quick ? 'quick' : 'default', preset, flopModel: FLOP_MODEL, ceiling, ceilings, targets, runs, tasks, wallClock,
  totalSeconds, machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.versions.node, v8: process.versions.v8 },
}, null, 2) + '\n');
log('wrote bench/results.json (issue 4 schema) and bench/results-details.json (everything)');

const failedRuns = runs.filter((r) => r.error).length + ceilings.filter((c) => c.error).length +
  (tasks?.runs.filter((r) => r.error).length ?? 0);
if (failedRuns) process.exit(1);
if (options.strict && [...targets, ...(tasks?.targets ?? [])].some((t) => t.pass === false)) process.exit(2);
