// The teaching views' behaviour: which view is open, what it needs from the learner's model (asked of
// the worker only while the view is open and on screen, at a bounded cadence) and what it records from
// the training progress every view can see (gradient norms, losses). The compare and forget-bias views
// train models of their own in extra workers that live only while their view is open.
import type { GradientCheckResult, GradientNormsResult, InspectionResult } from '../../../generated/core.mjs';
import type { FromWorker, ToWorker } from '../../protocol';
import { liveliestUnit, meanAbsPerStep, meanPerStep } from '../../ui/teach/anatomy/unitTrace';
import { ClipHistory } from '../../ui/teach/clipping/clipHistory';
import { GapTracker } from '../../ui/teach/dropout/gapTracker';
import type { ForgetTrace } from '../../ui/teach/forget/forgetView';
import type { TeachSection } from '../../ui/teach/teachSection';
import { isTeachView, type TeachViewId } from '../../ui/teach/views';
import { Cadence, RequestSlot } from '../live/requestSlot';
import { coreSettings, type PlaygroundState } from '../../state/settings';
import { keepKnown } from '../../state/textStats';
import { CompareRunner } from './compareRunner';
import { LabModel } from './labModel';

export interface TeachHost {
  state(): PlaygroundState;
  text(): string;
  vocab(): readonly string[] | null;
  send(msg: ToWorker): void;
  nextRequestId(): number;
  changeSetting(key: keyof PlaygroundState, raw: string): void;
  setView(view: string): void;
  setProbeText(text: string): void;
  pauseTraining(): void;
  spawnWorker(): Worker;
}

const DRAW_EVERY_MS = 200;   // while training: the views redraw 5 times a second
const MAX_LAB_HIDDEN = 128;  // the forget-bias pair stays small: it is about the first steps

export class TeachController {
  private view: TeachViewId | '' = '';
  private visible = true;
  private step = 0;
  private cell = 'lstm';
  private layers = 1;
  private training = false;
  private norms: { step: number; norms: GradientNormsResult } | null = null;
  private readonly clip = new ClipHistory();
  private readonly gap = new GapTracker();
  private inspection: { text: string; step: number; result: InspectionResult } | null = null;
  private probe: { text: string; probabilities: Float32Array } | null = null;
  private softmaxStep = -1;
  private check: { step: number; millis: number; check: GradientCheckResult } | null = null;
  private checkRequest = 0;
  // The unit shown: picked automatically (again at steps 50, 100, 200, … as the units specialize)
  // until the learner picks one.
  private anatomy = { layer: 0, unit: -1, userPicked: false, pickedAt: 0 };
  private readonly gradientSlot = new RequestSlot<null>(() => this.sendGradients());
  private readonly inspectSlot = new RequestSlot<string>((text) => this.sendInspect(text));
  private readonly probeSlot = new RequestSlot<string>((text) => this.sendProbe(text));
  private readonly cadence = { gradients: new Cadence(250, 0.04), inspect: new Cadence(1000, 0.03), probe: new Cadence(600, 0.02) };
  private readonly compare: CompareRunner;
  private lab: { zero: LabModel; one: LabModel; asked: Map<LabModel, number> } | null = null;
  private drawPending = false;
  private lastDraw = 0;

  constructor(private readonly host: TeachHost, private readonly section: TeachSection) {
    this.compare = new CompareRunner(() => host.spawnWorker(), () => this.markDirty());
  }

  // ---- what a person does ----

  open(id: string, scroll: boolean): void {
    const next = isTeachView(id) ? id : '';
    if (next !== this.view) {
      if (this.view === 'compare') this.compare.stop();
      if (this.view === 'forget-bias') this.stopLab();
      this.view = next;
      this.section.show(next);
      this.host.setView(next);
      this.refresh();
    }
    if (scroll && next) this.section.scrollTo();
    this.markDirty();
  }

  setVisible(visible: boolean): void {
    const was = this.visible;
    this.visible = visible;
    if (visible && !was) this.refresh();
  }

  setting(key: 'seqLen' | 'clip' | 'dropout' | 'temperature', raw: string): void {
    this.host.changeSetting(key, raw);
    this.markDirty();
  }

  // The settings changed (any panel): views that show them redraw.
  stateChanged(): void {
    this.markDirty();
  }

