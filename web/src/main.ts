// Wiring only: the panels, the worker bridge, the playground between them, and where state is kept.
import { Autosave, textKey } from './app/autosave';
import { WorkerBridge } from './app/bridge';
import { CheckpointStore, storageErrorMessage, type CheckpointMeta } from './app/checkpointStore';
import { defaultHeatText, defaultProbeText } from './app/defaults';
import { EmbedHost } from './app/embedHost';
import { lessonParams, parseLesson, type Lesson } from './app/lesson';
import { Playground, type PlaygroundSignal } from './app/playground';
import type { PlaygroundState } from './app/settings';
import { decodeLinkText, encodeLinkText, stateFromHash, stateParams } from './app/url';
import { CUSTOM, PRESETS, presetById } from './presets';
import { LossChart } from './ui/chart/lossChart';
import { ControlsPanel } from './ui/controls/controlsPanel';
import { ConfirmDialog } from './ui/dialog/confirmDialog';
import { mustFind } from './ui/dom';
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
import { TextPanel } from './ui/text/textPanel';
import './style.css';

const TEXT_KEY = 'charrnn-playground.text';

const presetIds = [...PRESETS.map((p) => p.id), CUSTOM];
const state = stateFromHash(location.hash, presetIds);
const lesson = parseLesson(location.hash);
// A shared link may carry a short text of its own; else the text this browser remembers.
const linkedText = state.preset === CUSTOM ? await decodeLinkText(location.hash) : null;
const storedText = linkedText ?? readStoredText();
const initialText = state.preset === CUSTOM && storedText !== null ? storedText : (presetById(state.preset) ?? PRESETS[0]).text;
if (state.preset === CUSTOM && storedText === null) state.preset = PRESETS[0].id;

let app: Playground;

const bridge = new WorkerBridge(() => new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' }), {
  onMessage: (msg) => app.onMessage(msg),
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
  }),
  heatmap: new HeatmapPanel(mustFind('heatmap-panel'), {
    onText: (text) => app.heatText(text),
    onLayer: (raw) => app.layer(raw),
    onPickUnit: (unit, gate) => app.pickUnit(unit, gate),
  }),
  notices: new NoticeList(mustFind('notices'), {
    onAction: (id, action) => app.noticeAction(id, action),
    onDismiss: (id) => app.dismiss(id),
  }),
  dialog: new ConfirmDialog(document.body),
};
const share = new ShareDialog(document.body);
const saves = new SavesDialog(document.body, {
  onRestore: (id) => void restoreCheckpoint(id),
  onDelete: (id) => void storeAction((s) => s.delete(id)),
  onDeleteAll: () => void storeAction((s) => s.clear()),
});
mustFind('open-share').prepend(icon('share'));
mustFind('open-saves').prepend(icon('history'));
mustFind('open-share').addEventListener('click', () => void openShare());
mustFind('open-saves').addEventListener('click', () => {
  saves.open();
  void refreshSaves();
});

// Settings go to the URL at once; the text (possibly megabytes) to local storage once typing settles.
let textTimer: ReturnType<typeof setTimeout> | undefined;
app = new Playground(state, initialText, bridge, panels, {
  save(s, text) {
    const hash = linkHash(s, text, lesson);
    if (hash !== location.hash && !(hash === '' && location.hash === '')) history.replaceState(null, '', hash || location.pathname + location.search);
    (mustFind('embed-open') as HTMLAnchorElement).href = linkHash(s, text, { ...lesson, embed: false, origins: [] }) || './';
    if (s.preset === CUSTOM) {
      clearTimeout(textTimer);
      textTimer = setTimeout(() => storeText(text), 500);
    }
  },
  storedText: readStoredText,
}, (signal) => onSignal(signal));
applyLesson(lesson);
const embedHost = new EmbedHost(app, lesson.origins, window.parent !== window ? window.parent : null);
embedHost.listen(window);
bridge.start();

