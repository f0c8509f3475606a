// The playground's behaviour: what each button, setting and worker message does to the one state
// object, the model in the worker and the panels. Panels render what they are given and report what
// a person asked for; the worker trains; this class decides between them.
import type { ModelSummary } from '../../generated/core.mjs';
import { CUSTOM, loadedPresetText, loadPresetText, presetById, PRESETS } from '../presets';
import { assertNever, type FromWorker, type Stop } from '../protocol';
import type { ControlsPanel } from '../ui/controls/controlsPanel';
import type { ConfirmDialog } from '../ui/dialog/confirmDialog';
import type { LossChart } from '../ui/chart/lossChart';
import type { EngineBadge, EngineView } from '../ui/header/engineBadge';
import type { HeatmapPanel } from '../ui/heatmap/heatmapPanel';
import type { Notice, NoticeList } from '../ui/notices/noticeList';
import type { ProbePanel } from '../ui/probe/probePanel';
import type { RunBar, RunPhase } from '../ui/runbar/runBar';
import type { SamplePanel } from '../ui/samples/samplePanel';
import type { TextPanel, TextProblem } from '../ui/text/textPanel';
import { formatCount, formatDuration } from '../format';
import type { WorkerBridge } from './bridge';
import { defaultHeatText, defaultProbeText, followText, primeSuggestions, suggestedTexts } from '../state/panelTexts';
import { fixesFor, parseFix } from './playground/fixes';
import { capitalize, crashNotice, fewerUnits, lowerLearningRate, nextDropout, overfittingNotice, openedNotice, openFailedNotice, requestErrorNotice, restartedNotice, stopNotice } from './notices/notices';
import { FrameScheduler } from './playground/frames';
import { LossHistory } from './model/lossHistory';
import { modelFileMetadata, resumedSettings } from './saved/modelFile';
import { LiveRequests, type LivePart } from './live/liveRequests';
import { detectOverfitting } from './model/overfitting';
import { coreSettings, field, parseField, type PlaygroundState } from '../state/settings';
import { statusLine } from './playground/status';
import { Throughput } from './model/throughput';
import { minimumTrainCharacters, textStats, wellFormed, type TextStats } from '../state/textStats';

export interface Panels {
  engine: EngineBadge;
  runBar: RunBar;
  text: TextPanel;
  controls: ControlsPanel;
  chart: LossChart;
  samples: SamplePanel;
  probe: ProbePanel;
  heatmap: HeatmapPanel;
  notices: NoticeList;
  dialog: ConfirmDialog;
}

// Where the state goes to be remembered (URL, local storage); main.ts decides.
export interface Persistence {
  save(state: PlaygroundState, text: string): void;
  storedText(): string | null;  // the person's own text, as last remembered
}

// What happened, for whoever watches from outside the page's own panels (autosave, an embedding host).
export type PlaygroundSignal =
  | { type: 'model'; summary: ModelSummary; step: number; loaded: boolean }
  | { type: 'progress'; step: number }
  | { type: 'paused'; step: number }
  | { type: 'stopped'; step: number; stop: Stop }
  | { type: 'validation'; step: number; bits: number }
  | { type: 'action'; actionId: string }  // a notice button the playground does not handle itself
  | { type: 'restarted' };                 // the engine starts again after a crash: its model is gone

export interface PlaygroundSnapshot {
  phase: RunPhase;
  step: number;
  trainBits: number;        // smoothed, NaN before the first step
  validationBits: number;
  state: PlaygroundState;
  summary: ModelSummary | null;
  text: string;
}

type Part = LivePart | 'run' | 'text' | 'controls' | 'chart' | 'notices' | 'engine';

const PROGRESS_EVERY_MS = 66;   // the live numbers: 15 times a second
const CHART_EVERY_MS = 250;     // the loss chart: 4 times a second
const TEXT_SETTLE_MS = 350;    // typing pauses this long before a fresh model is built from the text
const LONG_TEXT = 100_000;     // UTF-16 units above which even counting waits for typing to pause

