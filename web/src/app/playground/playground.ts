// The controller the playground's panels talk to: what each button, text box and notice does to the
// settings, the text and the model. Panels render what they are given and report what a person asked
// for; the model's lifecycle (app/model) drives the worker; this class decides between them.
import { formatDuration } from '../../format';
import { engineSaid, onLanguageChange, t, type Said } from '../../i18n';
import { PRESETS } from '../../presets';
import type { RequestKind, Stop, WorkerError } from '../../protocol';
import { defaultHeatText, defaultProbeText, suggestedTexts } from '../../state/panelTexts';
import { labelledLinesProblem } from '../../state/labelledLines';
import { textProblem } from '../../state/textProblem';
import { coreSettings, type PlaygroundState } from '../../state/settings';
import { wellFormed } from '../../state/textStats';
import type { ConfirmDialog } from '../../ui/dialog/confirmDialog';
import type { Notice } from '../../ui/notices/noticeList';
import { LiveRequests } from '../live/liveRequests';
import { ModelLifecycle, type OpenedFile } from '../model/modelLifecycle';
import type { ModelWorker } from '../model/modelWorker';
import { detectOverfitting } from '../model/overfitting';
import { NoticeBoard } from '../notices/noticeBoard';
import * as say from '../notices/notices';
import { modelFileMetadata } from '../saved/modelFile';
import { fixesFor } from './fixes';
import { FrameScheduler } from './frames';
import { ModelFollower } from './modelFollower';
import { PageStore, type PagePart, type Persistence } from './pageStore';
import { PanelDrawing, type PlaygroundPanels } from './panelDrawing';
import { SettingsChanges } from './settingsChanges';
import { TextChanges } from './textChanges';

const PROGRESS_EVERY_MS = 66;   // the live numbers: 15 times a second
const CHART_EVERY_MS = 250;     // the loss chart: 4 times a second
const ALL_PARTS: PagePart[] = ['run', 'text', 'controls', 'chart', 'samples', 'probe', 'heat', 'notices', 'engine'];

export interface PlaygroundSnapshot {
  phase: ModelLifecycle['phase'];
  step: number;
  trainBits: number;        // smoothed, NaN before the first step
  validationBits: number;
  state: PlaygroundState;
  summary: ModelLifecycle['summary'];
  text: string;
}

export class Playground {
  readonly store: PageStore;
  readonly model: ModelLifecycle;
  readonly live: LiveRequests;
  readonly notices: NoticeBoard;
  readonly settings: SettingsChanges;
  readonly text: TextChanges;
  private readonly frames: FrameScheduler<PagePart>;
  private panels: PlaygroundPanels | null = null;  // until attach(): nothing drawn yet
  private drawing: PanelDrawing | null = null;
  private sampleWhenPaused = false;
  private overfittingSeen = false;  // said once per model: dismissing it is an answer

  constructor(
    state: PlaygroundState,
    text: string,
    worker: ModelWorker,
    private readonly dialog: ConfirmDialog,
    persistence: Persistence,
    // Why a model file may not open here (a lesson's locked settings), or null: every way in asks it.
    private readonly modelRefusal: (meta: Record<string, string> | null, state: PlaygroundState) => Said | null,
  ) {
    this.frames = new FrameScheduler<PagePart>(
      { progress: ['run', 'chart', 'validation'], chart: 'chart', progressEveryMs: PROGRESS_EVERY_MS, chartEveryMs: CHART_EVERY_MS },
      { now: () => performance.now(), frame: (f) => requestAnimationFrame(f), later: (f, ms) => setTimeout(f, ms) },
      (part) => this.drawing?.draw(part),
    );
    const wellText = wellFormed(text);
    this.store = new PageStore(
      { ...state, probeText: state.probeText || defaultProbeText(wellText), heatText: state.heatText || defaultHeatText(wellText) },
      wellText, persistence, (...parts) => this.frames.mark(...parts),
    );
    const source = { text: () => this.store.text, settings: () => coreSettings(this.store.state), workers: () => this.store.state.workers };
    this.model = new ModelLifecycle(worker, source);
    this.notices = new NoticeBoard(() => this.frames.mark('notices'));
    this.live = new LiveRequests({
      state: () => this.store.state,
      vocab: () => this.model.summary?.vocab ?? null,
      cell: () => this.model.summary?.cell ?? this.store.state.cell,
      changed: (part) => this.frames.mark(part),
    }, worker);
    this.settings = new SettingsChanges(this.store, this.model, (what) => this.mayDiscard(what), (d) => void this.text.choosePreset(this.store.state.preset, { distance: d }));
    this.text = new TextChanges(this.store, this.model, this.notices, () => this.panels, (what) => this.mayDiscard(what));
    new ModelFollower(this.model, this.store, this.live, this.notices, (text) => this.panels?.probe.setText(text));
    this.listen(worker);
    onLanguageChange(() => this.frames.mark(...ALL_PARTS));  // everything computed in render() says it again
  }

