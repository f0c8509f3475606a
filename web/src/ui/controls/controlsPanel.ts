// Model and training settings, drawn from the settings table, plus saving and opening model files.
// The panel only reports what a person asks for; whether that needs a new model (and a question
// first) is the playground's decision.
import { FIELDS, type Effect, type Field, type PlaygroundState } from '../../state/settings';
import { formatBytes, formatCount } from '../../format';
import { h, setText } from '../dom';
import { icon } from '../icons';
import { fieldControl, type FieldControl } from './fieldControl';
import './controls.css';

export interface ControlsView {
  state: PlaygroundState;
  parameters: number | null;   // of the current model
  enabled: boolean;            // the engine runs
  canSave: boolean;
  errors: Partial<Record<keyof PlaygroundState, string>>;
}

export interface ControlsEvents {
  onChange(key: keyof PlaygroundState, raw: string | boolean): void;
  onNewSeed(): void;
  onDownload(): void;
  onOpen(file: File): void;
}

const EFFECT_NOTE: Record<Effect, string> = {
  model: 'Changing it starts a new model.',
  trainer: 'Changing it keeps the weights learned so far (the optimizer starts afresh).',
  live: 'Applies at once, even while training.',
  view: '',
};

const GROUPS: { title: string; keys: (keyof PlaygroundState)[] }[] = [
  { title: 'Model', keys: ['cell', 'hiddenSize', 'numLayers', 'seed', 'forgetBiasOne'] },
  { title: 'Training', keys: ['seqLen', 'batch', 'optimizer', 'learningRate', 'clip', 'dropout'] },
];

export class ControlsPanel {
  private readonly controls: FieldControl[] = [];
  private readonly summary: HTMLElement;
  private readonly download: HTMLButtonElement;
  private readonly open: HTMLButtonElement;

  constructor(root: HTMLElement, events: ControlsEvents) {
    const fieldsets = GROUPS.map((g) => {
      const help = h('p', { class: 'field-help' });
      const showHelp = (f: Field) => setText(help, `${f.help} ${EFFECT_NOTE[f.effect]}`);
      const items = g.keys.map((key) => {
        const f = FIELDS.find((x) => x.key === key)!;
        const extra = key === 'seed'
          ? h('button', { class: 'btn btn-icon', title: 'New random seed', attrs: { type: 'button', 'aria-label': 'New random seed' }, on: { click: () => events.onNewSeed() } }, [icon('dice')])
          : undefined;
        const c = fieldControl(f, (raw) => events.onChange(key, raw), showHelp, extra);
        this.controls.push(c);
        return c.root;
      });
      showHelp(FIELDS.find((x) => x.key === g.keys[0])!);
      return h('fieldset', { class: 'fieldset' }, [h('legend', { text: g.title }), h('div', { class: 'field-grid' }, items), help]);
    });

    this.summary = h('p', { class: 'model-summary', id: 'model-summary' });
    const file = h('input', { class: 'visually-hidden', attrs: { type: 'file', accept: '.safetensors,application/octet-stream', tabindex: '-1', 'aria-hidden': 'true' } });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) events.onOpen(f);
      file.value = '';
    });
    this.download = h('button', { class: 'btn btn-small', id: 'download-model', title: 'Save the weights as a PyTorch-compatible .safetensors file', attrs: { type: 'button' }, on: { click: () => events.onDownload() } }, [icon('download'), 'Download model']);
    this.open = h('button', { class: 'btn btn-small', title: 'Continue from a .safetensors model file saved here or by the charrnn tool', attrs: { type: 'button' }, on: { click: () => file.click() } }, [icon('upload'), 'Open model…']);

    root.append(
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', text: 'Model & training' })]),
      ...fieldsets,
      h('footer', { class: 'controls-foot' }, [this.summary, h('div', { class: 'inline-actions' }, [this.download, this.open, file])]),
    );
  }

  render(v: ControlsView): void {
    for (const c of this.controls) {
      const enabled = v.enabled && (c.field.key !== 'forgetBiasOne' || v.state.cell === 'lstm');
      c.showError(v.errors[c.field.key] ?? null);
      c.set(v.state[c.field.key], enabled);
    }
    setText(
      this.summary,
      v.parameters === null ? 'No model yet' : `${formatCount(v.parameters)} parameters · ${formatBytes(v.parameters * 4)} of weights`,
    );
    this.download.disabled = !v.canSave;
    this.open.disabled = !v.enabled;
  }
}
