// A model of its own in a worker of its own, for the teaching views that train or inspect models
// beside the learner's (compare cells, forget-gate bias). It speaks the playground's worker protocol
// through a WorkerBridge, so the worker is the very same code; terminating it frees its wasm memory.
import type { InspectionResult } from '../../../generated/core.mjs';
import { assertNever, type FromWorker, type Settings } from '../../protocol';
import { WorkerBridge } from '../bridge';
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
  private readonly bridge: WorkerBridge;
  private pendingCreate: { text: string; settings: Settings } | null = null;
  private stopAt = Number.POSITIVE_INFINITY;

  constructor(spawn: () => Worker, private readonly changed: () => void) {
    this.bridge = new WorkerBridge(spawn, {
      onMessage: (msg) => this.onMessage(msg),
      onCrash: (message) => this.fail(message),
    });
    this.bridge.start();
  }

  create(text: string, settings: Settings): void {
    this.pendingCreate = { text, settings };
    if (this.phase !== 'starting') this.sendCreate();
  }

  train(untilStep = Number.POSITIVE_INFINITY): void {
    if (this.phase !== 'ready') return;
    this.stopAt = untilStep;
    this.phase = 'training';
    this.bridge.send({ type: 'train' });
  }

  pause(): void {
    if (this.phase !== 'training') return;
    this.phase = 'ready';
    this.bridge.send({ type: 'pause' });
  }

  inspect(text: string): void {
    if (this.phase === 'ready' || this.phase === 'training') this.bridge.send({ type: 'inspect', requestId: this.bridge.nextRequestId(), text, topK: 1 });
  }

  requestSample(length: number, temperature: number, seed: number): void {
    if (this.phase === 'ready' || this.phase === 'training') {
      this.bridge.send({ type: 'sample', requestId: this.bridge.nextRequestId(), prime: '', length, temperature, topK: 0, seed });
    }
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
    this.bridge.send({ type: 'create', runId: this.bridge.newRun(), text: c.text, settings: c.settings });
  }

  private fail(message: string): void {
    this.phase = 'failed';
    this.error = message;
    this.changed();
  }

  private onMessage(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready':
        this.phase = 'ready';
        this.sendCreate();
        break;
      case 'created':
        this.phase = 'ready';
        this.step = msg.summary.step;
        this.parameters = msg.summary.parameters;
        break;
      case 'createFailed':
        return this.fail(msg.message);
      case 'progress':
        this.history.append(msg.progress.losses, msg.progress.step);
        this.step = msg.progress.step;
        if (this.step >= this.stopAt) this.pause();
        break;
      case 'paused':
        this.step = msg.step;
        break;
      case 'stopped':
        this.phase = 'ready';
        this.step = msg.step;
        break;
      case 'inspection':
        this.inspection = { text: msg.text, step: msg.step, result: msg.inspection };
        break;
      case 'sample':
        this.sample = { step: msg.step, text: msg.text };
        break;
      case 'error':
        if (msg.requestId === undefined) this.phase = 'ready';
        this.error = msg.message;
        break;
      case 'fatal':
        return this.fail(msg.message);
      case 'reconfigured':
      case 'validation':
      case 'probe':
      case 'gradients':
      case 'gradientCheck':
      case 'saved':
        return;
      default:
        assertNever(msg);
    }
    this.changed();
  }
}
