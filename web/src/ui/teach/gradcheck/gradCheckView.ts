// The gradient check a learner can press: for the largest-gradient entries of every tensor, the
// analytic gradient from backpropagation next to a central finite difference, and how well they agree.
import { language, t } from '../../../i18n';
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
  private shownIn = '';

  constructor(onRun: () => void) {
    const shell = viewShell('gradient-check', 'gradcheck.title', ['gradcheck.about1', 'gradcheck.about3']);
    // The thresholds in the second paragraph are the verdict's own (verdict.ts).
    shell.aside.children[0].after(h('p', { say: ['gradcheck.about2', { agrees: String(AGREES), close: String(CLOSE * 100) }] }));
    this.root = shell.root;
    this.status = shell.status;
    this.button = h('button', { class: 'btn btn-primary', id: 'gradcheck-run', text: t('gradcheck.run'), attrs: { type: 'button' } });
    this.button.addEventListener('click', onRun);
    this.verdict = h('p', { class: 'teach-caption', id: 'gradcheck-verdict' });
    this.body = h('tbody');
    const table = h('table', { class: 'teach-table', id: 'gradcheck-table' }, [
      h('thead', {}, [h('tr', {}, (['gradcheck.tensor', 'gradcheck.entry', 'gradcheck.backprop', 'gradcheck.numeric', 'gradcheck.relative'] as const).map((k) => h('th', { say: k, attrs: { scope: 'col' } })))]),
      this.body,
    ]);
    shell.main.append(h('div', { class: 'inline-actions' }, [this.button]), this.verdict, h('div', { class: 'teach-table-wrap' }, [table]));
  }

  render(d: GradCheckViewData): void {
    this.button.disabled = !d.canCheck || d.running;
    setText(this.button, d.running ? t('gradcheck.running') : t('gradcheck.run'));
    if (!d.result) {
      setText(this.status, d.canCheck ? t('gradcheck.press') : t('gradcheck.waiting'));
      setText(this.verdict, '');
      this.body.replaceChildren();
      this.shown = null;
      return;
    }
    if (this.shown === d.result && this.shownIn === language()) return;
    this.shown = d.result;
    this.shownIn = language();
    const s = summarize(d.result.check);
    setText(this.status, t('gradcheck.status', { step: d.result.step, n: s.rows.length, ms: Math.round(d.result.millis) }));
    this.verdict.dataset.passed = String(s.passed);
    setText(
      this.verdict,
      s.passed
        ? t('gradcheck.passed', { agrees: s.counts.agrees, close: s.counts.close, worst: s.worst.toExponential(1) })
        : t('gradcheck.failed', { n: s.counts.disagrees, worst: s.worst.toExponential(1) }),
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
