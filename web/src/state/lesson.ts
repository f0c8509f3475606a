// Lesson mode: link parameters a teacher sets so a page shows only what a lesson needs.
//   panels=loss,samples   the panels shown (absent: all)
//   hide=drop,clip,file   controls hidden
//   lock=cell,hidden      controls shown but fixed (disabled, with a note); lock=lang fixes the language
//   embed=1               the embed layout: no page chrome, fits its box
//   origin=https://a.example,https://b.example
//                         the host pages allowed to drive an embedded playground (postMessage)
// They live in the same fragment as the settings. Unknown names are ignored, so an old link still opens.
import type { MessageKey } from '../i18n';
import { FIELDS, fieldLabel, type PlaygroundState } from './settings';

export interface PanelDef {
  id: string;        // name in the link
  label: MessageKey;
  element: string;   // the panel's element id in index.html
}

// One row per panel: a panel added to the page is one row here.
export const PANELS: readonly PanelDef[] = [
  { id: 'text', label: 'panel.text', element: 'text-panel' },
  { id: 'settings', label: 'panel.settings', element: 'controls-panel' },
  { id: 'loss', label: 'panel.loss', element: 'chart-panel' },
  { id: 'samples', label: 'panel.samples', element: 'sample-panel' },
  { id: 'probe', label: 'panel.probe', element: 'probe-panel' },
  { id: 'task', label: 'panel.task', element: 'task-panel' },  // spacing's or classification's own (app/tasks)
  { id: 'inside', label: 'panel.inside', element: 'heatmap-panel' },
  { id: 'views', label: 'panel.views', element: 'teach-panel' },
];

export interface ControlDef {
  id: string;                        // name in the link: a setting's URL name, or an action's
  label: MessageKey;
  key?: keyof PlaygroundState;       // the setting it changes, if any
  lockable: boolean;                 // buttons can be hidden; only settings (and the text) can be locked
}

const SETTING_KEYS: (keyof PlaygroundState)[] = [
  'task', 'bidirectional', 'cell', 'nonlinearity', 'hiddenSize', 'numLayers', 'forgetBiasOne', 'seed', 'valFrac', 'seqLen', 'batch', 'optimizer',
  'learningRate', 'clip', 'dropout', 'workers', 'temperature', 'sampleLength', 'distance',
];

export const CONTROLS: readonly ControlDef[] = [
  { id: 'text', label: 'control.text', lockable: true },
  ...SETTING_KEYS.map((key) => {
    const f = FIELDS.find((x) => x.key === key)!;
    return { id: f.url, label: fieldLabel(f), key, lockable: true };
  }),
  { id: 'lang', label: 'control.lang', lockable: true },  // the language switch (lock=lang: the link's language stays)
  { id: 'train', label: 'control.train', lockable: false },
  { id: 'step', label: 'control.step', lockable: false },
  { id: 'reset', label: 'control.reset', lockable: false },
  { id: 'file', label: 'control.file', lockable: false },
  { id: 'saves', label: 'control.saves', lockable: false },
  { id: 'share', label: 'control.share', lockable: false },
];

export interface Lesson {
  panels: string[] | null;  // null: every panel
  hide: string[];
  lock: string[];
  embed: boolean;
  origins: string[];
}

export const NO_LESSON: Lesson = { panels: null, hide: [], lock: [], embed: false, origins: [] };

export function parseLesson(hash: string): Lesson {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (name: string, known: readonly string[]) => {
    const raw = params.get(name);
    if (raw === null) return null;
    return [...new Set(raw.split(',').map((x) => x.trim()).filter((x) => known.includes(x)))];
  };
  const controlIds = CONTROLS.map((c) => c.id);
  const hide = list('hide', controlIds) ?? [];
  return {
    panels: list('panels', PANELS.map((p) => p.id)),
    hide,
    lock: (list('lock', CONTROLS.filter((c) => c.lockable).map((c) => c.id)) ?? []).filter((x) => !hide.includes(x)),
    embed: params.get('embed') === '1',
    origins: parseOrigins(params.get('origin') ?? ''),
  };
}

export function lessonParams(l: Lesson): [string, string][] {
  const out: [string, string][] = [];
  if (l.panels !== null && l.panels.length < PANELS.length) out.push(['panels', l.panels.join(',')]);
  if (l.hide.length > 0) out.push(['hide', l.hide.join(',')]);
  if (l.lock.length > 0) out.push(['lock', l.lock.join(',')]);
  if (l.embed) out.push(['embed', '1']);
  if (l.origins.length > 0) out.push(['origin', l.origins.join(',')]);
  return out;
}

export function panelShown(l: Lesson, id: string): boolean {
  return l.panels === null || l.panels.includes(id);
}

// The settings a lesson fixes (their state keys), so nothing else changes them either.
export function lockedKeys(l: Lesson): Set<keyof PlaygroundState> {
  const keys = new Set<keyof PlaygroundState>();
  for (const c of CONTROLS) if (c.key && (l.lock.includes(c.id) || l.hide.includes(c.id))) keys.add(c.key);
  return keys;
}

// "https://course.example,http://localhost:8080" → the origins that are well formed: http(s), a host,
// no path, query or credentials. Anything else (including '*' and 'null') is dropped.
export function parseOrigins(raw: string): string[] {
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const text = part.trim().replace(/\/$/, '');
    if (text === '') continue;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      continue;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== text) continue;
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}
