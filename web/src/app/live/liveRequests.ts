// What the page keeps asking the model while it learns: validation loss, samples, the probe's
// next-character bars and the gate traces. Each has one request slot (no pile-up behind a slow step)
// and a cadence that keeps its share of worker time small, so watching does not slow learning.
import type { Inspection } from '../../ui/heatmap/heatmapPanel';
import type { ProbeBar } from '../../ui/probe/probePanel';
import type { Sample } from '../../ui/samples/samplePanel';
import type { FromWorker, ToWorker } from '../../protocol';
import { Cadence, RequestSlot } from './requestSlot';
import type { PlaygroundState } from '../../state/settings';
import { keepKnown, unknownCharacters } from '../../state/textStats';

export type LivePart = 'samples' | 'probe' | 'heat' | 'validation';

export interface LiveHost {
  state(): PlaygroundState;
  vocab(): readonly string[] | null;   // of the current model; null without one
  cell(): string;
  send(msg: ToWorker): void;
  nextRequestId(): number;
  changed(part: LivePart): void;
  validation(step: number, bits: number): void;
}

const VALIDATION_CHARS = 20_000;
const PROBE_BARS = 10;
const HEAT_TOP_K = 3;
const KEEP_SAMPLES = 5;

export class LiveRequests {
  samples: Sample[] = [];
  probeBars: ProbeBar[] = [];
  probeEntropy = Number.NaN;
  probeFor: string | null = null;   // the (known-characters) text the bars answer
  inspection: Inspection | null = null;

  private vocabSet: ReadonlySet<string> = new Set();
  // Panels out of view are not refreshed while training (their work would only slow it down); they
  // catch up the moment they scroll into view.
  private readonly visible = { probe: true, heat: true };
  private readonly stale = { probe: false, heat: false };
  private sampleCount = 0;
  private readonly validationSlot = new RequestSlot<null>(() => this.sendValidation());
  private readonly sampleSlot = new RequestSlot<null>(() => this.sendSample());
  private readonly probeSlot = new RequestSlot<string>((text) => this.sendProbe(text));
  private readonly heatSlot = new RequestSlot<string>((text) => this.sendInspect(text));
  private readonly cadence = {
    validation: new Cadence(2000, 0.03),
    samples: new Cadence(3000, 0.02),
    heat: new Cadence(1000, 0.02),
    probe: new Cadence(500, 0.01),
  };

  constructor(private readonly host: LiveHost) {}

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
    this.validationSlot.request(null);
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
      this.validationSlot.request(null);
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

  sample(): void {
    if (this.host.vocab()) this.sampleSlot.request(null);
  }

  probe(): void {
    const text = keepKnown(this.host.state().probeText, this.vocabSet);
    if (!this.host.vocab() || text === '') {
      this.probeBars = [];
      this.probeFor = null;
      this.host.changed('probe');
      return;
    }
    this.probeSlot.request(text);
  }

  heat(): void {
    const text = keepKnown(this.host.state().heatText, this.vocabSet);
    if (this.host.vocab() && text !== '') this.heatSlot.request(text);
  }

  ignoredIn(text: string): string[] {
    return this.vocabSet.size > 0 ? unknownCharacters(text, this.vocabSet) : [];
  }

  // Replies. Each returns true if it was one of ours.
  handle(msg: FromWorker): boolean {
    const now = performance.now();
    switch (msg.type) {
      case 'validation':
        if (!this.validationSlot.settle(msg.requestId)) return false;
        this.cadence.validation.ran(now, msg.millis);
        if (msg.predictions > 0) this.host.validation(msg.step, msg.bitsPerChar);
        this.host.changed('validation');
        return true;
      case 'sample':
        if (!this.sampleSlot.settle(msg.requestId)) return false;
        this.cadence.samples.ran(now, msg.millis);
        this.samples = [{ id: ++this.sampleCount, step: msg.step, temperature: msg.temperature, prime: msg.prime, text: msg.text }, ...this.samples].slice(0, KEEP_SAMPLES);
        this.host.changed('samples');
        return true;
      case 'probe': {
        if (!this.probeSlot.settle(msg.requestId)) return false;
        this.cadence.probe.ran(now, msg.millis);
        const vocab = this.host.vocab();
        if (!vocab) return true;
        this.probeBars = topBars(msg.probabilities, vocab, PROBE_BARS);
        this.probeEntropy = entropyBits(msg.probabilities);
        this.probeFor = msg.text;
        this.host.changed('probe');
        return true;
      }
      case 'inspection':
        if (!this.heatSlot.settle(msg.requestId)) return false;
        this.cadence.heat.ran(now, msg.millis);
        this.inspection = { chars: [...msg.text], step: msg.step, cell: this.host.cell(), result: msg.inspection };
        this.host.changed('heat');
        return true;
      case 'error':
        if (msg.requestId === undefined) return false;
        return [this.validationSlot, this.sampleSlot, this.probeSlot, this.heatSlot].some((s) => s.settle(msg.requestId!));
      default:
        return false;
    }
  }

  private sendValidation(): number {
    const requestId = this.host.nextRequestId();
    this.host.send({ type: 'validate', requestId, maxChars: VALIDATION_CHARS });
    return requestId;
  }

  private sendSample(): number {
    const s = this.host.state();
    const requestId = this.host.nextRequestId();
    // Each sample draws from its own seed, derived from the run's: the same run samples the same texts.
    const seed = (s.seed * 1_000_003 + this.sampleCount + 1) % 2 ** 31;
    this.host.send({ type: 'sample', requestId, prime: keepKnown(s.prime, this.vocabSet), length: s.sampleLength, temperature: s.temperature, topK: 0, seed });
    return requestId;
  }

  private sendProbe(text: string): number {
    const requestId = this.host.nextRequestId();
    this.host.send({ type: 'probe', requestId, text, temperature: 1 });
    return requestId;
  }

  private sendInspect(text: string): number {
    const requestId = this.host.nextRequestId();
    this.host.send({ type: 'inspect', requestId, text, topK: HEAT_TOP_K });
    return requestId;
  }
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
