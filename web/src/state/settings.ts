// Every setting a person can change, in one declarative table: its limits (the core's), its default,
// and what changing it does to a model that has trained (its name and help are in the catalogue, as
// `setting.<key>` and `setting.<key>.help`). The controls, the URL
// and the checks all read this table, so a new setting is one row.
import { said, type MessageKey, type Said } from '../i18n';
import { formatSetting } from '../format';
import type { Settings } from '../protocol';
import { WORKER_OPTIONS } from './workers';

// What a change costs a trained model:
// model    — a different network or split: a new model, so training so far is thrown away (asks first);
// trainer  — sequence length, batch, optimizer: the worker rebuilds the trainer and keeps the weights
//            (the optimizer's running averages start afresh);
// live     — learning rate, clipping, dropout: applied to the running training at once;
// view     — sampling and display only.
export type Effect = 'model' | 'trainer' | 'live' | 'view';

export interface PlaygroundState extends Settings {
  preset: string;          // a preset id, or 'custom' for the person's own text
  temperature: number;     // sampling
  sampleLength: number;
  layer: number;           // heatmaps: which layer (0-based)
  unit: number;            // heatmaps: the unit that colours the text (-1: none)
  gate: string;            // heatmaps: the gate of that unit
  prime: string;           // samples begin with this (may be empty)
  probeText: string;       // the probe box
  heatText: string;        // the text the heatmaps look at
  view: string;            // the teaching view that is open ('' for none); a course can link to one
  lang: string;            // the page's language as the link names it ('ko', 'en'), '' when the browser decides
  workers: string;         // 'auto' or how many workers share each training step (state/workers.ts)
  distance: number;        // the memory tasks' longest distance (presets/memory); other texts ignore it
}

interface FieldBase<K extends keyof PlaygroundState> {
  key: K;
  url: string;        // short name in the URL
  effect: Effect;
}
export interface NumberField<K extends keyof PlaygroundState = keyof PlaygroundState> extends FieldBase<K> {
  type: 'int' | 'float';
  min: number;
  max: number;
  minExclusive?: boolean;  // learning rate: (0, 10]
  step: number;            // the input's step; 'any' precision for floats
  default: number;
  slider?: boolean;        // drawn as a slider with its value beside it
  unitLabel?: string;
}
export interface ChoiceField<K extends keyof PlaygroundState = keyof PlaygroundState> extends FieldBase<K> {
  type: 'choice';
  options: readonly { value: string; label: string; say?: MessageKey }[];  // say: the label in the page's language
  default: string;
}
export interface BoolField<K extends keyof PlaygroundState = keyof PlaygroundState> extends FieldBase<K> {
  type: 'bool';
  default: boolean;
}
export type Field = NumberField | ChoiceField | BoolField;

export const CELLS = [
  { value: 'lstm', label: 'LSTM' },
  { value: 'gru', label: 'GRU' },
  { value: 'rnn', label: 'RNN' },
] as const;

// The vanilla RNN's squashing function (PyTorch's nn.RNN(nonlinearity=…)); LSTM and GRU always use tanh.
export const NONLINEARITIES = [
  { value: 'tanh', label: 'tanh' },
  { value: 'relu', label: 'ReLU' },
] as const;

// What the model learns (README "Tasks"); the labels are the catalogue's.
export const TASKS = [
  { value: 'lm', label: 'next character', say: 'task.lm' },
  { value: 'spacing', label: 'spacing', say: 'task.spacing' },
  { value: 'classify', label: 'classify', say: 'task.classify' },
] as const;

export const OPTIMIZERS = [
  { value: 'adam', label: 'Adam' },
  { value: 'rmsprop', label: 'RMSprop' },
  { value: 'adagrad', label: 'Adagrad' },
  { value: 'sgd', label: 'SGD' },
] as const;

