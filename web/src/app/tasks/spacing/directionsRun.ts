// Forward-only against bidirectional, side by side: the learner's own settings (cell, hidden size,
// text, seed, batch …) twice, once reading one way and once both ways, each in a worker of its own,
// trained for exactly the same number of steps (one step command at a time, so neither overshoots),
// then scored on the same held-out text. The F1 gap is the lesson in the learner's own numbers.
import { WorkerBridge } from '../../../bridge/workerBridge';
import type { Settings } from '../../../protocol';
import type { DirectionResult, DirectionsView } from '../../../ui/tasks/spacing/directionsCompare';

export const COMPARE_STEPS = 150;
const VALIDATION_CHARS = 20_000;

export class DirectionsRun {
  view: DirectionsView = { phase: 'idle', steps: COMPARE_STEPS, forward: null, both: null, error: '' };
  private bridges: WorkerBridge[] = [];

  constructor(private readonly spawn: () => Worker, private readonly changed: () => void) {}

  start(text: string, settings: Settings): void {
    this.stop();
    this.view = { phase: 'running', steps: COMPARE_STEPS, forward: { step: 0, f1: null }, both: { step: 0, f1: null }, error: '' };
    const sides: ['forward' | 'both', boolean][] = [['forward', false], ['both', true]];
    for (const [side, bidirectional] of sides) {
      const bridge = new WorkerBridge(this.spawn);
      this.bridges.push(bridge);
      this.runOne(bridge, text, { ...settings, bidirectional }, (r) => {
        this.view = { ...this.view, [side]: r };
        if (this.view.forward?.f1 != null && this.view.both?.f1 != null) this.finish('done');
        this.changed();
      });
    }
    this.changed();
  }

  stop(): void {
    for (const b of this.bridges) b.terminate();
    this.bridges = [];
    if (this.view.phase === 'running') this.view = { ...this.view, phase: 'idle' };
  }

  private runOne(bridge: WorkerBridge, text: string, settings: Settings, report: (r: DirectionResult) => void): void {
    const fail = (message: string) => {
      this.view = { ...this.view, error: message };
      this.finish('failed');
      this.changed();
    };
    bridge.onCrash(fail);
    bridge.on('ready', () => {
      bridge.newRun();
      bridge.request('create', { text, settings }, { handleErrors: true }).then(() => bridge.command('step'), (e: unknown) => fail(String(e instanceof Error ? e.message : e)));
    });
    bridge.on('trainingFailed', (e) => fail(e.message));
    bridge.on('paused', (e) => {
      report({ step: e.step, f1: null });
      if (e.step < COMPARE_STEPS) return bridge.command('step');
      bridge.request('validate', { maxChars: VALIDATION_CHARS }, { handleErrors: true })
        .then((r) => report({ step: e.step, f1: r.scores.f1 }), (err: unknown) => fail(String(err instanceof Error ? err.message : err)));
    });
    bridge.start();
  }

  private finish(phase: 'done' | 'failed'): void {
    for (const b of this.bridges) b.terminate();
    this.bridges = [];
    this.view = { ...this.view, phase };
  }
}