interface Pending {
  runId: number;
  text: string;
  train: boolean;
  loadedFile: string | null;
  fileMeta: Record<string, string> | null;
  previousRunId: number | null;  // a file that fails to load leaves this run's model in place
}

export class Playground {
  private text: string;
  private stats: TextStats;
  private modelText = '';
  private summary: ModelSummary | null = null;
  private pending: Pending | null = null;
  private phase: RunPhase = 'starting';
  private step = 0;
  private problem: TextProblem | null = null;
  private notices: Notice[] = [];
  private fieldErrors: Partial<Record<keyof PlaygroundState, string>> = {};
  private engine: EngineView = { state: 'loading', simd: '', heapBytes: 0 };
  private readonly history = new LossHistory();
  private readonly throughput = new Throughput();
  private readonly live: LiveRequests;
  private readonly frames = new FrameScheduler<Part>(
    { progress: ['run', 'chart', 'validation'], chart: 'chart', progressEveryMs: PROGRESS_EVERY_MS, chartEveryMs: CHART_EVERY_MS },
    { now: () => performance.now(), frame: (f) => requestAnimationFrame(f), later: (f, ms) => setTimeout(f, ms) },
    (part) => this.drawPart(part),
  );
  private textTimer: ReturnType<typeof setTimeout> | undefined;
  private restarting = false;
  private overfittingSeen = false;  // said once per model: dismissing it is an answer
  private sampleWhenPaused = false;
  private rebuildSoon = false;  // the text changed; a new model follows once typing pauses
  // A trainer rebuild in flight: if the core refuses it (memory), the setting goes back.
  private reconfiguring: { requestId: number; key: keyof PlaygroundState; before: PlaygroundState } | null = null;
  // Model bytes asked for by checkpoint() rather than by the Download button.
  private readonly checkpointRequests = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>();

  constructor(
    private state: PlaygroundState,
    text: string,
    private readonly bridge: WorkerBridge,
    private readonly panels: Panels,
    private readonly persistence: Persistence,
    private readonly signal: (s: PlaygroundSignal) => void = () => undefined,
    // Why a model file may not open here (a lesson's locked settings), or null: every way in asks it.
    private readonly modelRefusal: (meta: Record<string, string> | null, state: PlaygroundState) => string | null = () => null,
  ) {
    this.text = wellFormed(text);
    this.stats = textStats(this.text, state.valFrac);
    this.state = {
      ...state,
      probeText: state.probeText || defaultProbeText(this.text),
      heatText: state.heatText || defaultHeatText(this.text),
    };
    this.live = new LiveRequests({
      state: () => this.state,
      vocab: () => this.summary?.vocab ?? null,
      cell: () => this.summary?.cell ?? this.state.cell,
      send: (msg) => this.bridge.send(msg),
      nextRequestId: () => this.bridge.nextRequestId(),
      changed: (part) => this.markDirty(part),
      validation: (step, bits) => {
        this.history.addValidation(step, bits);
        this.markDirty('chart');
        this.watchForOverfitting();
        this.signal({ type: 'validation', step, bits });
      },
    });
    panels.text.setText(this.text);
    panels.probe.setText(this.state.probeText);
    this.markAll();
  }

  // What the teaching views read (app/teach): the settings as they are and the text the model learns.
  get currentState(): PlaygroundState {
    return this.state;
  }

  get trainingText(): string {
    return this.modelText || this.text;
  }

  get vocab(): readonly string[] | null {
    return this.summary?.vocab ?? null;
  }

  // A teaching view was opened or closed: remembered in the URL, so the link opens it again.
  setView(view: string): void {
    if (this.state.view === view) return;
    this.state = { ...this.state, view };
    this.save();
  }

  // ---- messages from the worker ----

