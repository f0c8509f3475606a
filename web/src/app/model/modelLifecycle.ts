// The model's lifecycle: the engine starting (and restarting after a crash), a model being built from
// a text or opened from a file, training, pausing, stepping, stopping by itself — and the loss curve
// and pace of the run. It owns the worker's events; the rest of the page hears this one typed stream.
import type { ModelSummary } from '../../../generated/core.mjs';
import { RequestFailed, type Progress, type Settings, type Stop, type WorkerError } from '../../protocol';
import type { EngineView } from '../../ui/header/engineBadge';
import type { RunPhase } from '../../ui/runbar/runBar';
import { Emitter } from '../../util/emitter';
import { LossHistory } from './lossHistory';
import type { ModelWorker } from './modelWorker';
import { workerCount } from '../../state/workers';
import { trainingShape } from '../../state/workerMemory';
import { Throughput } from './throughput';

export type LifecycleEvent =
  | { type: 'engine' }                 // the engine's state, SIMD set or memory changed
  | { type: 'phase' }                  // phase, step or "building" changed
  | { type: 'model'; summary: ModelSummary; step: number; text: string; file: OpenedFile | null }  // a new model is in use
  | { type: 'buildFailed'; error: WorkerError; file: OpenedFile | null }  // with a file: the previous model stays
  | { type: 'progress'; step: number; progress: Progress }
  | { type: 'paused'; step: number }
  | { type: 'stopped'; step: number; stop: Stop }
  | { type: 'trainingFailed'; message: string }
  | { type: 'workerLost'; message: string; workers: number }  // training goes on with `workers`
  | { type: 'crashed'; message: string }
  | { type: 'restarted' };             // the engine runs again (its first model follows at once)

// What happened to the run, for whoever keeps or reports it (autosave, an embedding host): the
// lifecycle's events and the validation losses the live panels measure.
export type RunEvent = LifecycleEvent | import('../live/liveRequests').LiveEvent;

export interface OpenedFile {
  name: string;
  meta: Record<string, string> | null;  // the file's metadata, when it could be read
}

// Where a new model's text and settings come from when the lifecycle builds one itself (the engine
// became ready, a reset).
export interface ModelSource {
  text(): string;
  settings(): Settings;
  workers(): string;  // the workers setting: 'auto' or a count (state/workers.ts)
}

interface Pending {
  run: number;
  text: string;
  train: boolean;
  file: OpenedFile | null;
  previousRun: number | null;  // a file that fails to open leaves this run's model in place
}

export class ModelLifecycle {
  readonly events = new Emitter<LifecycleEvent>();
  readonly history = new LossHistory();
  readonly throughput = new Throughput();
  engine: EngineView = { state: 'loading', simd: '', heapBytes: 0 };
  phase: RunPhase = 'starting';
  summary: ModelSummary | null = null;
  modelText = '';
  step = 0;
  // Models that train beside this one now (the compare view's): auto gives each of them a core.
  sideModels: () => number = () => 0;
  private pending: Pending | null = null;
  private rebuildDue = false;   // the text changed; a new model follows once typing pauses
  private restarting = false;

  constructor(private readonly worker: ModelWorker, private readonly source: ModelSource) {
    worker.on('ready', (e) => {
      this.engine = { state: 'running', simd: e.simd, heapBytes: e.heapBytes };
      this.events.emit({ type: 'engine' });
      this.build(false);
    });
    worker.on('progress', (e) => this.onProgress(e.progress));
    worker.on('paused', (e) => {
      this.setStep(e.step);
      this.events.emit({ type: 'paused', step: e.step });
    });
    worker.on('stopped', (e) => {
      this.setStep(e.step);
      if (e.stop.restoredStep !== null) this.history.truncateAfter(e.stop.restoredStep);
      this.setPhase('ready');
      this.events.emit({ type: 'stopped', step: e.step, stop: e.stop });
    });
    worker.on('trainingFailed', (e) => {
      this.setStep(e.step);
      this.setPhase('ready');
      this.events.emit({ type: 'trainingFailed', message: e.message });
    });
    worker.on('workerLost', (e) => this.events.emit({ type: 'workerLost', message: e.message, workers: e.workers }));
    worker.onCrash((message) => this.crashed(message));
  }

  // A new model is being built, or will be once typing pauses: nothing to train yet.
  get building(): boolean {
    return this.pending !== null || this.rebuildDue;
  }

  // Nothing learned would be lost by a new model: none yet, one that has not trained, or a blocked text.
  get canRebuildFreely(): boolean {
    return !this.summary || this.step === 0 || this.phase === 'blocked';
  }

  // The text changed and a new model will follow: until then the old one must not train on.
  set rebuildScheduled(due: boolean) {
    this.rebuildDue = due;
    this.events.emit({ type: 'phase' });
  }

  // A new model from a text and settings; replies about the old one are dropped from now on.
  build(train: boolean, text = this.source.text(), settings = this.source.settings()): void {
    if (this.engine.state !== 'running') return;
    this.rebuildDue = false;
    const run = this.worker.newRun();
    this.pending = { run, text, train, file: null, previousRun: null };
    this.worker.command('pause');  // the old model must not train on while the new one is built
    this.worker.request('create', { text, settings }, { handleErrors: true }).then(
      (r) => this.created(run, r.summary),
      (e: unknown) => this.buildFailed(run, e),
    );
    this.events.emit({ type: 'phase' });
  }

