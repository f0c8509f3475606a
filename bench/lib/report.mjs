// Turns the contenders' result lines into the printed table, the ratios against issue 4's targets and
// the two JSON files. Pure functions of the results: no timing happens here.
import {
  CONFIGS, HEAP_CONFIG, HEAP_LIMIT_BYTES, FLOP_MODEL, configName, trainingFlopsPerChar, trainingFlopsPerCharOneHotAsGather,
} from './configs.mjs';

const sameConfig = (a, b) =>
  a.cell === b.cell && a.hidden === b.hidden && (a.layers ?? 1) === (b.layers ?? 1) && a.seq === b.seq && a.batch === b.batch;
const find = (runs, contender, config) => runs.find((r) => r.contender === contender && sameConfig(r, config) && !r.error);

export function withGflops(run) {
  if (run.error || run.charsPerSec === undefined) return run;
  const gflops = (run.charsPerSec * trainingFlopsPerChar(run)) / 1e9;
  if (!run.contender.startsWith('project')) return { ...run, gflops };
  return { ...run, gflops, gflopsOneHotAsGather: (run.charsPerSec * trainingFlopsPerCharOneHotAsGather(run)) / 1e9 };
}

// The project does the one-hot input projection as a gather: its model GFLOP/s can pass the GEMM ceiling.
export function gatherNote(runs, ceilingGflops) {
  const parts = runs
    .filter((r) => r.contender === 'project-wasm' && !r.error && r.batch > 1 && (r.layers ?? 1) === 1)
    .map((r) => `${configName(r)} ${r.gflopsOneHotAsGather.toFixed(1)}` +
      (ceilingGflops ? ` (${((100 * r.gflopsOneHotAsGather) / ceilingGflops).toFixed(0)}%)` : ''));
  return parts.length === 0 ? '' :
    'project-wasm GFLOP/s executed, one-hot projection counted as the gather it is (not a target): ' + parts.join(', ');
}

// Other programs' CPU use (in cores) during a run above which its numbers are flagged as disturbed.
const BUSY_CORES = 0.3;

export function busyNote(runs) {
  const busy = runs.filter((r) => !r.error && r.otherLoad > BUSY_CORES);
  return busy.length === 0 ? 'other load: CPU used by other programs during each run, in cores (from /proc); none was busy.'
    : `WARNING: other programs used > ${BUSY_CORES} cores during ${busy.length} run(s) (marked !): ` +
      'their numbers and ratios are disturbed; run again on a quiet machine.';
}