  onMessage(msg: FromWorker): void {
    if (this.live.handle(msg)) return;
    switch (msg.type) {
      case 'ready':
        this.engine = { state: 'running', simd: msg.simd, heapBytes: msg.heapBytes };
        this.markDirty('engine');
        this.buildModel(false);
        return;
      case 'created':
        return this.onCreated(msg.runId, msg.summary);
      case 'createFailed':
        return this.onCreateFailed(msg.runId, msg.message);
      case 'reconfigured':
        this.reconfiguring = null;
        this.step = msg.step;
        this.markDirty('run');
        return;
      case 'progress': {
        const p = msg.progress;
        this.history.append(p.losses, p.step);
        this.throughput.add(p.wallMillis, p.trainMillis, p.losses.length * p.charsPerStep);
        this.step = p.step;
        if (this.engine.heapBytes !== p.heapBytes) {
          this.engine = { ...this.engine, heapBytes: p.heapBytes };
          this.markDirty('engine');
        }
        this.markDirty('run');
        this.markDirty('chart');
        if (this.phase === 'training') this.live.tick(performance.now());
        this.signal({ type: 'progress', step: p.step });
        return;
      }
      case 'paused':
        this.step = msg.step;
        this.markDirty('run');
        this.markDirty('samples');
        // After Pause, show what the model writes now; after a single Step, a sample each would spam.
        this.live.refreshAll(this.sampleWhenPaused);
        this.sampleWhenPaused = false;
        this.signal({ type: 'paused', step: msg.step });
        return;
      case 'stopped':
        return this.onStopped(msg.step, msg.stop);
      case 'validation':
      case 'sample':
      case 'probe':
      case 'inspection':
      case 'gradients':
      case 'gradientCheck':
        return;  // an answer nobody waits for any more
      case 'saved': {
        const waiting = this.checkpointRequests.get(msg.requestId);
        if (!waiting) return this.download(msg.bytes);
        this.checkpointRequests.delete(msg.requestId);
        return waiting.resolve(msg.bytes);
      }
      case 'error': {
        const waiting = msg.requestId === undefined ? undefined : this.checkpointRequests.get(msg.requestId);
        if (waiting) {
          this.checkpointRequests.delete(msg.requestId!);
          return waiting.reject(new Error(msg.message));
        }
        if (this.reconfiguring && msg.requestId === this.reconfiguring.requestId) {
          const { key, before } = this.reconfiguring;
          this.reconfiguring = null;
          this.state = { ...this.state, seqLen: before.seqLen, batch: before.batch, optimizer: before.optimizer };
          this.fieldErrors = { ...this.fieldErrors, [key]: capitalize(msg.message) };
          this.save();
          this.markDirty('controls');
          return;
        }
        this.notify(requestErrorNotice(msg.requestId, msg.message));
        if (this.phase === 'training' && msg.requestId === undefined) this.setPhase('ready');
        return;
      }
      case 'fatal':
        return this.onCrash(msg.message);
      default:
        assertNever(msg);
    }
  }

  onCrash(message: string): void {
    this.engine = { state: 'failed', simd: '', heapBytes: 0 };
    this.summary = null;
    this.pending = null;
    this.live.modelChanged(null);
    this.setPhase('failed');
    for (const waiting of this.checkpointRequests.values()) waiting.reject(new Error(message));
    this.checkpointRequests.clear();
    this.notify(crashNotice(message));
    this.markDirty('engine');
  }

  private onCreated(runId: number, summary: ModelSummary): void {
    const p = this.pending;
    if (!p || p.runId !== runId) return;
    this.pending = null;
    this.summary = summary;
    this.followModelText(this.modelText, p.text);
    this.modelText = p.text;
    this.step = summary.step;
    this.problem = null;
    this.history.clear();
    this.throughput.clear();
    this.dismiss('stop');
    this.dismiss('overfitting');
    this.overfittingSeen = false;
    if (p.loadedFile) {
      // The file decides the network (and, resuming its own run, the training settings too): the
      // page's settings follow it.
      let next: PlaygroundState = { ...this.state, cell: summary.cell, hiddenSize: summary.hiddenSize, numLayers: summary.numLayers };
      if (summary.resumedExactly && p.fileMeta) {
        for (const [key, raw] of Object.entries(resumedSettings(p.fileMeta))) {
          const parsed = parseField(field(key as keyof PlaygroundState), raw);
          if (parsed.ok) next = { ...next, [key]: parsed.value };
        }
      }
      this.state = next;
      this.stats = textStats(this.text, next.valFrac);
      this.save();
      this.notify(openedNotice(p.loadedFile, summary));
    }
    this.live.modelChanged(summary.vocab);
    this.live.refreshAll(true);
    this.setPhase(p.train ? 'training' : 'ready');
    if (p.train) this.startTraining();
    this.markAll();
    this.signal({ type: 'model', summary, step: summary.step, loaded: p.loadedFile !== null });
  }

