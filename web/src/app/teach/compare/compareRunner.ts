// Compare cells: RNN, LSTM and GRU trained on the same text with the same seed and settings, each in a
// worker of its own. Two cores are shared with the page and the learner's own model, so the three take
// turns instead of competing: every turn the one furthest behind trains for TURN_MS, which also keeps
// their step counts close (a fair comparison is at equal steps: each has seen the same data).
import { comparePlan, type Cell, type ComparePlan } from './budget';
import type { Settings } from '../../../protocol';
import { LabModel } from '../labModel';
import { probeTargets } from '../../../presets/memory/memoryScore';
import type { MemoryProbe } from '../../../presets/memory/memoryTask';

const TURN_MS = 120;
const SAMPLE_EVERY_MS = 4000;
const SAMPLE_LENGTH = 160;

export interface CompareEntry {
  plan: ComparePlan;
  model: LabModel;
}

export class CompareRunner {
  entries: CompareEntry[] = [];
  running = false;
  mode: 'size' | 'budget' = 'budget';
  // The probe text's position whose dependence each model traces with its sample (the connectivity view's
  // question, side by side); null: none.
  trace: { text: string; position: number } | null = null;
  // A memory task's held-out text: each model is scored at its probe positions with its sample; null: none.
  memory: { text: string; probes: readonly MemoryProbe[] } | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private current: LabModel | null = null;
  private lastSample = 0;
  private temperature = 0.8;
  private seed = 1;

  constructor(private readonly spawn: () => Worker, private readonly changed: () => void) {}

  // Builds the three models (replacing any earlier ones) and starts their turns.
  start(text: string, base: Settings, vocabSize: number, mode: 'size' | 'budget', temperature: number): void {
    this.stop();
    this.mode = mode;
    this.temperature = temperature;
    this.seed = base.seed;
    const plans = comparePlan(mode, base.cell as Cell, base.hiddenSize, base.numLayers, vocabSize);
    this.entries = plans.map((plan) => {
      const model = new LabModel(this.spawn, this.changed);
      model.create(text, { ...base, cell: plan.cell, hiddenSize: plan.hidden });
      return { plan, model };
    });
    this.running = true;
    this.lastSample = performance.now();
    this.timer = setInterval(() => this.turn(), TURN_MS);
    this.changed();
  }

  pause(): void {
    this.running = false;
    clearInterval(this.timer);
    this.current?.pause();
    this.current = null;
    this.sampleAll();
    this.changed();
  }

  resume(): void {
    if (this.entries.length === 0 || this.running) return;
    this.running = true;
    this.timer = setInterval(() => this.turn(), TURN_MS);
    this.changed();
  }

  // Ends the workers (the view was closed).
  stop(): void {
    clearInterval(this.timer);
    for (const e of this.entries) e.model.stop();
    this.entries = [];
    this.current = null;
    this.running = false;
  }

  private turn(): void {
    const ready = this.entries.filter((e) => e.model.phase === 'ready' || e.model.phase === 'training');
    if (ready.length === 0) return;
    const laggard = ready.reduce((a, b) => (b.model.step < a.model.step ? b : a)).model;
    if (laggard !== this.current) {
      this.current?.pause();
      this.current = laggard;
      laggard.train();
    }
    const now = performance.now();
    if (now - this.lastSample > SAMPLE_EVERY_MS) {
      this.lastSample = now;
      this.sampleAll();
    }
  }

  private sampleAll(): void {
    // The same seed for all three: differences come from the models, not from the dice.
    for (const e of this.entries) e.model.requestSample(SAMPLE_LENGTH, this.temperature, this.seed);
    const q = this.trace;
    if (q) for (const e of this.entries) e.model.requestConnectivity(q.text, q.position);
    const m = this.memory;
    for (const e of m ? this.entries : []) {
      if (!m || e.model.vocab.length === 0) continue;
      const { positions, targets } = probeTargets(m.text, m.probes, e.model.vocab);
      e.model.requestMemory(m.text, positions, targets);
    }
  }
}