  runGradientCheck(): void {
    if (!this.host.vocab() || this.checkRequest !== 0) return;
    this.checkRequest = this.host.nextRequestId();
    this.host.send({ type: 'gradientCheck', requestId: this.checkRequest, perTensor: 3 });
    this.markDirty();
  }

  anatomyUnit(unit: number): void {
    const hidden = this.inspection?.result.hidden ?? 1;
    this.anatomy.unit = ((Math.round(unit) % hidden) + hidden) % hidden;
    this.anatomy.userPicked = true;
    this.markDirty();
  }

  anatomyLayer(layer: number): void {
    this.anatomy.layer = Math.max(0, Math.min(layer, this.layers - 1));
    if (this.inspection && !this.anatomy.userPicked) this.anatomy.unit = liveliestUnit(this.inspection.result, this.anatomy.layer);
    this.markDirty();
  }

  anatomyLiveliest(): void {
    if (this.inspection) this.anatomy.unit = liveliestUnit(this.inspection.result, this.anatomy.layer);
    this.anatomy.userPicked = true;
    this.markDirty();
  }

  probeText(text: string): void {
    this.host.setProbeText(text);
    this.softmaxStep = -1;
    this.refresh();
  }

  softmaxPick(step: number): void {
    this.softmaxStep = step;
    this.probe = null;
    this.askProbe();
    this.markDirty();
  }

  startCompare(mode: 'size' | 'budget'): void {
    const vocab = this.host.vocab();
    if (!vocab) return;
    this.host.pauseTraining();  // two cores: the learner's model waits while the three take turns
    const s = this.host.state();
    this.compare.start(this.host.text(), coreSettings(s), vocab.length, mode, s.temperature);
  }

  pauseCompare(): void {
    this.compare.pause();
  }

  resumeCompare(): void {
    this.host.pauseTraining();
    this.compare.resume();
  }

  freshLab(): void {
    this.stopLab();
    const vocab = this.host.vocab();
    if (!vocab) return;
    const s = coreSettings(this.host.state());
    const base = { ...s, cell: 'lstm' as const, hiddenSize: Math.min(s.hiddenSize, MAX_LAB_HIDDEN), dropout: 0 };
    const changed = () => this.labChanged();
    const zero = new LabModel(() => this.host.spawnWorker(), changed);
    const one = new LabModel(() => this.host.spawnWorker(), changed);
    this.lab = { zero, one, asked: new Map() };
    zero.create(this.host.text(), { ...base, forgetBiasOne: false });
    one.create(this.host.text(), { ...base, forgetBiasOne: true });
    this.markDirty();
  }

  trainLab(steps: number): void {
    if (!this.lab) return;
    for (const m of [this.lab.zero, this.lab.one]) m.train(m.step + steps);
    this.markDirty();
  }

  // ---- messages from the learner's worker ----

  // A reply to one of this controller's own requests: taken here, the playground never sees it.
  onReply(msg: FromWorker): boolean {
    switch (msg.type) {
      case 'gradients':
        if (!this.gradientSlot.settle(msg.requestId)) return false;
        this.norms = { step: this.step, norms: msg.norms };
        this.markDirty();
        return true;
      case 'inspection':
        if (!this.inspectSlot.settle(msg.requestId)) return false;
        this.inspection = { text: msg.text, step: msg.step, result: msg.inspection };
        this.autoPickUnit(msg.inspection, msg.step);
        this.markDirty();
        return true;
      case 'probe':
        if (!this.probeSlot.settle(msg.requestId)) return false;
        this.probe = { text: msg.text, probabilities: msg.probabilities };
        this.markDirty();
        return true;
      case 'gradientCheck':
        if (msg.requestId !== this.checkRequest) return false;
        this.checkRequest = 0;
        this.check = { step: msg.step, millis: msg.millis, check: msg.check };
        this.markDirty();
        return true;
      case 'error': {
        const id = msg.requestId;
        if (id === undefined) return false;
        if (id === this.checkRequest) {
          this.checkRequest = 0;
          this.markDirty();
          return false;  // the page shows the error as a notice
        }
        return [this.gradientSlot, this.inspectSlot, this.probeSlot].some((s) => s.settle(id));
      }
      default:
        return false;
    }
  }

