// A model of its own in a worker of its own, for the teaching views that train or inspect models
// beside the learner's (compare cells, forget-gate bias). It speaks the playground's worker protocol
// through a WorkerBridge, so the worker is the very same code; terminating it frees its wasm memory.
import type { ConnectivityResult, InspectionResult } from '../../../generated/core.mjs';
import { WorkerBridge } from '../../bridge/workerBridge';
import type { Settings } from '../../protocol';
import { LossHistory } from '../model/lossHistory';

export type LabPhase = 'starting' | 'building' | 'ready' | 'training' | 'failed';

export interface LabSample {
  step: number;
  text: string;
}

export class LabModel {
  phase: LabPhase = 'starting';
  step = 0;
  parameters = 0;
  error = '';
  readonly history = new LossHistory();
  inspection: { text: string; step: number; result: InspectionResult } | null = null;
  sample: LabSample | null = null;
  connectivity: { text: string; position: number; step: number; result: ConnectivityResult } | null = null;
  vocab: readonly string[] = [];
  memory: { text: string; step: number; hits: Uint8Array } | null = null;  // a memory task's probe hits
  private readonly bridge: WorkerBridge;
  private pendingCreate: { text: string; settings: Settings } | null = null;
  private stopAt = Number.POSITIVE_INFINITY;

  constructor(spawn: () => Worker, private readonly changed: () => void) {
    const b = (this.bridge = new WorkerBridge(spawn));
    b.onCrash((message) => this.fail(message));
    b.onRequestError((_kind, e) => this.note(e.message));
    b.on('ready', () => {
      this.phase = 'ready';
      this.sendCreate();
      this.changed();
    });
    b.on('progress', (e) => {
      this.history.append(e.progress.losses, e.progress.step);
      this.step = e.progress.step;
      if (this.step >= this.stopAt) this.pause();
      this.changed();
    });
    b.on('paused', (e) => this.at(e.step, this.phase));
    b.on('stopped', (e) => this.at(e.step, 'ready'));
    b.on('trainingFailed', (e) => {
      this.at(e.step, 'ready');
      this.note(e.message);
    });
    b.start();
  }

  create(text: string, settings: Settings): void {
    this.pendingCreate = { text, settings };
    if (this.phase !== 'starting') this.sendCreate();
  }

  train(untilStep = Number.POSITIVE_INFINITY): void {
    if (this.phase !== 'ready') return;
    this.stopAt = untilStep;
    this.phase = 'training';
    this.bridge.command('train');
  }

  pause(): void {
    if (this.phase !== 'training') return;
    this.phase = 'ready';
    this.bridge.command('pause');
  }

  inspect(text: string): void {
    if (this.phase !== 'ready' && this.phase !== 'training') return;
    void this.bridge.request('inspect', { text, topK: 1 }).then((r) => {
      this.inspection = { text, step: r.step, result: r.inspection };
      this.changed();
    });
  }

  requestSample(length: number, temperature: number, seed: number): void {
    if (this.phase !== 'ready' && this.phase !== 'training') return;
    void this.bridge.request('sample', { prime: '', length, temperature, topK: 0, seed }).then((r) => {
      this.sample = { step: r.step, text: r.text };
      this.changed();
    });
  }

  // How much the prediction at `position` of `text` depends on each character before it (language models).
  requestConnectivity(text: string, position: number): void {
    if (this.phase !== 'ready' && this.phase !== 'training') return;
    void this.bridge.request('connectivity', { text, position }).then((r) => {
      this.connectivity = { text, position, step: r.step, result: r.connectivity };
      this.changed();
    });
  }

  // A memory task's score: whether the top guess is right at each probe position of a held-out text.
  requestMemory(text: string, positions: Int32Array, targets: Int32Array): void {
    if (this.phase !== 'ready' && this.phase !== 'training') return;
    void this.bridge.request('memoryProbe', { text, positions, targets }, { transfer: [positions.buffer, targets.buffer] }).then((r) => {
      this.memory = { text, step: r.step, hits: r.hits };
      this.changed();
    });
  }

  // Ends the worker; this object is done.
  stop(): void {
    this.bridge.terminate();
    this.phase = 'failed';
    this.error = 'stopped';
  }

  private sendCreate(): void {
    const c = this.pendingCreate;
    if (!c) return;
    this.pendingCreate = null;
    this.phase = 'building';
    this.step = 0;
    this.history.clear();
    this.inspection = null;
    this.sample = null;
    this.connectivity = null;
    this.memory = null;
    this.bridge.newRun();
    this.bridge.request('create', c, { handleErrors: true }).then((r) => {
      this.phase = 'ready';
      this.step = r.summary.step;
      this.parameters = r.summary.parameters;
      this.vocab = r.summary.vocab;
      this.changed();
    }, (e: unknown) => this.fail(e instanceof Error ? e.message : String(e)));
  }

  private at(step: number, phase: LabPhase): void {
    this.step = step;
    this.phase = phase;
    this.changed();
  }

  private note(message: string): void {
    this.error = message;
    this.changed();
  }

  private fail(message: string): void {
    this.phase = 'failed';
    this.error = message;
    this.changed();
  }
}
