// Runs every kind of work once on small throwaway models before the page is told the engine is ready.
// V8 first runs WebAssembly with its baseline compiler and recompiles hot functions with its optimizing
// tier on background threads. Left to the first second of a person's training run, that recompilation
// takes the CPU the page needs to stay smooth (on two cores: the worker trains on one, the compiler and
// the page share the other). Done here, it happens while the page is still loading.
import type { CoreModule, SessionSettings } from '../../generated/core.mjs';

const WARM_TEXT = 'the quick brown fox jumps over the lazy dog; (nested [brackets] "and quotes")\n'.repeat(24);
const BUDGET_MS = 90;  // training time per cell type

export function warmUp(module: CoreModule): void {
  for (const cell of ['lstm', 'gru', 'rnn'] as const) {
    const settings: SessionSettings = {
      task: 'lm', bidirectional: false, nonlinearity: 'tanh', cell, hiddenSize: 48, numLayers: 2, forgetBiasOne: true, valFrac: 0.1, seqLen: 24, batch: 8,
      optimizer: 'adam', learningRate: 0.003, clip: 5, dropout: 0.1, seed: 1,
    };
    const session = new module.Session();
    try {
      if (!session.create(WARM_TEXT, settings).ok) continue;
      const started = performance.now();
      while (performance.now() - started < BUDGET_MS) if (!session.trainSlice(8, BUDGET_MS).ok) break;
      session.reconfigure({ ...settings, seqLen: 16 });
      session.trainSlice(1, BUDGET_MS);
      session.validate(2000);
      session.sample('the', 64, 0.8, 0, 1);
      session.probeReset();
      session.probeFeed('the quick');
      session.probeProbabilities(1);
      session.inspect('the quick brown fox', 3);
      const saved = session.save(true);
      if (saved.ok) {
        const again = new module.Session();
        again.load(saved.bytes, WARM_TEXT, settings, true);
        again.delete();
      }
    } finally {
      session.delete();
    }
  }
}