  // The panels to draw into (built with this controller's methods as their events: panels.ts).
  attach(panels: PlaygroundPanels): void {
    this.panels = panels;
    this.drawing = new PanelDrawing(panels, this.store, this.model, this.live, this.notices);
    panels.text.setText(this.store.text);
    panels.probe.setText(this.store.state.probeText);
    this.frames.mark(...ALL_PARTS);
  }

  // What the teaching views read: the text the model learns.
  get trainingText(): string {
    return this.model.modelText || this.store.text;
  }

  // ---- the run ----

  train(): void {
    this.notices.dismiss('stop');
    this.model.train();
  }

  pause(): void {
    if (this.model.pause()) this.sampleWhenPaused = true;
  }

  stepOnce(): void {
    this.notices.dismiss('stop');
    this.model.stepOnce();
  }

  reset(): void {
    if (this.model.phase === 'starting' || this.model.phase === 'failed') return;
    this.notices.dismiss('stop');
    this.model.build(false);
  }

  // ---- the text (textChanges.ts) and quick fixes ----

  // A quick fix under a problem with the text.
  fix(id: string): void {
    const preset = this.settings.fix(id);
    if (preset !== null) void this.text.choosePreset(preset);
  }

  // ---- settings ----

  changeSetting(key: keyof PlaygroundState, raw: string | boolean): Promise<void> {
    return this.settings.change(key, raw);
  }

  newSeed(): void {
    this.settings.newSeed();
  }

  // ---- probe, heatmaps, samples ----

  probeInput(text: string): void {
    this.store.update({ probeText: wellFormed(text) });
    this.live.probe();
    this.store.mark('probe');
  }

  probePick(char: string): void {
    this.probeInput(this.store.state.probeText + char);
    this.panels?.probe.setText(this.store.state.probeText);
  }

  heatText(text: string): void {
    this.store.update({ heatText: wellFormed(text) });
    this.live.heat();
    this.store.mark('heat');
  }

  // "Use a piece of the training text" under a note about characters the model does not know.
  useTextPiece(which: 'probe' | 'heat'): void {
    const suggested = suggestedTexts(this.store.state, this.trainingText);
    if (which === 'probe') this.probeInput(suggested.probeText);
    else this.heatText(suggested.heatText);
    this.panels?.probe.setText(this.store.state.probeText);
  }

  pickUnit(unit: number, gate: string): void {
    this.store.update({ unit, gate });
    this.store.mark('heat');
  }

  setPrime(text: string): void {
    this.store.update({ prime: wellFormed(text) });
    this.store.mark('samples');
  }

  sampleNow(): void {
    this.live.sample();
  }

  panelVisible(part: 'probe' | 'heat', visible: boolean): void {
    this.live.setVisible(part, visible);
  }

  // A teaching view was opened or closed: remembered in the URL, so the link opens it again.
  setView(view: string): void {
    if (this.store.state.view !== view) this.store.update({ view });
  }

  // ---- notices ----

  showNotice(n: Notice): void {
    this.notices.show(n);
  }

  dismiss(id: string): void {
    this.notices.dismiss(id);
  }

  reportError(what: string, message: string): void {
    this.notices.show(say.requestErrorNotice(what, engineSaid(message)));
  }

  // A notice's button. Returns false for actions this page does not handle (saved models' offers).
  noticeAction(noticeId: string, actionId: string): boolean {
    this.notices.dismiss(noticeId);
    const s = this.store.state;
    switch (actionId) {
      case 'restart':
        this.model.restartEngine();
        return true;
      case 'reset':
        this.reset();
        return true;
      case 'lower-lr':
        void this.changeSetting('learningRate', String(say.lowerLearningRate(s.learningRate))).then(() => this.train());
        return true;
      case 'more-dropout':
        void this.changeSetting('dropout', String(say.nextDropout(s.dropout)));
        return true;
      case 'fewer-units':
        void this.changeSetting('hiddenSize', String(say.fewerUnits(s.hiddenSize)));
        return true;
      case 'more-text':
        this.panels?.text.focusForMore();
        return true;
      default:
        return false;
    }
  }

  // ---- model files ----

  async requestDownload(): Promise<void> {
    try {
      download(await this.model.modelBytes(), this.model.summary, this.model.step);
    } catch (e) {
      this.notices.show(say.requestErrorNotice('save', e instanceof Error ? engineSaid(e.message) : engineSaid(String(e))));
    }
  }

