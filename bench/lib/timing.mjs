// The one measuring protocol every JS contender follows (native/bench_native.cpp mirrors it in C++).
// Warm-up: calls until both a minimum count and a minimum time have passed. Then timed calls. Time goes
// through REPEATED calls: V8 replaces a function by its optimized tier only between calls, so one long
// call can stay on the baseline tier (TOOLCHAIN.md). Each call trains one or more steps and returns their
// losses (nats per character, from the forward pass before that step's update), or { losses, characters }
// when steps differ in size (classification's batches of lines): then slices count characters too.
//
// Interleaved (job.interleaved, what run.mjs uses): after the warm-up the contender prints BENCH_READY
// and waits; run.mjs then sends "run SECONDS" to each contender of a configuration in turn, round after
// round, and each answers BENCH_SLICE {steps, seconds}; "finish" ends it with BENCH_RESULT. So every
// contender is timed in slices spread over the same minutes, and a noisy neighbour hits them all alike:
// the ratios hold on a busy machine. Standalone (no job.interleaved): warm-up, then timedSeconds at once.
//   lossBefore: the first step's loss (initial weights, first window)
//   lossAfter:  the mean loss of the last LOSS_TAIL steps
import { createInterface } from 'node:readline';

export const LOSS_TAIL = 10;
export const READY = 'BENCH_READY';
export const SLICE_PREFIX = 'BENCH_SLICE ';
export const RESULT_PREFIX = 'BENCH_RESULT ';

export async function measure(trainCall, { warmupSeconds, warmupCalls, timedSeconds, interleaved, afterWarmup }) {
  let firstLoss, steps = 0, characters = 0;
  const tail = [];
  const call = async () => {
    const result = await trainCall();
    const losses = Array.isArray(result) ? result : result.losses;
    if (!Array.isArray(result)) characters += result.characters;
    if (steps === 0) firstLoss = losses[0];
    steps += losses.length;
    tail.push(...losses);
    if (tail.length > LOSS_TAIL) tail.splice(0, tail.length - LOSS_TAIL);
  };

  let calls = 0;
  const warmStart = performance.now();
  while (calls < warmupCalls || performance.now() - warmStart < warmupSeconds * 1000) {
    await call();
    ++calls;
  }
  const warmup = { calls, steps, seconds: (performance.now() - warmStart) / 1000 };
  if (afterWarmup) await afterWarmup();

  const timed = { calls: 0, seconds: 0, slices: [] };
  const slice = async (seconds) => {
    const before = steps, charactersBefore = characters;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < seconds * 1000) {
      await call();
      ++timed.calls;
      elapsed = performance.now() - start;
    }
    timed.seconds += elapsed / 1000;
    timed.slices.push({ steps: steps - before, seconds: elapsed / 1000, characters: characters - charactersBefore });
    return timed.slices.at(-1);
  };
  if (interleaved) {
    process.stdout.write(READY + '\n');
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      const [command, value] = line.trim().split(' ');
      if (command === 'run') process.stdout.write(SLICE_PREFIX + JSON.stringify(await slice(Number(value))) + '\n');
      else if (command === 'finish') break;
      else throw new Error(`unknown command "${line}"`);
    }
    lines.close();
  } else {
    await slice(timedSeconds);
  }

  return {
    warmupCalls: warmup.calls,
    warmupSteps: warmup.steps,
    warmupSeconds: warmup.seconds,
    timedCalls: timed.calls,
    timedSteps: steps - warmup.steps,
    timedSeconds: timed.seconds,
    timedCharacters: timed.slices.reduce((a, x) => a + x.characters, 0),  // 0 unless the calls count characters
    slices: timed.slices,
    steps,
    lossBefore: firstLoss,
    lossAfter: tail.reduce((a, b) => a + b, 0) / tail.length,
  };
}

// A contender process gets its configuration as one JSON argument and answers with one line.
export function readJob() {
  const job = JSON.parse(process.argv[2] ?? '{}');
  for (const key of ['cell', 'hidden', 'layers', 'seq', 'batch', 'warmupSeconds', 'warmupCalls', 'timedSeconds'])
    if (job[key] === undefined) throw new Error(`job is missing "${key}"`);
  return job;
}

export function report(result) {
  process.stdout.write(RESULT_PREFIX + JSON.stringify(result) + '\n');
}
