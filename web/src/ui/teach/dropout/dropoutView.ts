// Dropout: a toggle, a diagram of where it acts (between layers and before the decoder, never on the
// recurrent path), and the gap between validation and training loss as it changes.
import { language, t } from '../../../i18n';
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
    const shell = viewShell('dropout', 'dropout.title', ['dropout.about1', 'dropout.about2', 'dropout.about3']);
    this.root = shell.root;
    this.status = shell.status;
    this.toggle = h('input', { id: 'dropout-toggle', attrs: { type: 'checkbox' } });
    this.toggle.addEventListener('change', () => onDropout(this.toggle.checked ? String(DROPOUT_ON) : '0'));
    this.diagramHolder = h('div', { class: 'dropout-diagram-holder', id: 'dropout-diagram' });
    this.caption = h('p', { class: 'teach-caption', id: 'dropout-gap' });
    shell.main.append(
      controlRow([h('label', { class: 'teach-toggle' }, [this.toggle, ' ', h('span', { say: ['dropout.toggle', { p: String(DROPOUT_ON) }] })])]),
      this.diagramHolder,
      h('h4', { class: 'teach-sub', say: 'dropout.chartTitle' }),
    );
    this.chart = new LineChart(shell.main, { height: 200, narrowHeight: 170, xLabel: (v) => formatCount(v), yLabel: (v) => v.toFixed(2) }, { id: 'dropout-chart', role: 'img', 'aria-describedby': 'dropout-status', 'aria-label': t('dropout.chartLabel'), 'data-i18n-aria-label': 'dropout.chartLabel' });
    shell.main.append(this.caption);
  }

  render(d: DropoutViewData): void {
    this.toggle.checked = d.dropout > 0;
    const key = `${language()}:${d.layers}:${d.dropout}`;
    if (key !== this.diagramKey) {
      this.diagramKey = key;
      this.diagramHolder.replaceChildren(dropoutDiagram(Math.min(3, Math.max(1, d.layers)), d.dropout));
    }
    setText(this.status, d.dropout > 0 ? t('dropout.on', { p: String(d.dropout) }) : t('dropout.off'));
    const pts = d.points;
    this.chart.setData(
      pts.map((p) => p.step),
      [pts.map((p) => p.train), pts.map((p) => p.validation), pts.map((p) => p.gap)],
      [
        { label: t('dropout.training'), stroke: '#4f46e5', points: true },
        { label: t('dropout.validation'), stroke: '#ea580c', points: true },
        { label: t('dropout.gap'), stroke: '#64748b', dash: [4, 4] },
      ],
    );
    if (pts.length === 0) {
      setText(this.caption, t('dropout.empty'));
      return;
    }
    const stretches = gapByDropout(pts);
    const recent = stretches.slice(-4).map((s) => t('dropout.stretch', { p: String(s.dropout), gap: formatBits(s.gap), n: s.points })).join('; ');
    setText(this.caption, `${t('dropout.gapNow', { gap: formatBits(pts[pts.length - 1].gap) })} ${recent}.`);
  }
}