  // Every other message, after the playground has handled it (so its model summary is current).
  observe(msg: FromWorker): void {
    switch (msg.type) {
      case 'created':
        return this.modelChanged(msg.summary.cell, msg.summary.numLayers, msg.summary.step);
      case 'progress': {
        const p = msg.progress;
        this.clip.add(p.gradNorms, p.step, p.clipped);
        this.gap.addLosses(p.losses, p.step);
        this.step = p.step;
        this.training = true;
        this.tick();
        if (this.view === 'clipping' || this.view === 'dropout') this.markDirty();
        return;
      }
      case 'paused':
      case 'stopped':
      case 'reconfigured':
        this.step = msg.step;
        this.training = false;
        return this.refresh();
      case 'validation':
        this.gap.addValidation(msg.step, msg.bitsPerChar, this.host.state().dropout);
        if (this.view === 'dropout') this.markDirty();
        return;
      default:
        return;
    }
  }

  private autoPickUnit(r: InspectionResult, step: number): void {
    const a = this.anatomy;
    const due = a.unit < 0 || a.unit >= r.hidden || (!a.userPicked && step >= Math.max(50, 2 * a.pickedAt));
    if (!due) return;
    a.unit = liveliestUnit(r, Math.min(a.layer, r.layers.length - 1));
    a.pickedAt = step;
  }

  private modelChanged(cell: string, layers: number, step: number): void {
    this.cell = cell;
    this.layers = layers;
    this.step = step;
    this.training = false;
    this.norms = null;
    this.inspection = null;
    this.probe = null;
    this.check = null;
    this.checkRequest = 0;
    this.clip.clear();
    this.gap.clear();
    this.anatomy = { layer: Math.min(this.anatomy.layer, layers - 1), unit: -1, userPicked: false, pickedAt: 0 };
    for (const s of [this.gradientSlot, this.inspectSlot, this.probeSlot]) s.reset();
    this.refresh();
  }

  // ---- asking the worker ----

  // Fresh data for the open view now (a new model, a pause, a step, the view just opened).
  private refresh(): void {
    this.markDirty();
    if (!this.visible || !this.host.vocab()) return;
    switch (this.view) {
      case 'gradients':
        this.gradientSlot.request(null);
        break;
      case 'anatomy':
        this.askInspect();
        break;
      case 'forget-bias':
        this.askInspect();
        if (!this.lab) this.freshLab();
        break;
      case 'softmax':
        this.askProbe();
        break;
      default:
        break;
    }
  }

  // While training: whatever the open view needs and is due.
  private tick(): void {
    if (!this.visible || !this.host.vocab()) return;
    const now = performance.now();
    const due = (c: Cadence, slot: { busy: boolean }) => {
      if (!c.due(now) || slot.busy) return false;
      c.ran(now, 0);
      return true;
    };
    if (this.view === 'gradients' && due(this.cadence.gradients, this.gradientSlot)) this.gradientSlot.request(null);
    if ((this.view === 'anatomy' || this.view === 'forget-bias') && due(this.cadence.inspect, this.inspectSlot)) this.askInspect();
    if (this.view === 'softmax' && due(this.cadence.probe, this.probeSlot)) this.askProbe();
  }

  private probeChars(): string[] {
    const vocab = this.host.vocab();
    return vocab ? [...keepKnown(this.host.state().heatText, new Set(vocab))] : [];
  }

  private askInspect(): void {
    const text = this.probeChars().join('');
    if (text) this.inspectSlot.request(text);
  }

  private askProbe(): void {
    const chars = this.probeChars();
    if (chars.length === 0) return;
    const step = this.chosenStep(chars.length);
    this.probeSlot.request(chars.slice(0, step + 1).join(''));
  }

  private chosenStep(n: number): number {
    return this.softmaxStep < 0 || this.softmaxStep >= n ? Math.max(0, n - 2) : this.softmaxStep;
  }

  private sendGradients(): number {
    const requestId = this.host.nextRequestId();
    this.host.send({ type: 'gradients', requestId });
    return requestId;
  }

  private sendInspect(text: string): number {
    const requestId = this.host.nextRequestId();
    this.host.send({ type: 'inspect', requestId, text, topK: 1 });
    return requestId;
  }

  private sendProbe(text: string): number {
    const requestId = this.host.nextRequestId();
    this.host.send({ type: 'probe', requestId, text, temperature: 1 });
    return requestId;
  }

  // ---- the forget-bias pair ----

