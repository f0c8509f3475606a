// The benchmark of issue 4: every contender trains every configuration in its own process, one after
// the other (single-threaded each, nothing else running), then one table, the ratios against the
// issue's targets, bench/results.json (the issue's schema) and bench/results-details.json (everything).
// Run through `npm run bench` (scripts/bench.sh builds and installs first).
//   node bench/run.mjs [--quick] [--only=project-wasm,tfjs-wasm,…] [--timed=SECONDS] [--strict]
//     --quick   ~1 s per run: checks that the harness works; its numbers are not measurements
//     --only    run only these contenders (the ceiling always runs)
//     --timed   timed seconds per run instead of the preset's
//     --strict  exit 2 when a target fails (exit 1 always means a contender could not run)
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { CONFIGS, CONTENDERS, HEAP_CONFIG, PRESETS, FLOP_MODEL, configName } from './lib/configs.mjs';
import { busyNote, evaluateTargets, gatherNote, ratiosTable, resultsJson, resultsTable, targetsTable, withGflops } from './lib/report.mjs';
import { CORPUS_PATH, loadCorpus } from './lib/text.mjs';
import { cpuSnapshot, otherCores } from './lib/cpuload.mjs';
import { RESULT_PREFIX } from './lib/timing.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const NATIVE_BINARY = here('../build/native/bench/charrnn_bench_native');

const options = { quick: false, only: CONTENDERS, timed: null, strict: false };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.split('=');
  if (key === '--quick') options.quick = true;
  else if (key === '--strict') options.strict = true;
  else if (key === '--only') options.only = value.split(',');
  else if (key === '--timed') options.timed = Number(value);
  else {
    console.error(`unknown argument ${arg}\nusage: node bench/run.mjs [--quick] [--only=a,b] [--timed=SECONDS] [--strict]`);
    process.exit(2);
  }
}
for (const c of options.only) if (!CONTENDERS.includes(c)) throw new Error(`unknown contender ${c} (${CONTENDERS.join(', ')})`);
const preset = { ...PRESETS[options.quick ? 'quick' : 'default'] };
if (options.timed) preset.timedSeconds = options.timed;

const log = (message) => process.stderr.write(`\x1b[1m[bench]\x1b[0m ${message}\n`);

// Each job → the command of its own process.
function command(contender, config = {}) {
  const job = {
    cell: config.cell, hidden: config.hidden, layers: config.layers, seq: config.seq, batch: config.batch,
    warmupSeconds: preset.warmupSeconds, warmupCalls: preset.warmupCalls, timedSeconds: preset.timedSeconds,
    corpus: CORPUS_PATH,
  };
  const node = (script, extra = {}) => [process.execPath, [here(`contenders/${script}`), JSON.stringify({ ...job, ...extra })]];
  switch (contender) {
    case 'project-wasm': return node('project-wasm.mjs');
    case 'project-native': return [NATIVE_BINARY, [
      '--corpus', CORPUS_PATH, '--cell', config.cell, '--hidden', config.hidden, '--layers', config.layers,
      '--seq', config.seq, '--batch', config.batch, '--warmup-seconds', preset.warmupSeconds,
      '--warmup-steps', preset.warmupCalls, '--timed-seconds', preset.timedSeconds].map(String)];
    case 'tfjs-wasm': return node('tfjs.mjs', { backend: 'wasm' });
    case 'tfjs-cpu': return node('tfjs.mjs', { backend: 'cpu' });
    case 'brainjs': return node('brainjs.mjs');
    case 'ceiling': return node('ceiling.mjs', preset.ceiling);
    default: throw new Error(`no command for ${contender}`);
  }
}

function runProcess([file, args], timeoutSeconds) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: here('.'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.on('error', (e) => { clearTimeout(timer); resolve({ error: e.message }); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
      else resolve({ error: `exit ${code ?? signal}${signal === 'SIGKILL' ? ' (timed out)' : ''}: ${(stderr.trim() || stdout.trim()).split('\n').slice(-3).join(' | ')}` });
    });
  });
}

const jobs = [];
for (const config of CONFIGS)
  for (const contender of ['project-wasm', 'project-native', ...config.peers])
    if (options.only.includes(contender)) jobs.push({ contender, config });
if (options.only.includes('project-wasm')) jobs.push({ contender: 'project-wasm', config: HEAP_CONFIG });
if (options.only.includes('project-native') && !existsSync(NATIVE_BINARY))
  throw new Error(`${NATIVE_BINARY} is missing: build it with scripts/bench.sh (or scripts/build-core.sh native)`);

