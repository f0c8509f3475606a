// The embed API at work (embedApi.ts has the schema and the checks): commands from the host page drive
// the playground; the playground's signals become events posted to the allowed origins only.
import { formatSetting } from '../../format';
import { acceptCommand, envelope, PROGRESS_EVERY_MS, type HostCommand, type PlaygroundEvent, type PlaygroundSnapshot } from './embedApi';
import type { RunEvent } from '../model/modelLifecycle';
import type { PlaygroundSnapshot as AppSnapshot } from '../playground/playground';
import { coreSettings } from '../../state/settings';

export interface Drivable {
  train(): void;
  pause(): void;
  stepOnce(): void;
  reset(): void;
  snapshot(): AppSnapshot;
}

export class EmbedHost {
  private lastProgress = -Infinity;
  private startWhenReady = false;
  private scores: { accuracy: number | null; f1: number | null } = { accuracy: null, f1: null };  // the latest held-out

  constructor(
    private readonly app: Drivable,
    private readonly origins: readonly string[],
    private readonly parent: Window | null,   // null when the page is not framed
    private readonly now: () => number = () => performance.now(),
  ) {}

  listen(target: Window): void {
    if (this.parent === null || this.origins.length === 0) return;  // nobody may drive this page
    target.addEventListener('message', (e) => {
      const command = acceptCommand(e, this.parent, this.origins);
      if (command) this.run(command);
    });
  }

  run(command: HostCommand): void {
    switch (command.type) {
      case 'start': {
        const phase = this.app.snapshot().phase;
        if (phase === 'ready') this.app.train();
        else if (phase === 'starting' || phase === 'blocked') this.startWhenReady = true;
        return;
      }
      case 'pause':
        this.startWhenReady = false;
        return this.app.pause();
      case 'step':
        return this.app.stepOnce();
      case 'reset':
        this.startWhenReady = false;
        return this.app.reset();
      case 'getState':
        return this.post({ type: 'state', ...(command.id !== undefined ? { id: command.id } : {}), ...this.publicSnapshot() });
    }
  }

  signal(s: RunEvent): void {
    switch (s.type) {
      case 'model': {
        const m = s.summary;
        this.scores = { accuracy: null, f1: null };
        this.post({ type: 'ready', step: s.step, task: m.task, bidirectional: m.bidirectional, cell: m.cell, hiddenSize: m.hiddenSize, numLayers: m.numLayers, vocabSize: m.vocab.length, labels: m.labels });
        if (this.startWhenReady) {
          this.startWhenReady = false;
          this.app.train();
        }
        return;
      }
      case 'validation':
        this.scores = { accuracy: s.scores.accuracy, f1: this.app.snapshot().state.task === 'spacing' ? s.scores.f1 : null };
        return;
      case 'progress': {
        const t = this.now();
        if (t - this.lastProgress < PROGRESS_EVERY_MS) return;
        this.lastProgress = t;
        const p = this.publicSnapshot();
        return this.post({ type: 'progress', step: s.step, loss: p.loss, bitsPerChar: p.bitsPerChar, validationBitsPerChar: p.validationBitsPerChar, ...this.scores });
      }
      case 'paused':
        return this.post({ type: 'paused', step: s.step });
      case 'stopped':
        return this.post({ type: 'stopped', step: s.step, reason: 'diverged', detail: s.stop.reason, restoredStep: s.stop.restoredStep });
      default:
        return;
    }
  }

  private publicSnapshot(): PlaygroundSnapshot {
    const s = this.app.snapshot();
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    const settings: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(coreSettings(s.state))) settings[k] = typeof v === 'number' ? Number(formatSetting(v)) : v;
    return {
      phase: s.phase, step: s.step,
      loss: finite(s.trainBits * Math.LN2), bitsPerChar: finite(s.trainBits), validationBitsPerChar: finite(s.validationBits),
      ...this.scores, settings,
    };
  }

  private post(event: PlaygroundEvent): void {
    if (this.parent === null) return;
    for (const origin of this.origins) this.parent.postMessage(envelope(event), origin);
  }
}