  private onCreateFailed(runId: number, message: string): void {
    const p = this.pending;
    if (!p || p.runId !== runId) return;
    this.pending = null;
    if (p.loadedFile && p.previousRunId !== null && this.summary) {
      // The previous model is still in the worker, paused: keep using it.
      this.bridge.resumeRun(p.previousRunId);
      this.notify(openFailedNotice(p.loadedFile, message));
      this.setPhase('ready');
      this.live.refreshAll(false);
      return;
    }
    this.summary = null;
    this.live.modelChanged(null);
    this.problem = { message: capitalize(message), fixes: fixesFor(this.stats, this.state.batch, this.state.seqLen, PRESETS[0]) };
    this.setPhase('blocked');
    this.markAll();
  }

  private onStopped(step: number, stop: Stop): void {
    this.step = step;
    if (stop.restoredStep !== null) this.history.truncateAfter(stop.restoredStep);
    this.setPhase('ready');
    this.notify(stopNotice(stop, this.state.learningRate, this.state.clip));
    this.live.refreshAll(false);
    this.markAll();
    this.signal({ type: 'stopped', step, stop });
  }

  // ---- what a person does ----

  train(): void {
    if (this.phase !== 'ready' || !this.summary || this.building) return;
    this.dismiss('stop');
    this.setPhase('training');
    this.startTraining();
  }

  pause(): void {
    if (this.phase !== 'training') return;
    if (this.pending) this.pending.train = false;  // a model being built starts paused, then
    this.sampleWhenPaused = true;
    this.bridge.send({ type: 'pause' });
    this.setPhase('ready');
  }

  stepOnce(): void {
    if (!this.summary || this.building) return;
    if (this.phase === 'training') this.setPhase('ready');
    this.dismiss('stop');
    this.bridge.send({ type: 'step' });
  }

  reset(): void {
    if (this.phase === 'starting' || this.phase === 'failed') return;
    this.dismiss('stop');
    this.buildModel(false);
  }

  restartEngine(): void {
    this.dismiss('fatal');
    this.engine = { state: 'loading', simd: '', heapBytes: 0 };
    this.setPhase('starting');
    this.restarting = true;
    this.bridge.restart();
    this.signal({ type: 'restarted' });
    this.markAll();
  }

  textInput(raw: string): void {
    clearTimeout(this.textTimer);
    // Counting a long text on every keystroke would make typing in it lag: wait until typing pauses.
    if (raw.length > LONG_TEXT) this.textTimer = setTimeout(() => this.takeText(raw), TEXT_SETTLE_MS);
    else this.takeText(raw);
  }

  private takeText(raw: string): void {
    this.text = wellFormed(raw);
    if (loadedPresetText(this.state.preset) !== this.text) this.state = { ...this.state, preset: CUSTOM };
    this.stats = textStats(this.text, this.state.valFrac);
    this.save();
    this.markDirty('text');
    clearTimeout(this.textTimer);
    if (this.canRebuildFreely()) {
      // A model of the old text must not be trained in the meantime: the page counts as building.
      this.rebuildSoon = true;
      this.markDirty('run');
      this.textTimer = setTimeout(() => this.buildModel(this.phase === 'training'), TEXT_SETTLE_MS);
    }
  }

  applyText(): void {
    this.buildModel(this.phase === 'training');
  }

  revertText(): void {
    this.text = this.modelText;
    this.panels.text.setText(this.text);
    this.stats = textStats(this.text, this.state.valFrac);
    this.save();
    this.markDirty('text');
  }

