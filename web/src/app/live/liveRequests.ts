// What the page keeps asking the model while it learns: validation loss, samples, the probe's
// next-character bars and the gate traces. Each has one request slot (no pile-up behind a slow step)
// and a cadence that keeps its share of worker time small, so watching does not slow learning.
import type { GateTraces } from '../../ui/heatmap/gateTraces';
import type { Inspection } from '../../ui/heatmap/heatmapPanel';
import type { ProbeBar } from '../../ui/probe/probePanel';
import type { Sample } from '../../ui/samples/samplePanel';
import type { TaskScores } from '../../protocol';
import { Emitter } from '../../util/emitter';
import type { ModelWorker } from '../model/modelWorker';
import { Cadence, RequestSlot } from './requestSlot';
import type { PlaygroundState } from '../../state/settings';
import { keepKnown, unknownCharacters } from '../../state/textStats';

export type LivePart = 'samples' | 'probe' | 'heat' | 'validation';

export interface LiveHost {
  state(): PlaygroundState;
  vocab(): readonly string[] | null;   // of the current model; null without one
  cell(): string;
  changed(part: LivePart): void;
}

// A validation loss was measured (the loss chart, autosave's "best" and the dropout view use it).
export type LiveEvent = { type: 'validation'; step: number; bits: number; scores: TaskScores };

const VALIDATION_CHARS = 20_000;
const PROBE_BARS = 10;
const HEAT_TOP_K = 3;
const KEEP_SAMPLES = 5;

export class LiveRequests {
  samples: Sample[] = [];
  probeBars: ProbeBar[] = [];
  probeEntropy = Number.NaN;
  probeFor: string | null = null;   // the text the bars answer
  inspection: Inspection | null = null;

  private vocabSet: ReadonlySet<string> = new Set();
  // Panels out of view are not refreshed while training (their work would only slow it down); they
  // catch up the moment they scroll into view.
  private readonly visible = { probe: true, heat: true };
  private readonly stale = { probe: false, heat: false };
  private sampleCount = 0;
  readonly events = new Emitter<LiveEvent>();
  // Failures are not worth a notice here: the next refresh asks again.
  private readonly validationSlot = new RequestSlot(
    () => this.worker.request('validate', { maxChars: VALIDATION_CHARS }, { handleErrors: true }),
    (r) => this.onValidation(r.step, r.bitsPerChar, r.predictions, r.scores, r.millis),
  );
  private readonly sampleSlot = new RequestSlot((p: SampleRequest) => this.worker.request('sample', p, { handleErrors: true }), (r, p) => this.onSample(r, p));
  private readonly probeSlot = new RequestSlot(
    (text: string) => this.worker.request('probe', { text, temperature: 1 }, { handleErrors: true }),
    (r, text) => this.onProbe(text, r.probabilities, r.millis),
  );
  private readonly heatSlot = new RequestSlot(
    (text: string) => this.worker.request('inspect', { text, topK: HEAT_TOP_K }, { handleErrors: true }),
    (r, text) => this.onInspection(text, r.step, r.inspection, r.millis),
  );
  private readonly cadence = {
    validation: new Cadence(2000, 0.03),
    samples: new Cadence(3000, 0.02),
    heat: new Cadence(1000, 0.02),
    probe: new Cadence(500, 0.01),
  };

  constructor(private readonly host: LiveHost, private readonly worker: ModelWorker) {}

  // A new model (or none): forget everything about the old one.
  modelChanged(vocab: readonly string[] | null): void {
    this.vocabSet = new Set(vocab ?? []);
    for (const slot of [this.validationSlot, this.sampleSlot, this.probeSlot, this.heatSlot]) slot.reset();
    for (const c of Object.values(this.cadence)) c.reset();
    this.samples = [];
    this.sampleCount = 0;
    this.probeBars = [];
    this.probeFor = null;
    this.probeEntropy = Number.NaN;
    this.inspection = null;
    this.stale.probe = this.stale.heat = false;
    for (const part of ['samples', 'probe', 'heat'] as const) this.host.changed(part);
  }

  // Everything once, for the weights as they are now (a new model, a pause, a step).
  refreshAll(withSample: boolean): void {
    if (!this.host.vocab()) return;
    const now = performance.now();
    this.validationSlot.request(undefined);
    this.probe();
    this.heat();
    if (withSample) this.sample();
    for (const c of Object.values(this.cadence)) c.postpone(now);
  }