  private labChanged(): void {
    const lab = this.lab;
    if (!lab) return;
    const text = this.probeChars().join('');
    for (const m of [lab.zero, lab.one]) {
      // Each model reads the probe text once per step count it reaches while ready.
      if (m.phase === 'ready' && text && lab.asked.get(m) !== m.step) {
        lab.asked.set(m, m.step);
        m.inspect(text);
      }
    }
    this.markDirty();
  }

  private stopLab(): void {
    if (!this.lab) return;
    this.lab.zero.stop();
    this.lab.one.stop();
    this.lab = null;
  }

  // ---- drawing ----

  private markDirty(): void {
    if (this.drawPending || this.view === '') return;
    this.drawPending = true;
    const wait = this.training || this.compare.running || this.lab?.zero.phase === 'training' ? Math.max(0, this.lastDraw + DRAW_EVERY_MS - performance.now()) : 0;
    const go = () => requestAnimationFrame(() => {
      this.drawPending = false;
      this.lastDraw = performance.now();
      this.draw();
    });
    if (wait > 4) setTimeout(go, wait);
    else go();
  }

  private draw(): void {
    const s = this.host.state();
    const v = this.section.views;
    const vocab = this.host.vocab() ?? [];
    switch (this.view) {
      case '':
        return;
      case 'equations':
        return v.equations.render(this.cell, this.layers);
      case 'gradients':
        return v.gradients.render({ norms: this.norms?.norms ?? null, step: this.norms?.step ?? 0, cell: this.cell, seqLen: s.seqLen });
      case 'clipping':
        return v.clipping.render({ history: this.clip, clip: s.clip });
      case 'dropout':
        return v.dropout.render({ dropout: s.dropout, layers: this.layers, points: this.gap.points });
      case 'gradient-check':
        return v['gradient-check'].render({ canCheck: vocab.length > 0, running: this.checkRequest !== 0, result: this.check });
      case 'softmax': {
        const chars = this.probeChars();
        const step = this.chosenStep(chars.length);
        const fits = this.probe && this.probe.text === chars.slice(0, step + 1).join('');
        return v.softmax.render({ chars, step, vocab, probabilities: fits ? this.probe!.probabilities : null, temperature: s.temperature });
      }
      case 'anatomy': {
        v.anatomy.setText(s.heatText);
        const ins = this.inspection;
        return v.anatomy.render({ chars: ins ? [...ins.text] : [], step: ins?.step ?? 0, cell: this.cell, result: ins?.result ?? null, layer: this.anatomy.layer, unit: Math.max(0, this.anatomy.unit) });
      }
      case 'forget-bias': {
        const lab = this.lab;
        const ins = this.inspection;
        return v['forget-bias'].render({
          chars: this.probeChars(),
          labStep: lab ? Math.min(lab.zero.step, lab.one.step) : 0,
          labBusy: !!lab && [lab.zero, lab.one].some((m) => m.phase === 'training' || m.phase === 'building' || m.phase === 'starting'),
          zero: lab?.zero.inspection ? forgetTrace(lab.zero.inspection.result) : null,
          one: lab?.one.inspection ? forgetTrace(lab.one.inspection.result) : null,
          current: this.cell === 'lstm' && ins ? { ...forgetTrace(ins.result), biasOne: s.forgetBiasOne, step: ins.step } : null,
          canStart: vocab.length > 0,
        });
      }
      case 'compare':
        return v.compare.render({
          running: this.compare.running,
          mode: this.compare.mode,
          canStart: vocab.length > 0,
          models: this.compare.entries.map((e) => {
            const d = e.model.history.chartData(300);
            return {
              plan: e.plan, phase: e.model.phase, step: e.model.step, error: e.model.error, sample: e.model.sample,
              curve: { steps: d.steps, values: d.smooth }, lastBits: e.model.history.lastSmoothed,
            };
          }),
        });
      default:
        return assertView(this.view);
    }
  }
}

function assertView(x: never): never {
  throw new Error(`unknown view ${String(x)}`);
}

// Layer 0 of an LSTM inspection: mean |c_t| and mean f_t over units, step by step.
function forgetTrace(r: InspectionResult): ForgetTrace {
  const g = r.layers[0];
  return {
    meanAbsC: g?.c ? meanAbsPerStep(g.c, r.steps, r.hidden) : [],
    meanF: g?.f ? meanPerStep(g.f, r.steps, r.hidden) : [],
  };
}