  async choosePreset(id: string): Promise<void> {
    const preset = presetById(id);
    if (!preset && id !== CUSTOM) return;
    // "Your own text": the one this browser remembers, or the text as it is, ready to edit.
    const text = preset ? await this.loadPreset(preset.id) : this.persistence.storedText();
    if (preset && text === null) {
      this.markDirty('text');  // the choice goes back to the text in use
      return;
    }
    if (text === null || text === this.text) {
      this.state = { ...this.state, preset: id };
      this.save();
      this.markDirty('text');
      return;
    }
    if (!(await this.mayDiscard(preset ? `Loading “${preset.title}”` : 'Going back to your own text'))) {
      this.markDirty('text');
      return;
    }
    this.text = wellFormed(text);
    // A preset brings its own panel texts back, whatever the person had typed for the text before.
    this.state = { ...suggestedTexts(this.state, this.text), preset: id, unit: -1 };
    this.stats = textStats(this.text, this.state.valFrac);
    this.panels.text.setText(this.text);
    this.panels.probe.setText(this.state.probeText);
    this.save();
    this.buildModel(this.phase === 'training');
  }

  async changeSetting(key: keyof PlaygroundState, raw: string | boolean): Promise<void> {
    const f = field(key);
    const parsed = parseField(f, raw);
    if (!parsed.ok) {
      this.fieldErrors = { ...this.fieldErrors, [key]: capitalize(parsed.error) };
      this.markDirty('controls');
      this.markDirty('text');
      return;
    }
    const { [key]: _gone, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
    const next = { ...this.state, [key]: parsed.value } as PlaygroundState;
    if (next[key] === this.state[key]) {
      this.markDirty('controls');
      return;
    }
    switch (f.effect) {
      case 'view':
        this.state = next;
        this.markDirty(key === 'temperature' || key === 'sampleLength' ? 'samples' : 'heat');
        break;
      case 'live':
        this.state = next;
        if (this.summary) this.bridge.send({ type: 'updateTraining', learningRate: next.learningRate, clip: next.clip, dropout: next.dropout });
        break;
      case 'trainer':
        if (this.canRebuildFreely()) {
          this.state = next;
          this.buildModel(this.phase === 'training');
          break;
        }
        if (this.stats.trainCharacters < minimumTrainCharacters(next.batch, next.seqLen)) {
          this.fieldErrors = {
            ...this.fieldErrors,
            [key]: `Too large for this text: batch × (sequence length + 1) = ${formatCount(minimumTrainCharacters(next.batch, next.seqLen))} characters, the training part has ${formatCount(this.stats.trainCharacters)}`,
          };
          break;
        }
        this.state = next;
        this.reconfiguring = { requestId: this.bridge.nextRequestId(), key, before: this.state };
        this.bridge.send({ type: 'reconfigure', requestId: this.reconfiguring.requestId, settings: coreSettings(next) });
        break;
      case 'model':
        if (!(await this.mayDiscard(`Changing “${f.label}”`))) break;
        this.state = next;
        if (key === 'valFrac') this.stats = textStats(this.text, next.valFrac);
        this.buildModel(this.phase === 'training');
        break;
      default:
        assertNever(f.effect);
    }
    this.save();
    this.markAll();
  }

  newSeed(): void {
    void this.changeSetting('seed', String(Math.floor(Math.random() * 1_000_000)));
  }

  // A quick fix offered under a problem (fixes.ts).
  fix(id: string): void {
    const f = parseFix(id);
    if ('preset' in f) return void this.choosePreset(f.preset);
    let next = this.state;
    for (const [key, raw] of f.settings) {
      const parsed = parseField(field(key as keyof PlaygroundState), raw);
      if (parsed.ok) next = { ...next, [key]: parsed.value };
    }
    this.state = next;
    this.save();
    this.buildModel(false);
    this.markAll();
  }

  noticeAction(noticeId: string, actionId: string): void {
    this.dismiss(noticeId);
    switch (actionId) {
      case 'restart':
        return this.restartEngine();
      case 'reset':
        return this.reset();
      case 'more-dropout':
        return void this.changeSetting('dropout', String(nextDropout(this.state.dropout)));
      case 'fewer-units':
        return void this.changeSetting('hiddenSize', String(fewerUnits(this.state.hiddenSize)));
      case 'more-text':
        return this.panels.text.focusForMore();
      case 'lower-lr': {
        const lr = lowerLearningRate(this.state.learningRate);
        this.state = { ...this.state, learningRate: lr };
        this.bridge.send({ type: 'updateTraining', learningRate: lr, clip: this.state.clip, dropout: this.state.dropout });
        this.save();
        this.markDirty('controls');
        return this.train();
      }
      default:
        this.signal({ type: 'action', actionId });
    }
  }

  dismiss(noticeId: string): void {
    const before = this.notices.length;
    this.notices = this.notices.filter((n) => n.id !== noticeId);
    if (this.notices.length !== before) this.markDirty('notices');
  }

  sampleNow(): void {
    this.live.sample();
  }

  sampleSetting(key: 'temperature' | 'sampleLength', raw: string): void {
    void this.changeSetting(key, raw);
  }

  setPrime(text: string): void {
    this.state = { ...this.state, prime: wellFormed(text) };
    this.markDirty('samples');
  }

  probeInput(text: string): void {
    this.state = { ...this.state, probeText: wellFormed(text) };
    this.live.probe();
    this.markDirty('probe');
  }

  probePick(char: string): void {
    this.probeInput(this.state.probeText + char);
    this.panels.probe.setText(this.state.probeText);
  }

  heatText(text: string): void {
    this.state = { ...this.state, heatText: wellFormed(text) };
    this.live.heat();
    this.markDirty('heat');
  }

  panelVisible(part: 'probe' | 'heat', visible: boolean): void {
    this.live.setVisible(part, visible);
  }

  pickUnit(unit: number, gate: string): void {
    this.state = { ...this.state, unit, gate };
    this.save();
    this.markDirty('heat');
  }

  layer(raw: string): void {
    void this.changeSetting('layer', raw);
  }

  requestDownload(): void {
    // With the optimizer and training state: opened here again on the same text, the run continues
    // exactly; PyTorch loaders take the rnn.* and decoder.* tensors and ignore the rest.
    if (this.summary) this.bridge.send({ type: 'save', requestId: this.bridge.nextRequestId(), withOptimizer: true });
  }

  async openModel(file: File): Promise<void> {
    if (this.phase === 'starting' || this.phase === 'failed') return;
    this.openModelBytes(file.name, await file.arrayBuffer());
  }

  // ---- for autosave and an embedding host ----

  // The model with its optimizer and training state, as a model file's bytes (nothing is downloaded).
  checkpoint(): Promise<Uint8Array> {
    if (!this.summary || this.pending) return Promise.reject(new Error('no model to save yet'));
    const requestId = this.bridge.nextRequestId();
    return new Promise((resolve, reject) => {
      this.checkpointRequests.set(requestId, { resolve, reject });
      this.bridge.send({ type: 'save', requestId, withOptimizer: true });
    });
  }

  snapshot(): PlaygroundSnapshot {
    return {
      phase: this.phase, step: this.step, trainBits: this.history.lastSmoothed,
      validationBits: this.history.lastValidation?.bits ?? Number.NaN, state: this.state, summary: this.summary, text: this.text,
    };
  }

  showNotice(n: Notice): void {
    this.notify(n);
  }

  // Opens model bytes as if picked from a file (a restored autosave): the same checks and messages.
  openModelBytes(name: string, bytes: ArrayBuffer): void {
    if (this.phase === 'starting' || this.phase === 'failed') return;
    const refusal = this.modelRefusal(modelFileMetadata(bytes), this.state);
    if (refusal) return this.notify(openFailedNotice(name, refusal));  // the model in use stays
    const previousRunId = this.summary && !this.pending ? this.bridge.runId : null;
    const runId = this.bridge.newRun();
    const text = this.text;
    this.pending = { runId, text, train: false, loadedFile: name, fileMeta: modelFileMetadata(bytes), previousRunId };
    if (this.phase === 'training') this.setPhase('ready');
    this.bridge.send({ type: 'pause' });
    this.bridge.send({ type: 'load', runId, bytes, text, settings: coreSettings(this.state), resumeOptimizer: true }, [bytes]);
  }

  // A model of another text: the panel texts that followed the old text follow the new one (the
  // probe, the heatmaps, the teaching views), so they show what this model learns; what the person
  // typed there, or a link set, stays.
  private followModelText(before: string, after: string): void {
    if (before === after) return;
    const followed = followText(this.state, before, after);
    if (followed.probeText === this.state.probeText && followed.heatText === this.state.heatText) return;
    this.state = followed;
    this.panels.probe.setText(followed.probeText);
    this.save();
  }

  // "Use a piece of the training text" under a note about characters the model does not know.
  useTextPiece(which: 'probe' | 'heat'): void {
    const suggested = suggestedTexts(this.state, this.trainingText);
    if (which === 'probe') this.probeInput(suggested.probeText);
    else this.heatText(suggested.heatText);
    this.panels.probe.setText(this.state.probeText);
    this.save();
  }

  private watchForOverfitting(): void {
    if (this.overfittingSeen) return;
    const o = detectOverfitting(this.history.validations, (step) => this.history.smoothedAt(step));
    if (!o) return;
    this.overfittingSeen = true;
    this.notify(overfittingNotice(o, this.state.dropout, this.state.hiddenSize));
  }

  // A preset's text (fetched the first time), or null after saying why it could not be had.
  private async loadPreset(id: string): Promise<string | null> {
    try {
      return await loadPresetText(id);
    } catch (e) {
      this.notify({ id: 'preset', tone: 'error', title: 'That text could not be loaded', body: `${capitalize(e instanceof Error ? e.message : String(e))}. Check the connection and choose it again.`, actions: [], dismissible: true });
      return null;
    }
  }

  // ---- the model's lifecycle ----

  // A new model from the current text and settings; replies about the old one are dropped from now on.
  private buildModel(train: boolean): void {
    if (this.engine.state !== 'running') return;
    clearTimeout(this.textTimer);
    this.rebuildSoon = false;
    const runId = this.bridge.newRun();
    this.pending = { runId, text: this.text, train, loadedFile: null, fileMeta: null, previousRunId: null };
    if (this.restarting) {
      this.restarting = false;
      this.notify(restartedNotice);
    }
    this.bridge.send({ type: 'pause' });  // the old model must not train on while the new one is built
    this.bridge.send({ type: 'create', runId, text: this.text, settings: coreSettings(this.state) });
    this.markDirty('run');
  }

  private startTraining(): void {
    this.throughput.restartWindow();
    this.bridge.send({ type: 'train' });
  }

  private get building(): boolean {
    return this.pending !== null || this.rebuildSoon;
  }

  // Nothing learned would be lost: no model, or one that has not trained yet.
  private canRebuildFreely(): boolean {
    return !this.summary || this.step === 0 || this.phase === 'blocked';
  }

  private async mayDiscard(what: string): Promise<boolean> {
    if (this.canRebuildFreely()) return true;
    return this.panels.dialog.ask({
      title: 'Start a new model?',
      body: `${what} needs a new network. The current one has trained for ${formatCount(this.step)} steps (${formatDuration(this.throughput.elapsedMs)}); that training will be thrown away.`,
      confirm: 'Start over',
      cancel: 'Keep the current model',
    });
  }

  private setPhase(phase: RunPhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    this.frames.training = phase === 'training';
    // Only what shows the phase: starting to train must not redraw the whole page in one frame.
    for (const part of ['run', 'text', 'samples', 'controls'] as const) this.markDirty(part);
  }

  private notify(n: Notice): void {
    this.notices = [...this.notices.filter((x) => x.id !== n.id), n];
    this.markDirty('notices');
  }

  private download(bytes: Uint8Array): void {
    const s = this.summary;
    const name = s ? `charrnn-${s.cell}-${s.numLayers}x${s.hiddenSize}-step${this.step}.safetensors` : 'charrnn.safetensors';
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private save(): void {
    this.persistence.save(this.state, this.text);
  }

  // ---- drawing (frames.ts decides when) ----

  private markAll(): void {
    this.frames.mark('run', 'text', 'controls', 'chart', 'samples', 'probe', 'heat', 'notices', 'engine');
  }

  private markDirty(part: Part): void {
    this.frames.mark(part);
  }

  private drawPart(part: Part): void {
    const p = this.panels;
    const s = this.state;
    switch (part) {
      case 'run':
        return this.drawRun();
      case 'engine':
        return p.engine.render(this.engine);
      case 'notices':
        return p.notices.render(this.notices);
      case 'text': {
        const preset = presetById(s.preset);
        return p.text.render({
          preset: preset ? preset.id : CUSTOM,
          presets: [...PRESETS.map((x) => ({ id: x.id, title: x.title })), { id: CUSTOM, title: 'Your own text' }],
          about: preset ? preset.about : 'Your own text: anything in any script. It stays in this browser.',
          stats: this.stats,
          valFrac: s.valFrac,
          problem: this.problem ?? (this.fieldErrors.valFrac ? { message: this.fieldErrors.valFrac, fixes: [] } : null),
          pending: this.summary !== null && this.step > 0 && this.text !== this.modelText && this.phase !== 'blocked',
        });
      }
      case 'controls':
        return p.controls.render({
          state: s, parameters: this.summary?.parameters ?? null, enabled: this.engine.state === 'running',
          canSave: this.summary !== null, errors: this.fieldErrors,
        });
      case 'chart':
        return p.chart.render({
          data: this.history.chartData(600),
          uniformBits: Math.log2(Math.max(2, this.summary?.vocab.length ?? this.stats.vocab.length)),
          unigramBits: this.stats.unigramBits,
        });
      case 'validation':
        return this.drawRun();
      case 'samples':
        return p.samples.render({
          samples: this.live.samples, temperature: s.temperature, length: s.sampleLength, prime: s.prime,
          primeSuggestions: this.modelText ? primeSuggestions(this.modelText) : [],
          canSample: this.summary !== null, ignored: this.live.ignoredIn(s.prime), auto: this.phase === 'training',
          untrained: this.step === 0,
        });
      case 'probe': {
        const known = this.live.probeFor;
        return p.probe.render({
          text: s.probeText, bars: this.live.probeBars, entropyBits: this.live.probeEntropy,
          ignored: this.live.ignoredIn(s.probeText), canProbe: this.summary !== null,
          lastChar: known ? [...known].pop() ?? null : null,
        });
      }
      case 'heat':
        return p.heatmap.render({
          canInspect: this.summary !== null, inputText: s.heatText, ignored: this.live.ignoredIn(s.heatText),
          inspection: this.live.inspection, layer: s.layer, unit: s.unit, gate: s.gate, vocab: this.summary?.vocab ?? [],
        });
      default:
        assertNever(part);
    }
  }

  private drawRun(): void {
    const trainChars = this.summary?.trainCharacters ?? this.stats.trainCharacters;
    this.panels.runBar.render({
      phase: this.phase,
      status: statusLine(this.phase, this.summary, this.step, this.building),
      step: this.step,
      epoch: trainChars > 0 ? this.throughput.charsTrained / trainChars : Number.NaN,
      trainBits: this.history.lastSmoothed,
      validationBits: this.history.lastValidation?.bits ?? Number.NaN,
      charsPerSecond: this.throughput.charsPerSecond,  // paused: the pace it last had
      trainShare: this.phase === 'training' ? this.throughput.trainShare : Number.NaN,
      elapsedMs: this.throughput.elapsedMs,
      canStep: this.summary !== null && !this.building,
      building: this.building,
    });
  }

}
