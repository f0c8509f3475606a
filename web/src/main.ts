// Wiring only: the panels, the worker bridge, the playground between them, and where state is kept.
import { WorkerBridge } from './app/bridge';
import { EmbedHost } from './app/embed/embedHost';
import { parseLesson } from './state/lesson';
import { lockedSettingsRefusal } from './app/saved/lockedSettings';
import { Playground } from './app/playground';
import { SavedModels } from './app/saved/savedModels';
import { ShareLink } from './app/share/shareLink';
import { TeachController } from './app/teach/teachController';
import { decodeLinkText, stateFromHash } from './state/url';
import { CUSTOM, loadPresetText, PRESETS } from './presets';
import { LossChart } from './ui/chart/lossChart';
import { ControlsPanel } from './ui/controls/controlsPanel';
import { ConfirmDialog } from './ui/dialog/confirmDialog';
import { mustFind } from './ui/dom';
import { listenForDrops } from './ui/drop/fileDrop';
import { EngineBadge } from './ui/header/engineBadge';
import { HeatmapPanel } from './ui/heatmap/heatmapPanel';
import { icon } from './ui/icons';
import { applyLesson } from './ui/lesson/lessonView';
import { NoticeList } from './ui/notices/noticeList';
import { ProbePanel } from './ui/probe/probePanel';
import { RunBar } from './ui/runbar/runBar';
import { SamplePanel } from './ui/samples/samplePanel';
import { SavesDialog } from './ui/saves/savesDialog';
import { ShareDialog } from './ui/share/shareDialog';
import { TeachSection } from './ui/teach/teachSection';
import { TextPanel } from './ui/text/textPanel';
import './style.css';

const TEXT_KEY = 'charrnn-playground.text';

const presetIds = [...PRESETS.map((p) => p.id), CUSTOM];
const state = stateFromHash(location.hash, presetIds);
const lesson = parseLesson(location.hash);
// A shared link may carry a short text of its own; else the text this browser remembers.
const linkedText = state.preset === CUSTOM ? await decodeLinkText(location.hash) : null;
const storedText = linkedText ?? readStoredText();
const initialText = state.preset === CUSTOM && storedText !== null ? storedText : await loadPresetText(state.preset);
if (state.preset === CUSTOM && storedText === null) state.preset = PRESETS[0].id;

let app: Playground;
let teach: TeachController | undefined;

const spawnWorker = () => new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
const bridge = new WorkerBridge(spawnWorker, {
  // The teaching views take the replies to their own requests; everything else goes to the
  // playground first, then the views look at it too.
  onMessage: (msg) => {
    if (teach?.onReply(msg)) return;
    app.onMessage(msg);
    teach?.observe(msg);
  },
  onCrash: (message) => app.onCrash(message),
});

const panels = {
  engine: new EngineBadge(mustFind('engine')),
  runBar: new RunBar(mustFind('runbar'), {
    onTrain: () => app.train(),
    onPause: () => app.pause(),
    onStep: () => app.stepOnce(),
    onReset: () => app.reset(),
  }),
  text: new TextPanel(mustFind('text-panel'), {
    onInput: (text) => app.textInput(text),
    onPreset: (id) => void app.choosePreset(id),
    onValFrac: (raw) => void app.changeSetting('valFrac', raw === '' ? raw : String(Number(raw) / 100)),
    onApplyText: () => app.applyText(),
    onRevertText: () => app.revertText(),
    onFix: (id) => app.fix(id),
  }),
  controls: new ControlsPanel(mustFind('controls-panel'), {
    onChange: (key, raw) => void app.changeSetting(key, raw),
    onNewSeed: () => app.newSeed(),
    onDownload: () => app.requestDownload(),
    onOpen: (file) => void app.openModel(file),
  }),
  chart: new LossChart(mustFind('chart-panel')),
  samples: new SamplePanel(mustFind('sample-panel'), {
    onSampleNow: () => app.sampleNow(),
    onTemperature: (raw) => app.sampleSetting('temperature', raw),
    onLength: (raw) => app.sampleSetting('sampleLength', raw),
    onPrime: (text) => app.setPrime(text),
  }),
  probe: new ProbePanel(mustFind('probe-panel'), {
    onInput: (text) => app.probeInput(text),
    onPick: (char) => app.probePick(char),
    onUseTextPiece: () => app.useTextPiece('probe'),
  }),
  heatmap: new HeatmapPanel(mustFind('heatmap-panel'), {
    onText: (text) => app.heatText(text),
    onLayer: (raw) => app.layer(raw),
    onPickUnit: (unit, gate) => app.pickUnit(unit, gate),
    onUseTextPiece: () => app.useTextPiece('heat'),
  }),
  notices: new NoticeList(mustFind('notices'), {
    onAction: (id, action) => app.noticeAction(id, action),
    onDismiss: (id) => app.dismiss(id),
  }),
  dialog: new ConfirmDialog(document.body),
};