  // A model file, as if picked (or restored from the browser): the text on the page trains it on.
  open(file: OpenedFile, bytes: ArrayBuffer, text: string, settings: Settings): void {
    if (this.phase === 'starting' || this.phase === 'failed') return;
    const previousRun = this.summary && !this.pending ? this.worker.run : null;
    const run = this.worker.newRun();
    this.pending = { run, text, train: false, file, previousRun };
    if (this.phase === 'training') this.setPhase('ready');
    this.worker.command('pause');
    this.worker.request('load', { bytes, text, settings, resumeOptimizer: true }, { transfer: [bytes], handleErrors: true }).then(
      (r) => this.created(run, r.summary),
      (e: unknown) => this.buildFailed(run, e),
    );
  }

  train(): boolean {
    if (this.phase !== 'ready' || !this.summary || this.building) return false;
    this.setPhase('training');
    this.startTraining();
    return true;
  }

  pause(): boolean {
    if (this.phase !== 'training') return false;
    if (this.pending) this.pending.train = false;  // a model being built starts paused, then
    this.worker.command('pause');
    this.setPhase('ready');
    return true;
  }

  stepOnce(): boolean {
    if (!this.summary || this.building) return false;
    if (this.phase === 'training') this.setPhase('ready');
    this.sendWorkers();
    this.worker.command('step');
    return true;
  }

  restartEngine(): void {
    this.engine = { state: 'loading', simd: '', heapBytes: 0 };
    this.setPhase('starting');
    this.restarting = true;
    this.worker.restart();
    this.events.emit({ type: 'engine' });
  }

  // New sequence length, batch or optimizer for the trained model (weights kept). Rejects with the
  // core's reason (e.g. memory) and the model stays as it was.
  async reconfigure(settings: Settings): Promise<void> {
    const r = await this.worker.request('reconfigure', { settings }, { handleErrors: true });
    this.setStep(r.step);
  }

  // The workers setting changed: the running training takes the new count at its next step.
  workersChanged(): void {
    if (this.summary) this.sendWorkers();
  }

  updateTraining(learningRate: number, clip: number, dropout: number): void {
    if (this.summary) void this.worker.request('updateTraining', { learningRate, clip, dropout });
  }

  // The model with its optimizer and training state, as a model file's bytes.
  async modelBytes(): Promise<Uint8Array> {
    if (!this.summary || this.pending) throw new Error('no model to save yet');
    return (await this.worker.request('save', { withOptimizer: true }, { handleErrors: true })).bytes;
  }

  private created(run: number, summary: ModelSummary): void {
    const p = this.pending;
    if (!p || p.run !== run) return;
    this.pending = null;
    this.summary = summary;
    this.modelText = p.text;
    this.step = summary.step;
    this.history.clear();
    this.throughput.clear();
    this.setPhase(p.train ? 'training' : 'ready');
    if (p.train) this.startTraining();
    if (this.restarting) {
      this.restarting = false;
      this.events.emit({ type: 'restarted' });
    }
    this.events.emit({ type: 'model', summary, step: summary.step, text: p.text, file: p.file });
  }

  private buildFailed(run: number, e: unknown): void {
    const p = this.pending;
    if (!p || p.run !== run) return;
    this.pending = null;
    const error: WorkerError = e instanceof RequestFailed ? e.error : { message: String(e) };
    if (p.file && p.previousRun !== null && this.summary) {
      this.worker.resumeRun(p.previousRun);  // the previous model is still in the worker, paused
      this.setPhase('ready');
    } else {
      this.summary = null;
      this.setPhase(this.engine.state === 'running' ? 'blocked' : this.phase);
    }
    this.events.emit({ type: 'buildFailed', error, file: p.file });
  }

  private onProgress(p: Progress): void {
    this.history.append(p.losses, p.step);
    this.throughput.add(p.wallMillis, p.trainMillis, p.characters);
    this.step = p.step;
    if (this.engine.heapBytes !== p.heapBytes || this.engine.workerHeapBytes?.length !== p.workerHeapBytes.length) {
      this.engine = { ...this.engine, heapBytes: p.heapBytes, workerHeapBytes: p.workerHeapBytes };
      this.events.emit({ type: 'engine' });
    }
    this.events.emit({ type: 'progress', step: p.step, progress: p });
  }

  private crashed(message: string): void {
    this.engine = { state: 'failed', simd: '', heapBytes: 0 };
    this.summary = null;
    this.pending = null;
    this.setPhase('failed');
    this.events.emit({ type: 'engine' });
    this.events.emit({ type: 'crashed', message });
  }

  private startTraining(): void {
    this.throughput.restartWindow();
    this.sendWorkers();
    this.worker.command('train');
  }

  // Sent before every start and step, so auto follows what else trains now (the compare view's models)
  // and how big the model is (all workers' memory within the budget).
  private sendWorkers(): void {
    const shape = this.summary ? trainingShape(this.summary, this.source.settings(), this.modelText) : undefined;
    const count = workerCount(this.source.workers(), navigator.hardwareConcurrency, this.sideModels(), shape);
    void this.worker.request('setWorkers', { count });
  }

  private setStep(step: number): void {
    this.step = step;
    this.events.emit({ type: 'phase' });
  }

  private setPhase(phase: RunPhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    this.events.emit({ type: 'phase' });
  }
}
