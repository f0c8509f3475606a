// Wiring only: builds the page's objects in dependency order and connects them. Behaviour lives in
// app/ (controllers), ui/ (panels), state/ (settings, lessons, links) and the worker.
import { EmbedHost } from './app/embed/embedHost';
import { CUSTOM } from './presets';
import { watchOnScreen } from './app/page/onScreen';
import { PRESET_IDS, readStoredText, rememberText, startPage } from './app/page/startPage';
import { buildPanels } from './app/playground/panels';
import { Playground } from './app/playground/playground';
import { KeptRuns } from './app/runs/keptRuns';
import { SavedModels } from './app/saved/savedModels';
import { lockedSettingsRefusal } from './app/saved/lockedSettings';
import { PageAddress } from './app/share/pageAddress';
import { dropText } from './app/tasks/taskChange';
import { TaskPanels } from './app/tasks/taskPanels';
import { TeachController } from './app/teach/teachController';
import { WorkerBridge } from './bridge/workerBridge';
import { said, setLanguage } from './i18n';
import { relabel, relabelOnLanguageChange } from './i18n/dom';
import { stateFromHash } from './state/url';
import { ConfirmDialog } from './ui/dialog/confirmDialog';
import { mustFind } from './ui/dom';
import { listenForDrops } from './ui/drop/fileDrop';
import { languageSwitch } from './ui/header/languageSwitch';
import { icon } from './ui/icons';
import { applyLesson } from './ui/lesson/lessonView';
import { RunsDialog } from './ui/runs/runsDialog';
import { SavesDialog } from './ui/saves/savesDialog';
import { ShareDialog } from './ui/share/shareDialog';
import { TeachSection } from './ui/teach/teachSection';
import './style.css';

const page = await startPage(location.hash);
const { lesson } = page;
const spawnWorker = () => new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
const bridge = new WorkerBridge(spawnWorker);
const address = new PageAddress(lesson, mustFind<HTMLAnchorElement>('embed-open'));

const app = new Playground(page.state, page.text, bridge, new ConfirmDialog(document.body), {
  save(state, text) {
    address.show(state, text);
    if (state.preset === CUSTOM) rememberText(text);
  },
  storedText: readStoredText,
}, (meta, state) => lockedSettingsRefusal(lesson, state, meta));

// Share, Saved, lessons and the embed API (README: "Share a setup", "Embedding", "Saved in this browser").
const saved = new SavedModels(app, !lesson.hide.includes('saves'));
const runs = new KeptRuns(app, !lesson.hide.includes('saves'));  // runs are kept with the saves
runs.attach(new RunsDialog(document.body, { onPin: (id, on) => runs.pin(id, on) }));
app.attach(buildPanels(app, (action) => saved.action(action)));
saved.attach(new SavesDialog(document.body, {
  onRestore: (id) => void saved.restore(id),
  onDelete: (id) => void saved.delete(id),
  onDeleteAll: () => void Promise.all([saved.delete(null), runs.clear()]),  // runs are kept with the models
}));
const embed = new EmbedHost(app, lesson.origins, window.parent !== window ? window.parent : null);
// The running task's own panel (app/tasks/registry.ts), following the task setting and every model.
const tasks = new TaskPanels(mustFind('task-panel'), { worker: bridge, state: () => app.store.state, text: () => app.trainingText, summary: () => app.model.summary, spawnWorker, useText: (text) => app.text.replaceWith(text), textFixed: lesson.hide.includes('text') || lesson.lock.includes('text') });
tasks.stateChanged();
app.store.onChange(() => tasks.stateChanged());
for (const follower of [saved, runs, embed, tasks]) {
  app.model.events.onAny((e) => follower.signal(e));
  app.live.events.onAny((e) => follower.signal(e));
}
embed.listen(window);

const teach = new TeachController({
  worker: bridge,
  state: () => app.store.state,
  text: () => app.trainingText,
  vocab: () => app.model.summary?.vocab ?? null,
  changeSetting: (key, raw) => void app.changeSetting(key, raw),
  setHeatText: (text) => app.heatText(text),
  pauseTraining: () => app.pause(),
  spawnWorker,
  reportError: (what, message) => app.reportError(what, message),
}, app.model, app.live);
app.model.sideModels = () => teach.sideModels;
teach.attach(new TeachSection(mustFind('teach-panel'), teach.elements, (view) => teach.open(view, false, (v) => app.setView(v))));
app.store.onChange(() => teach.stateChanged());

const share = new ShareDialog(document.body);
for (const [id, name] of [['open-share', 'share'], ['open-saves', 'history'], ['open-runs', 'chart']] as const) mustFind(id).prepend(icon(name));
mustFind('open-share').addEventListener('click', async () => {
  const snap = app.snapshot();
  const base = location.href.replace(/#.*$/, '');
  share.open({ lesson, textNote: await address.link.textNote(snap), link: (l, lang) => base + address.link.hash({ ...snap.state, lang }, snap.text, l) });
});
mustFind('open-saves').addEventListener('click', () => saved.open());
mustFind('open-runs').addEventListener('click', () => runs.open());
// index.html's own words (data-i18n-*) in the page's language, and the switch that changes it live.
relabel(document);
relabelOnLanguageChange(document);
languageSwitch(mustFind('lang-switch'), (lang) => {
  setLanguage(lang);
  app.store.update({ lang });  // the link remembers it
});
applyLesson(lesson);
listenForDrops(document.body, { models: !lesson.hide.includes('file'), texts: !lesson.hide.includes('text') && !lesson.lock.includes('text') }, {
  onModel: (file) => void app.openModel(file),
  onText: (text, name) => dropText(app, text, name),
  onRefused: (why) => app.showNotice({ id: 'drop', tone: 'error', title: said('drop.refusedTitle'), body: [why], actions: [], dismissible: true }),
});

// A link that names a view (#view=gradients) opens it and scrolls to it, on load and when followed.
const openLinkedView = (scroll: boolean) => {
  const view = stateFromHash(location.hash, PRESET_IDS).view;
  if (view) teach.open(view, scroll, (v) => app.setView(v));
};
addEventListener('hashchange', () => openLinkedView(true));
// The probe, the heatmaps and the teaching views refresh while training only when a person can see them.
watchOnScreen([
  [mustFind('probe-panel'), (on) => app.panelVisible('probe', on)],
  [mustFind('heatmap-panel'), (on) => app.panelVisible('heat', on)],
  [mustFind('teach-panel'), (on) => teach.setVisible(on)],
]);
bridge.start();
requestAnimationFrame(() => openLinkedView(true));