// Settings go to the URL at once; the text (possibly megabytes) to local storage once typing settles.
let textTimer: ReturnType<typeof setTimeout> | undefined;
const link = new ShareLink(() => {
  const snap = app.snapshot();
  showInAddressBar(link.hash(snap.state, snap.text, lesson));
});
app = new Playground(state, initialText, bridge, panels, {
  save(s, text) {
    showInAddressBar(link.hash(s, text, lesson));
    (mustFind('embed-open') as HTMLAnchorElement).href = link.hash(s, text, { ...lesson, embed: false, origins: [] }) || './';
    teach?.stateChanged();
    if (s.preset === CUSTOM) {
      clearTimeout(textTimer);
      textTimer = setTimeout(() => storeText(text), 500);
    }
  },
  storedText: readStoredText,
}, (signal) => {
  embedHost.signal(signal);
  savedModels.signal(signal);
}, (meta, s) => lockedSettingsRefusal(lesson, s, meta));

const teachSection = new TeachSection(mustFind('teach-panel'), {
  onOpen: (view) => teach!.open(view, false),
  onSetting: (key, raw) => teach!.setting(key, raw),
  onGradientCheck: () => teach!.runGradientCheck(),
  anatomy: {
    onUnit: (unit) => teach!.anatomyUnit(unit),
    onLayer: (layer) => teach!.anatomyLayer(layer),
    onLiveliest: () => teach!.anatomyLiveliest(),
    onText: (text) => teach!.probeText(text),
  },
  softmax: { onStep: (step) => teach!.softmaxPick(step) },
  compare: {
    onStart: (mode) => teach!.startCompare(mode),
    onPause: () => teach!.pauseCompare(),
    onResume: () => teach!.resumeCompare(),
  },
  forget: { onFresh: () => teach!.freshLab(), onTrain: (steps) => teach!.trainLab(steps) },
});
teach = new TeachController({
  state: () => app.currentState,
  text: () => app.trainingText,
  vocab: () => app.vocab,
  send: (msg) => bridge.send(msg),
  nextRequestId: () => bridge.nextRequestId(),
  changeSetting: (key, raw) => void app.changeSetting(key, raw),
  setView: (view) => app.setView(view),
  setProbeText: (text) => app.heatText(text),
  pauseTraining: () => app.pause(),
  spawnWorker,
}, teachSection);

// Share, Saved, lessons and the embed API (README: "Share a setup", "Embedding", "Saved in this browser").
const savedModels = new SavedModels(app, !lesson.hide.includes('saves'));
savedModels.attach(new SavesDialog(document.body, {
  onRestore: (id) => void savedModels.restore(id),
  onDelete: (id) => void savedModels.delete(id),
  onDeleteAll: () => void savedModels.delete(null),
}));
const share = new ShareDialog(document.body);
mustFind('open-share').prepend(icon('share'));
mustFind('open-saves').prepend(icon('history'));
mustFind('open-share').addEventListener('click', async () => {
  const snap = app.snapshot();
  const base = location.href.replace(/#.*$/, '');
  share.open({ lesson, textNote: await link.textNote(snap), link: (l) => base + link.hash(snap.state, snap.text, l) });
});
mustFind('open-saves').addEventListener('click', () => savedModels.open());
applyLesson(lesson);
listenForDrops(document.body, { models: !lesson.hide.includes('file'), texts: !lesson.hide.includes('text') && !lesson.lock.includes('text') }, {
  onModel: (file) => void app.openModel(file),
  onText: (text) => {
    panels.text.setText(text);
    app.textInput(text);
  },
  onRefused: (message) => app.showNotice({ id: 'drop', tone: 'error', title: 'That file was not taken', body: message, actions: [], dismissible: true }),
});
const embedHost = new EmbedHost(app, lesson.origins, window.parent !== window ? window.parent : null);
embedHost.listen(window);
bridge.start();
// A link that names a view (#view=gradients) opens it and scrolls to it, on load and when followed.
if (state.view) requestAnimationFrame(() => teach!.open(state.view, true));
addEventListener('hashchange', () => {
  const view = stateFromHash(location.hash, presetIds).view;
  if (view) teach!.open(view, true);
});

// The probe and the heatmaps refresh while training only when a person can see them.
const watched = new Map<Element, 'probe' | 'heat' | 'teach'>([
  [mustFind('probe-panel'), 'probe'], [mustFind('heatmap-panel'), 'heat'], [mustFind('teach-panel'), 'teach'],
]);
const visibility = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      const part = watched.get(e.target)!;
      if (part === 'teach') teach!.setVisible(e.isIntersecting);
      else app.panelVisible(part, e.isIntersecting);
    }
  },
  { rootMargin: '200px 0px' },
);
for (const el of watched.keys()) visibility.observe(el);

function readStoredText(): string | null {
  try {
    return localStorage.getItem(TEXT_KEY);
  } catch {
    return null;  // storage may be off (private windows, file://): the text just is not remembered
  }
}

function storeText(text: string): void {
  try {
    localStorage.setItem(TEXT_KEY, text);
  } catch {
    // Full or unavailable: not worth bothering a person about.
  }
}

function showInAddressBar(hash: string): void {
  if (hash !== location.hash && !(hash === '' && location.hash === '')) history.replaceState(null, '', hash || location.pathname + location.search);
}
