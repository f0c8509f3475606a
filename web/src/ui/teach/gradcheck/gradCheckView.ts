// The gradient check a learner can press: for the largest-gradient entries of every tensor, the
// analytic gradient from backpropagation next to a central finite difference, and how well they agree.
import { formatCount } from '../../../format';
import { h, setText } from '../../dom';
import { viewShell } from '../viewShell';
import { AGREES, CLOSE, summarize } from './verdict';

// Backpropagation against central differences for a few entries of every tensor.
export interface GradientCheck {
  tensors: string[];             // PyTorch parameter name of each entry
  indices: Int32Array;           // flat index inside that tensor
  analytic: Float32Array;
  numeric: Float32Array;
  relativeErrors: Float32Array;  // |a - n| / max(|a|, |n|)
}

export interface GradCheckViewData {
  canCheck: boolean;
  running: boolean;
  result: { step: number; millis: number; check: GradientCheck } | null;
}

export class GradCheckView {
  readonly root: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly verdict: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private shown: unknown = null;

  constructor(onRun: () => void) {
    const shell = viewShell('gradient-check', 'Numerical gradient check', [
      'Backpropagation computes the derivative of the loss for every weight at once. A finite difference checks one weight the slow way: nudge it by ±h, run the network forward twice, and see how the loss changed: (L(w+h) − L(w−h)) / 2h.',
      `In 32-bit floats the two agree to about 1% (relative error |a − n| / max(|a|, |n|) below ${AGREES}: green). Up to ${CLOSE * 100}% (amber) is still rounding or curvature; a real bug — a missing term, a wrong sign — is off by tens of percent (red).`,
      'The check runs on a copy of the current model over the first window of the training text, for the entries with the largest gradient in each weight tensor (tiny gradients drown in rounding).',
    ]);
    this.root = shell.root;
    this.status = shell.status;
    this.button = h('button', { class: 'btn btn-primary', id: 'gradcheck-run', text: 'Check the gradient', attrs: { type: 'button' } });
    this.button.addEventListener('click', onRun);
    this.verdict = h('p', { class: 'teach-caption', id: 'gradcheck-verdict' });
    this.body = h('tbody');
    const table = h('table', { class: 'teach-table', id: 'gradcheck-table' }, [
      h('thead', {}, [h('tr', {}, ['Tensor', 'Entry', 'Backprop', 'Finite difference', 'Relative error'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })))]),
      this.body,
    ]);
    shell.main.append(h('div', { class: 'inline-actions' }, [this.button]), this.verdict, h('div', { class: 'teach-table-wrap' }, [table]));
  }

  render(d: GradCheckViewData): void {
    this.button.disabled = !d.canCheck || d.running;
    setText(this.button, d.running ? 'Checking…' : 'Check the gradient');
    if (!d.result) {
      setText(this.status, d.canCheck ? 'Press the button to compare backprop with finite differences for this model.' : 'Waiting for a model.');
      setText(this.verdict, '');
      this.body.replaceChildren();
      this.shown = null;
      return;
    }
    if (this.shown === d.result) return;
    this.shown = d.result;
    const s = summarize(d.result.check);
    setText(this.status, `Weights of step ${formatCount(d.result.step)}; ${s.rows.length} entries checked in ${Math.round(d.result.millis)} ms.`);
    this.verdict.dataset.passed = String(s.passed);
    setText(
      this.verdict,
      s.passed
        ? `Backprop is right: ${s.counts.agrees} entries agree, ${s.counts.close} close; the worst relative error is ${s.worst.toExponential(1)}.`
        : `${s.counts.disagrees} entries disagree (worst relative error ${s.worst.toExponential(1)}): the analytic gradient does not match.`,
    );
    this.body.replaceChildren(
      ...s.rows.map((r) => h('tr', { attrs: { 'data-verdict': r.verdict } }, [
        h('td', { class: 'mono', text: r.tensor }),
        h('td', { class: 'mono num', text: String(r.index) }),
        h('td', { class: 'mono num', text: r.analytic.toExponential(4) }),
        h('td', { class: 'mono num', text: r.numeric.toExponential(4) }),
        h('td', { class: 'mono num rel', text: r.relativeError.toExponential(1) }),
      ])),
    );
  }
}