  // Called on every training progress: whatever is due goes out.
  tick(now: number): void {
    if (!this.host.vocab()) return;
    if (this.cadence.validation.due(now) && !this.validationSlot.busy) {
      this.cadence.validation.ran(now, 0);
      this.validationSlot.request(undefined);
    }
    if (this.cadence.samples.due(now) && !this.sampleSlot.busy) {
      this.cadence.samples.ran(now, 0);
      this.sample();
    }
    if (this.cadence.heat.due(now) && !this.heatSlot.busy) {
      this.cadence.heat.ran(now, 0);
      if (this.visible.heat) this.heat();
      else this.stale.heat = true;
    }
    if (this.cadence.probe.due(now) && !this.probeSlot.busy) {
      this.cadence.probe.ran(now, 0);
      if (this.visible.probe) this.probe();
      else this.stale.probe = true;
    }
  }

  // A panel came into view or left it.
  setVisible(part: 'probe' | 'heat', visible: boolean): void {
    this.visible[part] = visible;
    if (!visible || !this.stale[part]) return;
    this.stale[part] = false;
    if (part === 'heat') this.heat();
    else this.probe();
  }

  // Samples, the probe and the heatmaps ask a language model what comes next; other tasks have their own panels.
  private get predictsNext(): boolean {
    return this.host.state().task === 'lm';
  }

  sample(): void {
    if (!this.host.vocab() || !this.predictsNext) return;
    const s = this.host.state();
    // Each sample draws from its own seed, derived from the run's: the same run samples the same texts.
    // A beginning is written out as given, so it keeps only characters the model can write (the note says which).
    const seed = (s.seed * 1_000_003 + this.sampleCount + 1) % 2 ** 31;
    this.sampleSlot.request({ prime: keepKnown(s.prime, this.vocabSet), length: s.sampleLength, temperature: s.temperature, topK: 0, seed });
  }

  // The probe and the heatmaps read the text as typed: a character the model does not know enters as an
  // all-zero input (the core's rule, README "Model files"), and the note under the box names it.
  probe(): void {
    const text = this.host.state().probeText;
    if (!this.host.vocab() || text === '' || !this.predictsNext) {
      this.probeBars = [];
      this.probeFor = null;
      this.host.changed('probe');
      return;
    }
    this.probeSlot.request(text);
  }

  heat(): void {
    const text = this.host.state().heatText;
    if (this.host.vocab() && text !== '' && this.predictsNext) this.heatSlot.request(text);
  }

  ignoredIn(text: string): string[] {
    return this.vocabSet.size > 0 ? unknownCharacters(text, this.vocabSet) : [];
  }

  private onValidation(step: number, bits: number, predictions: number, scores: TaskScores, millis: number): void {
    this.cadence.validation.ran(performance.now(), millis);
    if (predictions > 0) this.events.emit({ type: 'validation', step, bits, scores });
    this.host.changed('validation');
  }

  private onSample(r: { step: number; text: string; millis: number }, p: SampleRequest): void {
    this.cadence.samples.ran(performance.now(), r.millis);
    this.samples = [{ id: ++this.sampleCount, step: r.step, temperature: p.temperature, prime: p.prime, text: r.text }, ...this.samples].slice(0, KEEP_SAMPLES);
    this.host.changed('samples');
  }

  private onProbe(text: string, probabilities: Float32Array, millis: number): void {
    this.cadence.probe.ran(performance.now(), millis);
    const vocab = this.host.vocab();
    if (!vocab) return;
    this.probeBars = topBars(probabilities, vocab, PROBE_BARS);
    this.probeEntropy = entropyBits(probabilities);
    this.probeFor = text;
    this.host.changed('probe');
  }

  private onInspection(text: string, step: number, inspection: GateTraces, millis: number): void {
    this.cadence.heat.ran(performance.now(), millis);
    this.inspection = { chars: [...text], step, cell: this.host.cell(), result: inspection };
    this.host.changed('heat');
  }
}

interface SampleRequest {
  prime: string;
  length: number;
  temperature: number;
  topK: number;
  seed: number;
}

// The k most likely characters, most likely first.
export function topBars(probabilities: Float32Array, vocab: readonly string[], k: number): ProbeBar[] {
  const order = Array.from(probabilities.keys()).sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  return order.slice(0, k).map((i) => ({ char: vocab[i] ?? '?', probability: probabilities[i] }));
}

export function entropyBits(probabilities: Float32Array): number {
  let e = 0;
  for (const p of probabilities) if (p > 0) e -= p * Math.log2(p);
  return e;
}
