// One-hot in, softmax out: for one step of the probe text, the input vector (a single 1 at the
// character's index) and the next-character distribution the model gives after reading up to it,
// reshaped live by the temperature slider.
import { language, t } from '../../../i18n';
import { describeChar, displayChar, formatPercent } from '../../../format';
import { h, setText } from '../../dom';
import { controlRow, sayFormula, viewShell } from '../viewShell';
import { paintBars } from './barPaint';
import { entropyBits, oneHot, topIndices, withTemperature } from './distribution';

export interface SoftmaxViewData {
  chars: readonly string[];        // the probe text, known characters only
  step: number;                    // chosen step (index into chars)
  vocab: readonly string[];
  probabilities: Float32Array | null;  // at temperature 1, after reading chars[0..step]
  temperature: number;
  isLm: boolean;                   // false: the model tags or classifies; the view says it shows the language model
}

export interface SoftmaxEvents {
  onStep(step: number): void;
  onTemperature(raw: string): void;
}

const MAX_STRIP = 80;

export class SoftmaxView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly strip: HTMLElement;
  private readonly stepInput: HTMLInputElement;
  private readonly tempInput: HTMLInputElement;
  private readonly tempValue: HTMLElement;
  private readonly lmOnly: HTMLElement[];  // the sliders and headings: nothing to move or head without a language model
  private readonly oneHotCanvas: HTMLCanvasElement;
  private readonly softmaxCanvas: HTMLCanvasElement;
  private readonly inCaption: HTMLElement;
  private readonly outCaption: HTMLElement;
  private data: SoftmaxViewData | null = null;
  private stripKey = '';

  constructor(private readonly events: SoftmaxEvents) {
    const shell = viewShell('softmax', 'softmax.title', ['softmax.about1', 'softmax.about2']);
    this.root = shell.root;
    this.status = shell.status;
    this.strip = h('div', { class: 'teach-strip', id: 'softmax-strip', sayAttrs: { 'aria-label': 'softmax.strip' }, attrs: { role: 'group' } });
    this.stepInput = h('input', { class: 'range', id: 'softmax-step', attrs: { type: 'range', min: '0', max: '0', step: '1' } });
    this.stepInput.addEventListener('input', () => events.onStep(Number(this.stepInput.value)));
    this.tempInput = h('input', { class: 'range', id: 'softmax-temperature', attrs: { type: 'range', min: '0', max: '2', step: '0.05' } });
    this.tempValue = h('span', { class: 'range-value', id: 'softmax-temperature-value' });
    this.tempInput.addEventListener('input', () => {
      // Redraw at once with the slider's value; the setting itself follows (and moves the sample panel's).
      if (this.data) this.draw({ ...this.data, temperature: Number(this.tempInput.value) });
      events.onTemperature(this.tempInput.value);
    });
    this.oneHotCanvas = h('canvas', { class: 'teach-bars teach-bars-small', id: 'softmax-onehot', sayAttrs: { 'aria-label': 'softmax.oneHotLabel' }, attrs: { role: 'img', 'aria-describedby': 'softmax-status' } });
    this.softmaxCanvas = h('canvas', { class: 'teach-bars', id: 'softmax-output', sayAttrs: { 'aria-label': 'softmax.outputLabel' }, attrs: { role: 'img', 'aria-describedby': 'softmax-status' } });
    this.inCaption = h('p', { class: 'teach-caption', id: 'softmax-in' });
    this.outCaption = h('p', { class: 'teach-caption', id: 'softmax-out' });
    const stepRow = controlRow([h('label', { say: 'softmax.step', attrs: { for: 'softmax-step' } }), this.stepInput]);
    const tempRow = controlRow([h('label', { say: 'softmax.temperature', attrs: { for: 'softmax-temperature' } }), this.tempInput, this.tempValue]);
    const inHead = h('h4', { class: 'teach-sub' }, [sayFormula('softmax.input')]);
    const outHead = h('h4', { class: 'teach-sub' }, [sayFormula('softmax.output')]);
    this.lmOnly = [stepRow, tempRow, inHead, outHead];
    shell.main.append(this.strip, stepRow, inHead, this.oneHotCanvas, this.inCaption, outHead, this.softmaxCanvas, this.outCaption, tempRow);
  }

  render(d: SoftmaxViewData): void {
    this.data = d;
    const last = Math.max(0, d.chars.length - 1);
    this.stepInput.max = String(last);
    if (document.activeElement !== this.stepInput) this.stepInput.value = String(d.step);
    if (document.activeElement !== this.tempInput) this.tempInput.value = String(d.temperature);
    this.renderStrip(d);
    this.draw(d);
  }

  private renderStrip(d: SoftmaxViewData): void {
    const from = Math.max(0, Math.min(d.step - MAX_STRIP / 2, d.chars.length - MAX_STRIP));
    const key = `${language()}|${d.chars.join('')}|${from}`;
    if (key !== this.stripKey) {
      this.stripKey = key;
      this.strip.replaceChildren(
        ...d.chars.slice(from, from + MAX_STRIP).map((c, k) => h('button', {
          class: 'teach-char', text: displayChar(c),
          attrs: { type: 'button', 'data-step': String(from + k), 'aria-label': t('softmax.stepChar', { n: from + k + 1, char: describeChar(c) }) },
          on: { click: () => this.events.onStep(from + k) },
        })),
      );
    }
    for (const b of this.strip.children) (b as HTMLElement).classList.toggle('is-picked', (b as HTMLElement).dataset.step === String(d.step));
  }

  private draw(d: SoftmaxViewData): void {
    setText(this.tempValue, d.temperature.toFixed(2));
    const V = d.vocab.length;
    const c = d.chars[d.step];
    this.oneHotCanvas.hidden = this.softmaxCanvas.hidden = this.strip.hidden = !d.isLm;
    for (const el of this.lmOnly) el.hidden = !d.isLm;
    if (!d.isLm) {
      setText(this.status, t('softmax.needsLm'));
      for (const caption of [this.inCaption, this.outCaption]) setText(caption, '');
      return;
    }
    if (V === 0 || c === undefined) {
      setText(this.status, t('softmax.waiting'));
      return;
    }
    const index = d.vocab.indexOf(c);
    setText(this.status, t('softmax.status', { n: d.step + 1, total: d.chars.length, text: d.chars.slice(Math.max(0, d.step - 24), d.step + 1).join('') }));
    paintBars(this.oneHotCanvas, oneHot(V, index), { color: '#cfd4dc', highlight: index, highlightColor: '#4f46e5', labels: d.vocab, labelTop: 1 });
    // A character outside the vocabulary has no 1 anywhere: the core's rule for unknown characters.
    setText(this.inCaption, index < 0 ? t('softmax.inUnknown', { char: describeChar(c), size: V }) : t('softmax.in', { char: describeChar(c), index, size: V, zeros: V - 1 }));
    if (!d.probabilities || d.probabilities.length !== V) {
      setText(this.outCaption, t('softmax.asking'));
      return;
    }
    const p = withTemperature(d.probabilities, d.temperature);
    const next = d.chars[d.step + 1];
    const nextIndex = next === undefined ? -1 : d.vocab.indexOf(next);
    paintBars(this.softmaxCanvas, p, { color: '#818cf8', highlight: nextIndex, highlightColor: '#ea580c', labels: d.vocab, labelTop: 5 });
    const best = topIndices(p, 3).map((i) => `${describeChar(d.vocab[i])} ${formatPercent(p[i])}`).join(', ');
    const truth = nextIndex >= 0 ? ` ${t('softmax.truth', { char: describeChar(next!), p: formatPercent(p[nextIndex]) })}` : '';
    setText(this.outCaption, t('softmax.out', { t: d.temperature.toFixed(2), best, bits: entropyBits(p).toFixed(2), uniform: Math.log2(V).toFixed(2) }) + truth);
  }
}
