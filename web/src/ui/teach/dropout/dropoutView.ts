// Dropout: a toggle, a diagram of where it acts (between layers and before the decoder, never on the
// recurrent path), and the gap between validation and training loss as it changes.
import { formatBits, formatCount } from '../../../format';
import { h, setText } from '../../dom';
import { LineChart } from '../chart/lineChart';
import { controlRow, viewShell } from '../viewShell';
import { dropoutDiagram } from './diagram';
import { gapByDropout, type GapPoint } from './gaps';

export interface DropoutViewData {
  dropout: number;
  layers: number;
  points: readonly GapPoint[];
}

export const DROPOUT_ON = 0.3;

export class DropoutView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly toggle: HTMLInputElement;
  private readonly diagramHolder: HTMLElement;
  private readonly chart: LineChart;
  private readonly caption: HTMLElement;
  private diagramKey = '';

  constructor(onDropout: (raw: string) => void) {
    const shell = viewShell('dropout', 'Dropout: where it acts, and what it does to the gap', [
      'While training, dropout zeroes each activation with probability p (and scales the rest by 1/(1−p)), so no unit can rely on one particular other: a defence against memorizing the training text. At validation and sampling time it is off.',
      'In a recurrent network it is applied only on the connections that go up — between stacked layers and into the decoder — never on the recurrent connection from one step to the next, where a new mask at every step would erase the memory (Zaremba et al., 2014; PyTorch does the same).',
      'Watch the gap: validation loss minus training loss. A small model on a long text barely overfits; a big model on a short text does, and dropout narrows the gap (its training loss is measured with dropout on, so it reads higher).',
    ]);
    this.root = shell.root;
    this.status = shell.status;
    this.toggle = h('input', { id: 'dropout-toggle', attrs: { type: 'checkbox' } });
    this.toggle.addEventListener('change', () => onDropout(this.toggle.checked ? String(DROPOUT_ON) : '0'));
    this.diagramHolder = h('div', { class: 'dropout-diagram-holder', id: 'dropout-diagram' });
    this.caption = h('p', { class: 'teach-caption', id: 'dropout-gap' });
    shell.main.append(
      controlRow([h('label', { class: 'teach-toggle' }, [this.toggle, ` Dropout on (p = ${DROPOUT_ON})`])]),
      this.diagramHolder,
      h('h4', { class: 'teach-sub', text: 'Training vs validation loss (bits per character)' }),
    );
    this.chart = new LineChart(shell.main, { height: 200, narrowHeight: 170, xLabel: (v) => formatCount(v), yLabel: (v) => v.toFixed(2) }, { id: 'dropout-chart', role: 'img', 'aria-label': 'Training and validation loss over steps' });
    shell.main.append(this.caption);
  }

  render(d: DropoutViewData): void {
    this.toggle.checked = d.dropout > 0;
    const key = `${d.layers}:${d.dropout}`;
    if (key !== this.diagramKey) {
      this.diagramKey = key;
      this.diagramHolder.replaceChildren(dropoutDiagram(Math.min(3, Math.max(1, d.layers)), d.dropout));
    }
    setText(this.status, d.dropout > 0 ? `Dropout is on: p = ${d.dropout}.` : 'Dropout is off.');
    const pts = d.points;
    this.chart.setData(
      pts.map((p) => p.step),
      [pts.map((p) => p.train), pts.map((p) => p.validation), pts.map((p) => p.gap)],
      [
        { label: 'training', stroke: '#4f46e5', points: true },
        { label: 'validation', stroke: '#ea580c', points: true },
        { label: 'gap', stroke: '#64748b', dash: [4, 4] },
      ],
    );
    if (pts.length === 0) {
      setText(this.caption, 'Train: a point appears at every validation measurement (every couple of seconds).');
      return;
    }
    const stretches = gapByDropout(pts);
    setText(this.caption, `Gap now ${formatBits(pts[pts.length - 1].gap)} bits/char. ` + stretches.slice(-4).map((s) => `With dropout ${s.dropout}: gap ${formatBits(s.gap)} (${s.points} points)`).join('; ') + '.');
  }
}
