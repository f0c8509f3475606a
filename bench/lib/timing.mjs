// The one measuring protocol every JS contender follows (the native program mirrors it in C++):
// warm-up calls until both a minimum count and a minimum time have passed, then timed calls until at
// least `timedSeconds` have passed. Time goes through REPEATED calls: V8 replaces a function by its
// optimized tier only between calls, so one long call can stay on the baseline tier (TOOLCHAIN.md).
// Each call trains one or more steps and returns their losses (nats per character, computed by the
// forward pass before that step's update).
//   lossBefore: the first step's loss (initial weights, first window)
//   lossAfter:  the mean loss of the last LOSS_TAIL steps
export const LOSS_TAIL = 10;

export async function measure(trainCall, { warmupSeconds, warmupCalls, timedSeconds, afterWarmup }) {
  const losses = [];
  let calls = 0;
  const warmStart = performance.now();
  while (calls < warmupCalls || performance.now() - warmStart < warmupSeconds * 1000) {
    losses.push(...(await trainCall()));
    ++calls;
  }
  const warmup = { calls, steps: losses.length, seconds: (performance.now() - warmStart) / 1000 };
  if (afterWarmup) await afterWarmup();

  calls = 0;
  const timedStart = performance.now();
  let elapsed = 0;
  while (elapsed < timedSeconds * 1000) {
    losses.push(...(await trainCall()));
    ++calls;
    elapsed = performance.now() - timedStart;
  }
  const tail = losses.slice(-LOSS_TAIL);
  return {
    warmupCalls: warmup.calls,
    warmupSteps: warmup.steps,
    warmupSeconds: warmup.seconds,
    timedCalls: calls,
    timedSteps: losses.length - warmup.steps,
    timedSeconds: elapsed / 1000,
    lossBefore: losses[0],
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

export const RESULT_PREFIX = 'BENCH_RESULT ';

export function report(result) {
  process.stdout.write(RESULT_PREFIX + JSON.stringify(result) + '\n');
}