// Limits below are the core's (core/nn/config.hpp, core/train/*.cpp); the core checks them again.
export const FIELDS: readonly Field[] = [
  { key: 'task', url: 'task', type: 'choice', options: TASKS, default: 'lm', effect: 'model' },
  { key: 'bidirectional', url: 'bidir', type: 'bool', default: false, effect: 'model' },
  { key: 'cell', url: 'cell', type: 'choice', options: CELLS, default: 'lstm', effect: 'model' },
  { key: 'nonlinearity', url: 'nonlinearity', type: 'choice', options: NONLINEARITIES, default: 'tanh', effect: 'model' },
  { key: 'hiddenSize', url: 'hidden', type: 'int', min: 1, max: 1024, step: 1, default: 128, effect: 'model' },
  { key: 'numLayers', url: 'layers', type: 'int', min: 1, max: 4, step: 1, default: 1, effect: 'model' },
  { key: 'forgetBiasOne', url: 'fbias', type: 'bool', default: true, effect: 'model' },
  { key: 'seed', url: 'seed', type: 'int', min: 0, max: 2 ** 31 - 1, step: 1, default: 1, effect: 'model' },
  { key: 'valFrac', url: 'val', type: 'float', min: 0, max: 0.5, step: 0.01, default: 0.1, effect: 'model' },
  { key: 'seqLen', url: 'seq', type: 'int', min: 1, max: 1024, step: 1, default: 64, effect: 'trainer' },
  { key: 'batch', url: 'batch', type: 'int', min: 1, max: 256, step: 1, default: 16, effect: 'trainer' },
  { key: 'optimizer', url: 'opt', type: 'choice', options: OPTIMIZERS, default: 'adam', effect: 'trainer' },
  { key: 'learningRate', url: 'lr', type: 'float', min: 0, minExclusive: true, max: 10, step: 0.0001, default: 0.003, effect: 'live' },
  { key: 'clip', url: 'clip', type: 'float', min: 0, max: 1000, step: 0.1, default: 5, effect: 'live' },
  { key: 'dropout', url: 'drop', type: 'float', min: 0, max: 0.9, step: 0.05, default: 0, effect: 'live' },
  { key: 'workers', url: 'workers', type: 'choice', options: WORKER_OPTIONS, default: 'auto', effect: 'live' },
  { key: 'temperature', url: 'temp', type: 'float', min: 0, max: 2, step: 0.05, default: 0.8, effect: 'view' },
  { key: 'sampleLength', url: 'len', type: 'int', min: 10, max: 2000, step: 10, default: 300, effect: 'view' },
  { key: 'layer', url: 'layer', type: 'int', min: 0, max: 3, step: 1, default: 0, effect: 'view' },
  { key: 'distance', url: 'distance', type: 'int', min: 5, max: 200, step: 1, default: 40, effect: 'view', slider: true },
  { key: 'unit', url: 'unit', type: 'int', min: -1, max: 1023, step: 1, default: -1, effect: 'view' },
];

export const PRESET_DEFAULT = 'story';

export function defaultState(): PlaygroundState {
  const s: Record<string, unknown> = { preset: PRESET_DEFAULT, gate: 'h', prime: '', probeText: '', heatText: '', view: '', lang: '' };
  for (const f of FIELDS) s[f.key] = f.default;
  return s as unknown as PlaygroundState;
}

export function field(key: keyof PlaygroundState): Field {
  const f = FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${String(key)}`);
  return f;
}

// Parses what a person typed into a field's value, or says what is wrong with it.
export function parseField(f: Field, raw: string | boolean): { ok: true; value: number | string | boolean } | { ok: false; error: Said } {
  switch (f.type) {
    case 'bool':
      return { ok: true, value: raw === true || raw === 'true' || raw === '1' };
    case 'choice': {
      const hit = f.options.find((o) => o.value === raw);
      return hit ? { ok: true, value: hit.value } : { ok: false, error: said('field.chooseOne', { options: f.options.map((o) => o.label).join(', ') }) };
    }
    case 'int':
    case 'float': {
      const text = String(raw).trim();
      const v = Number(text);
      if (text === '' || !Number.isFinite(v)) return { ok: false, error: said('field.number') };
      if (f.type === 'int' && !Number.isInteger(v)) return { ok: false, error: said('field.wholeNumber') };
      const low = f.minExclusive ? v <= f.min : v < f.min;
      if (low || v > f.max) return { ok: false, error: rangeText(f) };
      return { ok: true, value: v };
    }
  }
}

export function rangeText(f: NumberField): Said {
  const limits = { min: formatSetting(f.min), max: formatSetting(f.max) };  // as typed: 1024, not 1,024
  return f.minExclusive ? said('field.rangeAbove', limits) : said('field.range', limits);
}

// A setting's name and its help, as catalogue keys (a unit test checks that every field has both).
export function fieldLabel(f: Pick<Field, 'key'>): MessageKey {
  return `setting.${f.key}` as MessageKey;
}
export function fieldHelp(f: Pick<Field, 'key'>): MessageKey {
  return `setting.${f.key}.help` as MessageKey;
}

// The core's settings out of the page's state.
export function coreSettings(s: PlaygroundState): Settings {
  return {
    // A language model reads one way (it predicts what it has not read yet); the core refuses a backward one.
    task: s.task, bidirectional: s.task !== 'lm' && s.bidirectional,
    nonlinearity: s.cell === 'rnn' ? s.nonlinearity : 'tanh',  // the core takes relu for the RNN only; elsewhere it changes nothing
    cell: s.cell, hiddenSize: s.hiddenSize, numLayers: s.numLayers, forgetBiasOne: s.forgetBiasOne,
    valFrac: s.valFrac, seqLen: s.seqLen, batch: s.batch, optimizer: s.optimizer,
    learningRate: s.learningRate, clip: s.clip, dropout: s.dropout, seed: s.seed,
  };
}

// The strongest effect among the settings that differ: what applying `next` over `current` costs.
export function changeEffect(current: Settings, next: Settings): Effect | null {
  let worst: Effect | null = null;
  const rank: Record<Effect, number> = { view: 0, live: 1, trainer: 2, model: 3 };
  for (const f of FIELDS) {
    const k = f.key as keyof Settings;
    if (!(k in current) || current[k] === next[k]) continue;
    if (worst === null || rank[f.effect] > rank[worst]) worst = f.effect;
  }
  return worst;
}