const { vocab, text } = loadCorpus();
log(`${options.quick ? 'QUICK (harness check, not a measurement)' : 'default'} mode: warm-up ≥ ${preset.warmupCalls} calls and ` +
  `${preset.warmupSeconds} s, then ≥ ${preset.timedSeconds} s timed per run; corpus ${text.length} chars, V=${vocab.length}; ` +
  `${jobs.length + 1} runs, one process each, one after the other`);

const started = performance.now();
const wallClock = [];
log('ceiling: wasm SIMD GEMM microkernel');
let t0 = performance.now();
const ceiling = await runProcess(command('ceiling'), 120);
wallClock.push({ run: 'ceiling', seconds: (performance.now() - t0) / 1000 });
if (ceiling.error) log(`ceiling FAILED: ${ceiling.error}`);
else log(`ceiling: ${ceiling.ceilingGflops.toFixed(1)} GFLOP/s (best slice; mean ${ceiling.meanGflops.toFixed(1)})`);
const ceilingGflops = ceiling.error ? null : ceiling.ceilingGflops;

const runs = [];
for (const [i, { contender, config }] of jobs.entries()) {
  const name = `${configName(config)}${config === HEAP_CONFIG ? ' (heap)' : ''}`;
  log(`${i + 1}/${jobs.length} ${contender.padEnd(14)} ${name} …`);
  t0 = performance.now();
  const budget = 300 + 6 * (preset.warmupSeconds + preset.timedSeconds);
  const cpuBefore = cpuSnapshot();
  const result = await runProcess(command(contender, config), budget);
  const seconds = (performance.now() - t0) / 1000;
  const otherLoad = otherCores(cpuBefore, cpuSnapshot());
  wallClock.push({ run: `${contender} ${name}`, seconds });
  const run = withGflops(result.error ? { contender, ...config, peers: undefined, error: result.error } : { ...result, otherLoad });
  runs.push(run);
  if (run.error) log(`   FAILED after ${seconds.toFixed(1)} s: ${run.error}`);
  else log(`   ${Math.round(run.charsPerSec).toLocaleString('en-US')} chars/s, ${run.gflops.toFixed(2)} GFLOP/s, ` +
    `loss ${run.lossBefore.toFixed(3)} → ${run.lossAfter.toFixed(3)} (${seconds.toFixed(1)} s in all` +
    `${otherLoad === null ? '' : `, other programs used ${otherLoad.toFixed(2)} cores`})`);
}

const targets = evaluateTargets(runs, ceilingGflops);
const totalSeconds = (performance.now() - started) / 1000;
const out = [
  '',
  `char-RNN playground benchmark${options.quick ? ' — QUICK MODE: harness check only, numbers are not measurements' : ''}`,
  `one-hot(V=${vocab.length}) → cell(H) → linear(V) → softmax CE, Adam lr 2e-3 (brain.js: RMSprop), no clipping, no dropout,`,
  `full BPTT over each window of T, state carried across windows (stateful) except brain.js (stateless);`,
  `corpus bench/corpus/corpus.txt (${text.length} chars); every contender single-threaded, in its own process.`,
  `FLOP model: ${FLOP_MODEL}`,
  `ceiling: ${ceilingGflops ? ceilingGflops.toFixed(1) : 'n/a'} GFLOP/s (wasm SIMD f32x4 4×8 GEMM microkernel, em++ -O3 -msimd128, node ${process.versions.node})`,
  '',
  resultsTable(runs, ceilingGflops),
  '',
  ratiosTable(runs),
  '',
  targetsTable(targets),
  gatherNote(runs, ceilingGflops),
  busyNote(runs),
  '',
  `total ${totalSeconds.toFixed(0)} s (${wallClock.map((w) => `${w.run} ${w.seconds.toFixed(0)} s`).join(', ')})`,
];
console.log(out.join('\n'));

writeFileSync(here('results.json'), JSON.stringify(resultsJson(runs, ceilingGflops), null, 2) + '\n');
writeFileSync(here('results-details.json'), JSON.stringify({
  mode: options.quick ? 'quick' : 'default', preset, flopModel: FLOP_MODEL, ceiling, targets, runs, wallClock,
  totalSeconds, machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.versions.node, v8: process.versions.v8 },
}, null, 2) + '\n');
log('wrote bench/results.json (issue 4 schema) and bench/results-details.json (everything)');

const failedRuns = runs.filter((r) => r.error).length + (ceiling.error ? 1 : 0);
if (failedRuns) process.exit(1);
if (options.strict && targets.some((t) => t.pass === false)) process.exit(2);
