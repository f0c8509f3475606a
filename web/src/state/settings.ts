// Every setting a person can change, in one declarative table: its limits (the core's), its default,
// its label and help, and what changing it does to a model that has trained. The controls, the URL
// and the checks all read this table, so a new setting is one row.
import type { Settings } from '../protocol';

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
}

interface FieldBase<K extends keyof PlaygroundState> {
  key: K;
  url: string;        // short name in the URL
  label: string;
  help: string;
  effect: Effect;
}
export interface NumberField<K extends keyof PlaygroundState = keyof PlaygroundState> extends FieldBase<K> {
  type: 'int' | 'float';
  min: number;
  max: number;
  minExclusive?: boolean;  // learning rate: (0, 10]
  step: number;            // the input's step; 'any' precision for floats
  default: number;
  unitLabel?: string;
}
export interface ChoiceField<K extends keyof PlaygroundState = keyof PlaygroundState> extends FieldBase<K> {
  type: 'choice';
  options: readonly { value: string; label: string }[];
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

export const OPTIMIZERS = [
  { value: 'adam', label: 'Adam' },
  { value: 'rmsprop', label: 'RMSprop' },
  { value: 'adagrad', label: 'Adagrad' },
  { value: 'sgd', label: 'SGD' },
] as const;

// Limits below are the core's (core/nn/config.hpp, core/train/*.cpp); the core checks them again.
export const FIELDS: readonly Field[] = [
  { key: 'cell', url: 'cell', type: 'choice', options: CELLS, default: 'lstm', effect: 'model', label: 'Cell',
    help: 'LSTM and GRU have gates that decide what to remember; the plain RNN has none and forgets fast.' },
  { key: 'hiddenSize', url: 'hidden', type: 'int', min: 1, max: 1024, step: 1, default: 128, effect: 'model', label: 'Hidden units',
    help: 'Size of the memory vector per layer. More units learn more, train slower.' },
  { key: 'numLayers', url: 'layers', type: 'int', min: 1, max: 4, step: 1, default: 1, effect: 'model', label: 'Layers',
    help: 'Recurrent layers stacked on each other.' },
  { key: 'forgetBiasOne', url: 'fbias', type: 'bool', default: true, effect: 'model', label: 'Forget-gate bias 1',
    help: 'LSTM only: start the forget gate open (bias 1), so memories last from the first step.' },
  { key: 'seed', url: 'seed', type: 'int', min: 0, max: 2 ** 31 - 1, step: 1, default: 1, effect: 'model', label: 'Seed',
    help: 'Starting weights, dropout and sampling all follow from it: the same seed gives the same run.' },
  { key: 'valFrac', url: 'val', type: 'float', min: 0, max: 0.5, step: 0.01, default: 0.1, effect: 'model', label: 'Validation',
    help: 'Share of the text, taken from its end, that the model never trains on: it measures how well it generalizes.' },
  { key: 'seqLen', url: 'seq', type: 'int', min: 1, max: 1024, step: 1, default: 64, effect: 'trainer', label: 'Sequence length',
    help: 'Characters per training window (truncated backpropagation through time): how far back gradients reach.' },
  { key: 'batch', url: 'batch', type: 'int', min: 1, max: 256, step: 1, default: 16, effect: 'trainer', label: 'Batch',
    help: 'Windows trained side by side, each from its own place in the text.' },
  { key: 'optimizer', url: 'opt', type: 'choice', options: OPTIMIZERS, default: 'adam', effect: 'trainer', label: 'Optimizer',
    help: 'How a step turns gradients into weight changes.' },
  { key: 'learningRate', url: 'lr', type: 'float', min: 0, minExclusive: true, max: 10, step: 0.0001, default: 0.003, effect: 'live', label: 'Learning rate',
    help: 'Size of each step. Too high and the loss jumps or blows up; too low and it crawls.' },
  { key: 'clip', url: 'clip', type: 'float', min: 0, max: 1000, step: 0.1, default: 5, effect: 'live', label: 'Gradient clip',
    help: 'Largest allowed gradient norm (0 = off). Keeps one bad window from wrecking the weights.' },
  { key: 'dropout', url: 'drop', type: 'float', min: 0, max: 0.9, step: 0.05, default: 0, effect: 'live', label: 'Dropout',
    help: 'Share of activations zeroed between layers and before the output, against overfitting.' },
  { key: 'temperature', url: 'temp', type: 'float', min: 0, max: 2, step: 0.05, default: 0.8, effect: 'view', label: 'Temperature',
    help: 'Low: the safest characters, repetitive. High: adventurous, more mistakes. 0 always takes the most likely.' },
  { key: 'sampleLength', url: 'len', type: 'int', min: 10, max: 2000, step: 10, default: 300, effect: 'view', label: 'Length',
    help: 'Characters to generate per sample.' },
  { key: 'layer', url: 'layer', type: 'int', min: 0, max: 3, step: 1, default: 0, effect: 'view', label: 'Layer', help: 'Layer shown in the heatmaps.' },
  { key: 'unit', url: 'unit', type: 'int', min: -1, max: 1023, step: 1, default: -1, effect: 'view', label: 'Unit', help: 'Unit that colours the text.' },
];

export const PRESET_DEFAULT = 'story';

export function defaultState(): PlaygroundState {
  const s: Record<string, unknown> = { preset: PRESET_DEFAULT, gate: 'h', prime: '', probeText: '', heatText: '', view: '' };
  for (const f of FIELDS) s[f.key] = f.default;
  return s as unknown as PlaygroundState;
}

export function field(key: keyof PlaygroundState): Field {
  const f = FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${String(key)}`);
  return f;
}

// Parses what a person typed into a field's value, or says what is wrong with it.
export function parseField(f: Field, raw: string | boolean): { ok: true; value: number | string | boolean } | { ok: false; error: string } {
  switch (f.type) {
    case 'bool':
      return { ok: true, value: raw === true || raw === 'true' || raw === '1' };
    case 'choice': {
      const hit = f.options.find((o) => o.value === raw);
      return hit ? { ok: true, value: hit.value } : { ok: false, error: `choose one of ${f.options.map((o) => o.label).join(', ')}` };
    }
    case 'int':
    case 'float': {
      const text = String(raw).trim();
      const v = Number(text);
      if (text === '' || !Number.isFinite(v)) return { ok: false, error: 'enter a number' };
      if (f.type === 'int' && !Number.isInteger(v)) return { ok: false, error: 'enter a whole number' };
      const low = f.minExclusive ? v <= f.min : v < f.min;
      if (low || v > f.max) return { ok: false, error: rangeText(f) };
      return { ok: true, value: v };
    }
  }
}

export function rangeText(f: NumberField): string {
  return f.minExclusive ? `more than ${f.min}, at most ${f.max}` : `from ${f.min} to ${f.max}`;
}

// The core's settings out of the page's state.
export function coreSettings(s: PlaygroundState): Settings {
  return {
    task: 'lm', bidirectional: false, nonlinearity: 'tanh',  // the page trains language models (tasks: issue 13)
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
