// The model the worker trains, with what the core does not keep for us: the text it was built from
// (a model file plus the text rebuilds it), a step count that survives rebuilding, and a checkpoint of
// weights taken while the loss was sane, to go back to when a run blows up.
import type { Core, CoreModule, ModelSummary, Result } from '../../generated/core.mjs';
import type { Settings } from '../protocol';
import { DivergenceGuard } from './divergence';

// Checkpoints copy weights and optimizer state out of wasm memory; above this size the copy is no
// longer cheap next to a training slice, so big models go without.
const MAX_CHECKPOINT_PARAMETERS = 4_000_000;
const MIN_CHECKPOINT_INTERVAL_MS = 2000;

interface Checkpoint {
  bytes: Uint8Array;  // safetensors with optimizer state
  step: number;
}

export type Built = { ok: true; model: TrainedModel; summary: ModelSummary } | { ok: false; error: string };

export class TrainedModel {
  readonly guard: DivergenceGuard;
  private checkpoint: Checkpoint | undefined;
  private sinceCheckpointMs = 0;
  private checkpointIntervalMs = MIN_CHECKPOINT_INTERVAL_MS;
  private stepBase = 0;  // steps done before the core object was last rebuilt
  private coreStep = 0;  // steps the current core object has done

  private constructor(
    private readonly module: CoreModule,
    public core: Core,
    readonly runId: number,
    readonly text: string,
    public settings: Settings,
    readonly summary: ModelSummary,
  ) {
    this.guard = new DivergenceGuard(summary.vocab.length);
  }

  static create(module: CoreModule, runId: number, text: string, settings: Settings): Built {
    return TrainedModel.build(module, runId, text, settings, (core) => core.create(text, settings));
  }

  static load(module: CoreModule, runId: number, bytes: Uint8Array, text: string, settings: Settings, resume: boolean): Built {
    return TrainedModel.build(module, runId, text, settings, (core) => core.load(bytes, text, settings, resume));
  }

  private static build(
    module: CoreModule, runId: number, text: string, settings: Settings, make: (core: Core) => Result<ModelSummary>,
  ): Built {
    const core = new module.Core();
    const r = make(core);
    if (!r.ok) {
      core.delete();
      return r;
    }
    const model = new TrainedModel(module, core, runId, text, settings, r);
    model.coreStep = r.step;
    model.takeCheckpoint();
    return { ok: true, model, summary: r };
  }

  get step(): number {
    return this.stepBase + this.coreStep;
  }

  noteCoreStep(coreStep: number): void {
    this.coreStep = coreStep;
  }

  get charsPerStep(): number {
    return this.settings.batch * this.settings.seqLen;
  }

  get parameters(): number {
    return this.summary.parameters;
  }

  // Rebuilds the core from its own weights with new trainer settings (sequence length, batch,
  // optimizer). Loading with the optimizer state on the same text would continue the saved run with
  // its saved settings (core load()), so the optimizer starts afresh here; the weights stay.
  reconfigure(settings: Settings): Result<object> {
    const saved = this.core.save(false);
    if (!saved.ok) return saved;
    return this.rebuild(saved.bytes, settings, false, this.step);
  }

  // Goes back to the last checkpoint — the saved run itself: weights, optimizer state, place in the
  // text — and returns the step it was taken at, or null without one.
  restoreCheckpoint(): number | null {
    const c = this.checkpoint;
    if (!c) return null;
    const r = this.rebuild(c.bytes, this.settings, true, c.step);
    return r.ok ? c.step : null;
  }

  // Counts training time and takes a checkpoint now and then while the loss is sane.
  afterSlice(wallMillis: number): void {
    this.sinceCheckpointMs += wallMillis;
    if (this.sinceCheckpointMs >= this.checkpointIntervalMs && this.guard.healthy) this.takeCheckpoint();
  }

  delete(): void {
    this.core.delete();
    this.checkpoint = undefined;
  }

  private rebuild(bytes: Uint8Array, settings: Settings, resume: boolean, atStep: number): Result<object> {
    const next = new this.module.Core();
    const r = next.load(bytes, this.text, settings, resume);
    if (!r.ok) {
      next.delete();
      return r;
    }
    // A resumed optimizer brings back the learning rate saved with it; the page's current one wins.
    const live = next.updateTraining(settings.learningRate, settings.clip, settings.dropout);
    if (!live.ok) {
      next.delete();
      return live;
    }
    this.core.delete();
    this.core = next;
    this.settings = settings;
    // An exact resume brings its own step count back; a fresh trainer counts from 0.
    this.stepBase = atStep - r.step;
    this.coreStep = r.step;
    this.guard.reset();
    return { ok: true };
  }

  private takeCheckpoint(): void {
    this.sinceCheckpointMs = 0;
    if (this.summary.parameters > MAX_CHECKPOINT_PARAMETERS || !this.summary.canTrain) return;
    const started = performance.now();
    const saved = this.core.save(true);
    if (!saved.ok) return;
    this.checkpoint = { bytes: saved.bytes, step: this.step };
    // Keep checkpointing under ~2% of training time.
    this.checkpointIntervalMs = Math.max(MIN_CHECKPOINT_INTERVAL_MS, 50 * (performance.now() - started));
  }
}
