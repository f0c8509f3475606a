// The training worker's script, and the one copy of it that boot.ts starts before the playground's own
// script has even arrived. Started there, the wasm module downloads, compiles and warms up
// (worker/warmup.ts) on another core while the page loads and builds its panels; started at the end
// of main.ts, as it was, it waited for all of that: about 0.7 s longer before Train could be pressed
// (1.75 s in all, headless Chromium on a 2-core machine). What the worker says before the page listens
// is held and handed over in order.
export const spawnTrainingWorker = (): Worker => new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });

export interface EarlyWorker {
  worker: Worker;
  // Stops holding and passes on, in order, every event the worker sent before.
  handOver(listen: (e: Event) => void): void;
}

const KINDS = ['message', 'messageerror', 'error'] as const;
let early: EarlyWorker | undefined;

export function startTrainingWorkerEarly(): void {
  try {
    const worker = spawnTrainingWorker();
    const held: Event[] = [];
    // An error is the page's to report, once it listens: kept from reaching the window meanwhile.
    const hold = (e: Event) => {
      if (e.type === 'error') e.preventDefault();
      held.push(e);
    };
    for (const kind of KINDS) worker.addEventListener(kind, hold);
    early = {
      worker,
      handOver(listen) {
        for (const kind of KINDS) worker.removeEventListener(kind, hold);
        for (const e of held.splice(0)) listen(e);
      },
    };
  } catch {
    // A browser that will not start it now: the bridge starts its own, and says so if that fails too.
  }
}

// The early worker, to the first caller only: a restart after a crash starts a fresh one.
export function takeEarlyTrainingWorker(): EarlyWorker | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
