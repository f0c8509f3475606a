// Forward-only against bidirectional on the learner's own settings: a button that trains both for the
// same steps, their progress, and the F1 of each with the gap between them in a sentence.
import { t } from '../../../i18n';
import { h, setText } from '../../dom';

export interface DirectionResult {
  step: number;
  f1: number | null;  // held-out F1 once trained
}

export interface DirectionsView {
  phase: 'idle' | 'running' | 'done' | 'failed';
  steps: number;
  forward: DirectionResult | null;
  both: DirectionResult | null;
  error: string;
}

export interface DirectionsEvents {
  onCompare(): void;
}

export class DirectionsCompare {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly forward = h('span', { class: 'dir-result', id: 'directions-forward' });
  private readonly both = h('span', { class: 'dir-result', id: 'directions-both' });
  private readonly verdict = h('p', { class: 'task-verdict', id: 'directions-verdict', attrs: { 'aria-live': 'polite' } });
  private readonly about = h('p', { class: 'panel-hint' });

  constructor(events: DirectionsEvents) {
    this.button = h('button', { class: 'btn btn-small', id: 'directions-run', attrs: { type: 'button' }, on: { click: () => events.onCompare() } });
    this.element = h('div', { class: 'directions' }, [
      h('h3', { class: 'task-subtitle', say: 'spacing.compareTitle' }),
      this.about,
      h('div', { class: 'inline-actions' }, [this.button]),
      h('div', { class: 'dir-results' }, [
        h('div', {}, [h('strong', { say: 'spacing.compareForward' }), ' ', this.forward]),
        h('div', {}, [h('strong', { say: 'spacing.compareBoth' }), ' ', this.both]),
      ]),
      this.verdict,
    ]);
  }

  render(v: DirectionsView): void {
    setText(this.about, t('spacing.compareAbout', { steps: v.steps }));
    setText(this.button, t(v.phase === 'running' ? 'spacing.compareRunning' : 'spacing.compareRun', { steps: v.steps }));
    this.button.disabled = v.phase === 'running';
    setText(this.forward, side(v.forward, v.steps));
    setText(this.both, side(v.both, v.steps));
    const f = v.forward?.f1;
    const b = v.both?.f1;
    setText(this.verdict, v.phase === 'failed'
      ? t('spacing.compareFailed', { error: v.error })
      : v.phase === 'done' && f != null && b != null
        ? t(b >= f ? 'spacing.compareGap' : 'spacing.compareGapReversed', { steps: v.steps, forward: f.toFixed(3), both: b.toFixed(3), gap: Math.abs(b - f).toFixed(3) })
        : '');
  }
}

function side(r: DirectionResult | null, steps: number): string {
  if (!r) return '–';
  return r.f1 === null ? t('spacing.compareStep', { step: r.step, steps }) : t('spacing.compareF1', { f1: r.f1.toFixed(3) });
}
