// The bar that stays on screen: Train/Pause, Step, Reset, and the numbers a person watches while the
// model learns. Updated every animation frame while training, so it only touches text that changed.
import { formatBits, formatCompact, formatCount, formatDuration, formatPercent } from '../../format';
import { language, t, type MessageKey } from '../../i18n';
import { sayAttr } from '../../i18n/dom';
import { h, setText } from '../dom';
import { icon } from '../icons';
import './runBar.css';

export type RunPhase = 'starting' | 'blocked' | 'ready' | 'training' | 'failed';

export interface RunStats {
  phase: RunPhase;
  status: string;              // one short sentence: what is happening
  step: number;
  epoch: number;
  trainBits: number;           // smoothed, bits per character
  validationBits: number;
  charsPerSecond: number;
  trainShare: number;          // of the worker's time, the part spent training
  elapsedMs: number;
  canStep: boolean;
  building: boolean;           // a new model is on its way: nothing to train yet
}

export interface RunBarEvents {
  onTrain(): void;
  onPause(): void;
  onStep(): void;
  onReset(): void;
}

export class RunBar {
  private readonly train: HTMLButtonElement;
  private readonly trainLabel: HTMLSpanElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly values: Record<'step' | 'epoch' | 'train' | 'validation' | 'speed' | 'elapsed', HTMLElement>;
  private phase: RunPhase = 'starting';
  private labelled = '';  // phase and language the Train button's label was written for
  private readonly playIcon = icon('play');
  private readonly pauseIcon = icon('pause');

  constructor(root: HTMLElement, events: RunBarEvents) {
    this.trainLabel = h('span', { text: t('run.train') });
    this.train = h('button', { class: 'btn btn-primary btn-train', id: 'train', attrs: { type: 'button', disabled: '' } }, [this.playIcon, this.trainLabel]);  // enabled once a model can train
    this.train.addEventListener('click', () => (this.phase === 'training' ? events.onPause() : events.onTrain()));
    this.stepButton = h('button', { class: 'btn', id: 'step', sayAttrs: { title: 'run.stepHelp' }, attrs: { type: 'button', disabled: '' } }, [icon('step'), h('span', { say: 'run.step' })]);
    this.stepButton.addEventListener('click', () => events.onStep());
    this.resetButton = h('button', { class: 'btn', id: 'reset', sayAttrs: { title: 'run.resetHelp' }, attrs: { type: 'button' } }, [icon('reset'), h('span', { say: 'run.reset' })]);
    this.resetButton.addEventListener('click', () => events.onReset());
    this.status = h('p', { class: 'run-status', id: 'run-status', attrs: { role: 'status', 'aria-live': 'polite' } });

    const stat = (key: string, label: MessageKey, title: MessageKey) => {
      const value = h('span', { class: 'stat-value', id: `stat-${key}`, text: '–' });
      return { value, node: h('div', { class: `stat stat-${key}`, sayAttrs: { title } }, [h('span', { class: 'stat-label', say: label }), value]) };
    };
    const step = stat('step', 'run.statStep', 'run.statStepHelp');
    const epoch = stat('epoch', 'run.statEpoch', 'run.statEpochHelp');
    const train = stat('train', 'run.statTrain', 'run.statTrainHelp');
    const validation = stat('validation', 'run.statValidation', 'run.statValidationHelp');
    const speed = stat('speed', 'run.statSpeed', 'run.statSpeedHelp');
    const elapsed = stat('elapsed', 'run.statTime', 'run.statTimeHelp');
    this.values = { step: step.value, epoch: epoch.value, train: train.value, validation: validation.value, speed: speed.value, elapsed: elapsed.value };

    // A landmark of its own: the run's numbers are content a screen reader user jumps to (axe: region).
    root.setAttribute('role', 'region');
    sayAttr(root, 'aria-label', 'run.region');
    root.append(
      h('div', { class: 'runbar-inner' }, [
        h('div', { class: 'run-buttons' }, [this.train, this.stepButton, this.resetButton]),
        h('div', { class: 'run-stats' }, [step.node, epoch.node, train.node, validation.node, speed.node, elapsed.node]),
        this.status,
      ]),
    );
  }

  render(s: RunStats): void {
    if (`${s.phase}|${language()}` !== this.labelled) {
      this.labelled = `${s.phase}|${language()}`;
      this.phase = s.phase;
      const training = s.phase === 'training';
      this.train.firstElementChild?.replaceWith(training ? this.pauseIcon : this.playIcon);
      setText(this.trainLabel, training ? t('run.pause') : t('run.train'));
      this.train.setAttribute('aria-pressed', String(training));
      this.train.classList.toggle('is-training', training);
    }
    const usable = s.phase === 'ready' || s.phase === 'training';
    this.train.disabled = !usable || (s.building && s.phase !== 'training');
    this.stepButton.disabled = !usable || !s.canStep;
    this.resetButton.disabled = s.phase === 'starting' || s.phase === 'failed';
    setText(this.status, s.status);
    setText(this.values.step, formatCount(s.step));
    setText(this.values.epoch, Number.isFinite(s.epoch) ? s.epoch.toFixed(s.epoch < 10 ? 2 : 1) : '–');
    setText(this.values.train, formatBits(s.trainBits));
    setText(this.values.validation, formatBits(s.validationBits));
    setText(this.values.speed, formatCompact(s.charsPerSecond));
    this.values.speed.dataset.value = Number.isFinite(s.charsPerSecond) ? String(Math.round(s.charsPerSecond)) : '';
    this.values.speed.parentElement!.title = Number.isFinite(s.trainShare)
      ? t('run.statSpeedShare', { share: formatPercent(s.trainShare, 0) })
      : t('run.statSpeedHelp');
    setText(this.values.elapsed, formatDuration(s.elapsedMs));
  }
}