// The probe and the heatmaps refresh while training only when a person can see them.
const watched = new Map<Element, 'probe' | 'heat'>([[mustFind('probe-panel'), 'probe'], [mustFind('heatmap-panel'), 'heat']]);
const visibility = new IntersectionObserver(
  (entries) => {
    for (const e of entries) app.panelVisible(watched.get(e.target)!, e.isIntersecting);
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

// ---- the link: settings, a short text, lesson options ----

// The text a link can carry, encoded once per text (compressing is asynchronous; the URL follows).
let linkText: { text: string; encoded: string | null } | null = null;

function linkHash(s: PlaygroundState, text: string, l: Lesson): string {
  const params = stateParams(s, { probeText: defaultProbeText(text), heatText: defaultHeatText(text) });
  if (s.preset === CUSTOM) {
    if (linkText?.text === text) {
      if (linkText.encoded !== null) params.set('text', linkText.encoded);
    } else {
      void encodeLinkText(text).then((encoded) => {
        linkText = { text, encoded };
        const snap = app.snapshot();
        if (snap.text === text) history.replaceState(null, '', linkHash(snap.state, text, lesson) || location.pathname + location.search);
      });
    }
  }
  for (const [k, v] of lessonParams(l)) params.set(k, v);
  const q = params.toString();
  return q ? `#${q}` : '';
}

async function openShare(): Promise<void> {
  const snap = app.snapshot();
  const base = location.href.replace(/#.*$/, '');
  let textNote: string;
  const preset = presetById(snap.state.preset);
  if (preset) {
    textNote = `Text: the preset “${preset.title}”.`;
  } else {
    const encoded = await encodeLinkText(snap.text);
    linkText = { text: snap.text, encoded };
    textNote = encoded !== null
      ? `Your own text (${[...snap.text].length.toLocaleString('en-US')} characters) is in the link.`
      : `Your own text (${[...snap.text].length.toLocaleString('en-US')} characters) is too long for a link, so it is not in it: the link opens with “${PRESETS[0].title}” (or the text the learner has). Use a preset, or a text under about 5,000 characters.`;
  }
  share.open({ lesson, textNote, link: (l) => base + linkHash(snap.state, snap.text, l) });
}

// ---- signals: the embedding host and autosave listen ----

const autosaveOn = !lesson.hide.includes('saves');
const storeReady: Promise<CheckpointStore> = CheckpointStore.open();
storeReady.catch(() => undefined);
let storeFailure: string | null = null;
let offeredRestore = false;
let savedItems: CheckpointMeta[] = [];

const autosave = new Autosave(
  {
    put: async (meta, bytes) => (await storeReady).put(meta, bytes),
    forText: async (key) => (await storeReady).forText(key),
  },
  {
    checkpoint: () => app.checkpoint(),
    snapshot: () => app.snapshot(),
    textTitle: () => {
      const snap = app.snapshot();
      const preset = presetById(snap.state.preset);
      if (preset) return preset.title;
      const start = [...snap.text.replace(/\s+/g, ' ').trim()].slice(0, 40).join('');
      return `Your text: “${start}${[...snap.text].length > 40 ? '…' : ''}”`;
    },
    now: () => performance.now(),
    saved: () => {
      if (saves.isOpen) void refreshSaves();
    },
    tooLarge: (bytes) => app.showNotice({
      id: 'autosave', tone: 'info', title: 'Not saved in the browser automatically',
      body: `This model is large (about ${Math.round(bytes / (1 << 20))} MB with its optimizer state), too large to keep every 30 seconds. Use Download model to keep it.`,
      actions: [], dismissible: true,
    }),
    failed: (e) => {
      autosave.stop();
      storeFailure = storageErrorMessage(e);
      app.showNotice({ id: 'autosave', tone: 'warning', title: 'Not saved in the browser', body: storeFailure, actions: [], dismissible: true });
    },
  },
);

function onSignal(s: PlaygroundSignal): void {
  embedHost.signal(s);
  if (s.type === 'action') return void noticeAction(s.actionId);
  if (!autosaveOn) return;
  void autosave.onSignal(s);
  if (s.type === 'model' && !s.loaded && !offeredRestore) {
    offeredRestore = true;
    void offerRestore();
  }
}

// After a reload: a model of this text was saved before; offer to continue it.
async function offerRestore(): Promise<void> {
  let kept: CheckpointMeta[];
  try {
    kept = (await (await storeReady).forText(textKey(app.snapshot().text))).filter((m) => m.step > 0);
  } catch {
    return;  // no storage: nothing to offer (a save attempt says so)
  }
  if (kept.length === 0 || app.snapshot().step > 0) return;
  const latest = kept.find((m) => m.kind === 'latest');
  const best = kept.find((m) => m.kind === 'best');
  const describe = (m: CheckpointMeta) => `step ${m.step.toLocaleString('en-US')}${m.validationBits !== null ? `, validation ${m.validationBits.toFixed(3)} bits/char` : ''}, saved ${new Date(m.savedAt).toLocaleString()}`;
  app.showNotice({
    id: 'autosave-restore', tone: 'info', title: 'This browser kept a model of this text',
    body: [latest ? `Latest: ${describe(latest)}.` : '', best ? `Best: ${describe(best)}.` : ''].filter(Boolean).join(' '),
    actions: [
      ...(latest ? [{ id: `restore:${latest.id}`, label: 'Continue the latest', primary: true }] : []),
      ...(best ? [{ id: `restore:${best.id}`, label: 'Continue the best' }] : []),
      { id: 'saves', label: 'Saved models…' },
    ],
    dismissible: true,
  });
}

function noticeAction(actionId: string): void {
  if (actionId.startsWith('restore:')) return void restoreCheckpoint(actionId.slice('restore:'.length));
  if (actionId === 'saves') {
    saves.open();
    void refreshSaves();
  }
}

async function restoreCheckpoint(id: string): Promise<void> {
  try {
    const store = await storeReady;
    const meta = (await store.list()).find((m) => m.id === id);
    const bytes = await store.bytes(id);
    if (!meta || !bytes) throw new Error('that saved model is gone');
    saves.close();
    app.openModelBytes(`${meta.kind === 'best' ? 'best' : 'latest'} saved model (step ${meta.step})`, bytes);
  } catch (e) {
    storeFailure = e instanceof Error && e.message === 'that saved model is gone' ? 'That saved model is gone (deleted in another tab?).' : storageErrorMessage(e);
    void refreshSaves();
  }
}

async function storeAction(action: (s: CheckpointStore) => Promise<void>): Promise<void> {
  try {
    await action(await storeReady);
  } catch (e) {
    storeFailure = storageErrorMessage(e);
  }
  await refreshSaves();
}

async function refreshSaves(): Promise<void> {
  try {
    savedItems = await (await storeReady).list();
  } catch (e) {
    storeFailure = storageErrorMessage(e);
    savedItems = [];
  }
  saves.render({ items: savedItems, currentTextKey: textKey(app.snapshot().text), message: storeFailure, busy: false });
}