  async openModel(file: File): Promise<void> {
    this.openModelBytes(file.name, await file.arrayBuffer());
  }

  // Opens model bytes as if picked from a file (a restored autosave): the same checks and messages.
  openModelBytes(name: string, bytes: ArrayBuffer): void {
    if (this.model.phase === 'starting' || this.model.phase === 'failed') return;
    const meta = modelFileMetadata(bytes);
    const refusal = this.modelRefusal(meta, this.store.state);
    if (refusal) return this.notices.show(say.openFailedNotice(name, refusal));  // the model in use stays
    const file: OpenedFile = { name, meta };
    this.model.open(file, bytes, this.store.text, coreSettings(this.store.state));
  }

  // The model with its optimizer and training state, as a model file's bytes (autosave, nothing downloaded).
  checkpoint(): Promise<Uint8Array> {
    return this.model.modelBytes();
  }

  snapshot(): PlaygroundSnapshot {
    const m = this.model;
    return {
      phase: m.phase, step: m.step, trainBits: m.history.lastSmoothed,
      validationBits: m.history.lastValidation?.bits ?? Number.NaN, state: this.store.state, summary: m.summary, text: this.store.text,
    };
  }

  // ---- inside ----

  private listen(worker: ModelWorker): void {
    const m = this.model;
    // The one place a failed request becomes a notice (callers that handle failures themselves opt out).
    worker.onRequestError((kind: RequestKind, error: WorkerError) => this.notices.show(say.requestErrorNotice(kind, engineSaid(error))));
    m.events.on('phase', () => this.frames.mark('run', 'text', 'samples', 'controls'));
    m.events.on('engine', () => this.frames.mark('engine', 'controls'));
    m.events.on('progress', () => {
      this.frames.training = m.phase === 'training';
      this.frames.mark('run', 'chart');
      if (m.phase === 'training') this.live.tick(performance.now());
    });
    m.events.on('paused', () => {
      this.frames.training = false;
      this.frames.mark('run', 'samples');
      // After Pause, show what the model writes now; after a single Step, a sample each would spam.
      this.live.refreshAll(this.sampleWhenPaused);
      this.sampleWhenPaused = false;
    });
    m.events.on('stopped', (e) => this.stopped(e.stop));
    m.events.on('trainingFailed', (e) => this.notices.show(say.requestErrorNotice('train', engineSaid(e.message))));
    m.events.on('crashed', (e) => this.notices.show(say.crashNotice(e.message)));
    m.events.on('restarted', () => this.notices.show(say.restartedNotice));
    m.events.on('model', () => (this.overfittingSeen = false));
    m.events.on('buildFailed', (e) => {
      if (e.file) return;  // the follower says so; the previous model goes on
      // What the page's own checks see (language model, labelled lines), else the core's refusal (engineSaid).
      const s = this.store.state, lm = s.task === 'lm';
      this.store.problem = { message: (lm ? textProblem(this.store.stats, s.batch, s.seqLen) : s.task === 'classify' ? labelledLinesProblem(this.store.text) : null) ?? engineSaid(e.error), fixes: lm ? fixesFor(this.store.stats, s.batch, s.seqLen, PRESETS[0]) : [] };
      this.frames.mark(...ALL_PARTS);
    });
    this.live.events.on('validation', (e) => {
      m.history.addValidation(e.step, e.bits);
      this.frames.mark('chart');
      this.watchForOverfitting();
    });
  }

  private stopped(stop: Stop): void {
    this.notices.show(say.stopNotice(stop, this.store.state.learningRate, this.store.state.clip));
    this.live.refreshAll(false);
    this.frames.mark(...ALL_PARTS);
  }

  private watchForOverfitting(): void {
    if (this.overfittingSeen) return;
    const h = this.model.history;
    const o = detectOverfitting(h.validations, (step) => h.smoothedAt(step));
    if (!o) return;
    this.overfittingSeen = true;
    this.notices.show(say.overfittingNotice(o, this.store.state.dropout, this.store.state.hiddenSize));
  }

  private mayDiscard(what: string): Promise<boolean> {
    if (this.model.canRebuildFreely) return Promise.resolve(true);
    return this.dialog.ask({
      title: t('discard.title'),
      body: t('discard.body', { what, steps: this.model.step, time: formatDuration(this.model.throughput.elapsedMs) }),
      confirm: t('discard.confirm'),
      cancel: t('discard.cancel'),
    });
  }
}

function download(bytes: Uint8Array, s: ModelLifecycle['summary'], step: number): void {
  const name = s ? `charrnn-${s.cell}-${s.numLayers}x${s.hiddenSize}-step${step}.safetensors` : 'charrnn.safetensors';
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