const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
const times = (x) => (x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`);
const int = (x) => Math.round(x).toLocaleString('en-US');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => (c < 2 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function resultsTable(runs, ceilingGflops) {
  const rows = [['configuration', 'contender', 'chars/s', 'GFLOP/s', '% ceiling', 'loss before → after', 'steps', 'peak wasm heap', 'wasm ÷ this', 'other load']];
  for (const config of [...CONFIGS, HEAP_CONFIG]) {
    const wasm = find(runs, 'project-wasm', config);
    for (const run of runs.filter((r) => sameConfig(r, config))) {
      const name = configName(config) + (config === HEAP_CONFIG ? ' (heap)' : '');
      if (run.error) {
        rows.push([name, run.contender, 'FAILED', '', '', run.error.split('\n')[0].slice(0, 60), '', '', '', '']);
        continue;
      }
      rows.push([
        name, run.contender, int(run.charsPerSec), run.gflops.toFixed(2),
        ceilingGflops ? `${((100 * run.gflops) / ceilingGflops).toFixed(1)}%` : 'n/a',
        `${run.lossBefore.toFixed(3)} → ${run.lossAfter.toFixed(3)}`, int(run.steps),
        run.peakHeapBytes ? mib(run.peakHeapBytes) : '–',
        wasm ? times(wasm.charsPerSec / run.charsPerSec) : 'n/a',
        run.otherLoad == null ? '?' : `${run.otherLoad.toFixed(2)}${run.otherLoad > BUSY_CORES ? ' !' : ''}`,
      ]);
    }
  }
  return table(rows);
}

// Issue 4's targets, each with what was measured; pass is null when a needed run is missing.
export function evaluateTargets(runs, ceilingGflops) {
  const targets = [];
  const add = (target, required, measured, pass) => targets.push({ target, required, measured, pass });
  const ratio = (a, b) => (a && b ? a.charsPerSec / b.charsPerSec : null);
  for (const config of CONFIGS.filter((c) => c.batch > 1)) {
    const r = ratio(find(runs, 'project-wasm', config), find(runs, 'tfjs-wasm', config));
    add(`project-wasm / tfjs-wasm, ${configName(config)}`, '≥ 10×', r === null ? 'n/a' : times(r), r === null ? null : r >= 10);
  }
  for (const config of CONFIGS.filter((c) => c.batch === 1)) {
    const peers = config.peers.map((p) => find(runs, p, config)).filter(Boolean);
    const best = peers.sort((a, b) => b.charsPerSec - a.charsPerSec)[0];
    const complete = peers.length === config.peers.length;
    const r = ratio(find(runs, 'project-wasm', config), best);
    add(`project-wasm / best peer${best ? ` (${best.contender})` : ''}, ${configName(config)}`, '≥ 10×',
      r === null ? 'n/a' : times(r) + (complete ? '' : ' (not every peer ran)'), r === null || !complete ? null : r >= 10);
  }
  for (const config of CONFIGS.filter((c) => c.batch > 1)) {
    const w = find(runs, 'project-wasm', config);
    const f = w && ceilingGflops ? w.gflops / ceilingGflops : null;
    add(`project-wasm GFLOP/s / ceiling, ${configName(config)}`, '≥ 50%',
      f === null ? 'n/a' : `${(100 * f).toFixed(1)}% (${w.gflops.toFixed(1)} of ${ceilingGflops.toFixed(1)})`, f === null ? null : f >= 0.5);
  }
  for (const config of CONFIGS) {
    const r = ratio(find(runs, 'project-wasm', config), find(runs, 'project-native', config));
    add(`project-wasm / project-native, ${configName(config)}`, '≥ 0.6×', r === null ? 'n/a' : times(r), r === null ? null : r >= 0.6);
  }
  const heap = find(runs, 'project-wasm', HEAP_CONFIG);
  add(`peak wasm heap, ${configName(HEAP_CONFIG)}, V=${heap?.vocab ?? '?'}`, `≤ ${mib(HEAP_LIMIT_BYTES)}`,
    heap ? mib(heap.peakHeapBytes) : 'n/a', heap ? heap.peakHeapBytes <= HEAP_LIMIT_BYTES : null);
  const project = runs.filter((r) => r.contender === 'project-wasm' && !r.error);
  const grown = project.filter((r) => r.heapAtEnd !== r.heapAfterWarmup);
  add('wasm heap flat over long training (after warm-up = at end, every project-wasm run)', 'no growth',
    project.length === 0 ? 'n/a'
      : grown.length === 0 ? `flat in ${project.length} runs (${int(Math.max(...project.map((r) => r.steps)))} steps at most)`
        : grown.map((r) => `${configName(r)}: ${mib(r.heapAfterWarmup)} → ${mib(r.heapAtEnd)}`).join('; '),
    project.length === 0 ? null : grown.length === 0);
  // The wasm heap grows in steps of ~20%, so it hides a slow leak until a step; the native build's malloc
  // counters are exact. A one-time allocation after warm-up up to this much is not called growth.
  const tolerance = 64 * 1024;
  const native = runs.filter((r) => r.contender === 'project-native' && !r.error && r.mallocInUseAtEnd !== undefined);
  const deltas = native.map((r) => ({ r, delta: r.mallocInUseAtEnd - r.mallocInUseAfterWarmup }));
  add(`core's malloc in use flat over long training (native, exact; ≤ ${tolerance / 1024} KiB)`, 'no growth',
    native.length === 0 ? 'n/a'
      : deltas.map(({ r, delta }) => `${delta >= 0 ? '+' : ''}${int(delta)} B`).join(', ') +
        ` over ${int(Math.min(...native.map((r) => r.timedSteps)))}–${int(Math.max(...native.map((r) => r.timedSteps)))} steps`,
    native.length === 0 ? null : deltas.every(({ delta }) => delta <= tolerance));
  return targets;
}

export function targetsTable(targets) {
  const mark = (p) => (p === null ? 'n/a' : p ? 'PASS' : 'FAIL');
  return table([['target', 'required', 'measured', 'result'], ...targets.map((t) => [t.target, t.required, t.measured, mark(t.pass)])]);
}

export function ratiosTable(runs) {
  const rows = [['configuration', 'ratio', 'value']];
  for (const config of CONFIGS) {
    const wasm = find(runs, 'project-wasm', config);
    if (!wasm) continue;
    for (const other of ['project-native', ...config.peers]) {
      const run = find(runs, other, config);
      if (run) rows.push([configName(config), `project-wasm / ${other}`, times(wasm.charsPerSec / run.charsPerSec)]);
    }
  }
  return table(rows);
}

// bench/results.json: exactly issue 4's schema (other tools read it).
export function resultsJson(runs, ceilingGflops) {
  return {
    ceilingGflops,
    runs: runs
      .filter((r) => !r.error && (r.layers ?? 1) === 1)
      .map((r) => ({
        contender: r.contender, cell: r.cell, hidden: r.hidden, seq: r.seq, batch: r.batch,
        charsPerSec: r.charsPerSec, gflops: r.gflops, lossBefore: r.lossBefore, lossAfter: r.lossAfter,
        peakHeapBytes: r.contender === 'project-wasm' ? r.peakHeapBytes : null,
      })),
  };
}

export { FLOP_MODEL };
