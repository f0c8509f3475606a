// Model and training settings, drawn from the settings table, plus saving and opening model files.
// The panel only reports what a person asks for; whether that needs a new model (and a question
// first) is the playground's decision.
import { FIELDS, fieldHelp, type Effect, type Field, type PlaygroundState } from '../../state/settings';
import { formatBytes } from '../../format';
import { language, t, tDynamic, type MessageKey, type Said } from '../../i18n';
import { h, setText } from '../dom';
import { icon } from '../icons';
import { fieldControl, type FieldControl } from './fieldControl';
import { isMemoryPreset } from '../../presets/memory/memoryPresets';
import './controls.css';

export interface ControlsView {
  state: PlaygroundState;
  parameters: number | null;   // of the current model
  enabled: boolean;            // the engine runs
  canSave: boolean;
  errors: Partial<Record<keyof PlaygroundState, Said>>;
}

export interface ControlsEvents {
  onChange(key: keyof PlaygroundState, raw: string | boolean): void;
  onNewSeed(): void;
  onDownload(): void;
  onOpen(file: File): void;
}

const EFFECT_NOTE: Record<Effect, MessageKey | null> = {
  model: 'effect.model',
  trainer: 'effect.trainer',
  live: 'effect.live',
  view: null,
};

const GROUPS: { title: MessageKey; keys: (keyof PlaygroundState)[] }[] = [
  { title: 'controls.task', keys: ['task', 'bidirectional', 'distance'] },
  { title: 'controls.model', keys: ['cell', 'nonlinearity', 'hiddenSize', 'numLayers', 'seed', 'forgetBiasOne'] },
  { title: 'controls.training', keys: ['seqLen', 'batch', 'optimizer', 'learningRate', 'clip', 'dropout', 'workers'] },
];

export class ControlsPanel {
  private readonly controls: FieldControl[] = [];
  private readonly summary: HTMLElement;
  private readonly download: HTMLButtonElement;
  private readonly open: HTMLButtonElement;
  private readonly helps: { el: HTMLElement; field: Field }[] = [];

  constructor(root: HTMLElement, events: ControlsEvents) {
    const fieldsets = GROUPS.map((g) => {
      const help = { el: h('p', { class: 'field-help' }), field: FIELDS.find((x) => x.key === g.keys[0])! };
      this.helps.push(help);
      const showHelp = (f: Field) => {
        help.field = f;
        this.sayHelp(help);
      };
      const items = g.keys.map((key) => {
        const f = FIELDS.find((x) => x.key === key)!;
        const extra = key === 'seed'
          ? h('button', { class: 'btn btn-icon', sayAttrs: { title: 'controls.newSeed', 'aria-label': 'controls.newSeed' }, attrs: { type: 'button' }, on: { click: () => events.onNewSeed() } }, [icon('dice')])
          : undefined;
        const c = fieldControl(f, (raw) => events.onChange(key, raw), showHelp, extra);
        this.controls.push(c);
        return c.root;
      });
      this.sayHelp(help);
      return h('fieldset', { class: 'fieldset' }, [h('legend', { say: g.title }), h('div', { class: 'field-grid' }, items), help.el]);
    });

    this.summary = h('p', { class: 'model-summary', id: 'model-summary' });
    const file = h('input', { class: 'visually-hidden', attrs: { type: 'file', accept: '.safetensors,application/octet-stream', tabindex: '-1', 'aria-hidden': 'true' } });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) events.onOpen(f);
      file.value = '';
    });
    this.download = h('button', { class: 'btn btn-small', id: 'download-model', sayAttrs: { title: 'controls.downloadHelp' }, attrs: { type: 'button' }, on: { click: () => events.onDownload() } }, [icon('download'), h('span', { say: 'controls.download' })]);
    this.open = h('button', { class: 'btn btn-small', sayAttrs: { title: 'controls.openHelp' }, attrs: { type: 'button' }, on: { click: () => file.click() } }, [icon('upload'), h('span', { say: 'controls.open' })]);

    root.append(
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', say: 'controls.title' })]),
      ...fieldsets,
      h('footer', { class: 'controls-foot' }, [this.summary, h('div', { class: 'inline-actions' }, [this.download, this.open, file])]),
    );
  }

  // The help line under a group: the setting's help and what changing it costs.
  private sayHelp(help: { el: HTMLElement; field: Field }): void {
    const note = EFFECT_NOTE[help.field.effect];
    setText(help.el, note ? `${tDynamic(fieldHelp(help.field))} ${tDynamic(note)}` : tDynamic(fieldHelp(help.field)));
  }

  render(v: ControlsView): void {
    for (const c of this.controls) {
      // The forget-gate bias is the LSTM's; a language model reads forward only (it predicts what it has not read).
      const enabled = v.enabled && (c.field.key !== 'forgetBiasOne' || v.state.cell === 'lstm') && (c.field.key !== 'bidirectional' || v.state.task !== 'lm');
      if (c.field.key === 'nonlinearity') c.root.hidden = v.state.cell !== 'rnn';  // only the plain RNN has a choice
      if (c.field.key === 'distance') c.root.hidden = !isMemoryPreset(v.state.preset);  // only the memory tasks have one
      c.showError(v.errors[c.field.key] ?? null);
      c.set(v.state[c.field.key], enabled);
    }
    setText(this.summary, v.parameters === null ? t('controls.noModel') : t('controls.summary', { parameters: v.parameters, bytes: formatBytes(v.parameters * 4) }));
    if (this.helps[0].el.dataset.lang !== language()) {
      for (const help of this.helps) this.sayHelp(help);
      this.helps[0].el.dataset.lang = language();
    }
    this.download.disabled = !v.canSave;
    this.open.disabled = !v.enabled;
  }
}
