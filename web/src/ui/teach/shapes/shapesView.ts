// The shapes of recurrent networks side by side — one-to-many, many-to-one, many-to-many, encoder–
// decoder — with the shapes the running task uses highlighted, and the trained one labelled live with
// what the model read and what it predicted on the gate views' text.
import { language, t } from '../../../i18n';
import { displayChar } from '../../../format';
import { h, setText } from '../../dom';
import { viewShell } from '../viewShell';
import { shapeDiagram, type StepLabels } from './shapeDiagram';
import './shapes.css';
import { roleOf, SHAPES, shapesOfTask, type ShapeId } from './shapes';

// What the model did on the gate views' text: the characters it read and, per step, its output (the
// next character it finds likeliest; for spacing, a space or none). `hits`: per output, whether the
// text agrees (null when the text cannot tell).
export interface ShapesLive {
  step: number;
  inputs: readonly string[];
  outputs: readonly string[];
  hits: readonly boolean[] | null;
}

export interface ShapesViewData {
  task: string;
  live: ShapesLive | null;
}

const LIVE_CHARS = 24;  // of the text in the caption
const KNOWN_TASKS = ['lm', 'spacing', 'classify'] as const;

export class ShapesView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly figures = new Map<ShapeId, { figure: HTMLElement; holder: HTMLElement; badge: HTMLElement }>();
  private readonly live: HTMLElement;
  private drawn = '';

  constructor() {
    const shell = viewShell('shapes', 'shapes.title', ['shapes.about1', 'shapes.about2', 'shapes.about3']);
    this.root = shell.root;
    this.status = shell.status;
    const grid = h('div', { class: 'shapes-grid', id: 'shapes-grid' });
    for (const shape of SHAPES) {
      const holder = h('div', { class: 'shape-holder' });
      const badge = h('span', { class: 'shape-badge' });
      const figure = h('figure', { class: 'shape-figure', attrs: { 'data-shape': shape } }, [
        h('figcaption', { class: 'shape-head' }, [h('strong', { say: `shapes.name.${shape}` }), badge]),
        holder,
        h('p', { class: 'shape-example', say: `shapes.example.${shape}` }),
      ]);
      this.figures.set(shape, { figure, holder, badge });
      grid.append(figure);
    }
    this.live = h('p', { class: 'teach-caption', id: 'shapes-live' });
    shell.main.append(grid, this.live);
  }

  render(d: ShapesViewData): void {
    const known = (KNOWN_TASKS as readonly string[]).includes(d.task);
    setText(this.status, known ? t(`shapes.running.${d.task as (typeof KNOWN_TASKS)[number]}`) : t('shapes.running.other', { task: d.task }));
    const trained = shapesOfTask(d.task).find((s) => s.role === 'training')?.shape ?? null;
    const labels: StepLabels = d.live ? { x: d.live.inputs.slice(0, 8).map(displayChar), y: d.live.outputs.slice(0, 8).map(displayChar) } : {};
    // Redraw the diagrams only when what they show changed (the view redraws 5 times a second while training).
    const key = `${language()}|${d.task}|${labels.x?.join('') ?? ''}|${labels.y?.join('') ?? ''}`;
    if (key !== this.drawn) {
      this.drawn = key;
      for (const [shape, f] of this.figures) {
        const role = roleOf(d.task, shape);
        f.figure.classList.toggle('is-running', role !== null);
        f.figure.dataset.role = role ?? '';
        setText(f.badge, role === null ? (shape === 'encoder-decoder' ? t('shapes.notTrained') : '') : t(`shapes.role.${role}`));
        f.holder.replaceChildren(shapeDiagram(shape, shape === trained ? labels : {}));
      }
    }
    setText(this.live, this.liveCaption(d));
  }

  private liveCaption(d: ShapesViewData): string {
    if (!d.live) return t('shapes.waiting');
    const text = d.live.inputs.slice(0, LIVE_CHARS).map(displayChar).join('');
    const step = d.live.step;
    if (d.live.outputs.length === 0) return t('shapes.liveRead', { step, text });
    const out = d.live.outputs.slice(0, LIVE_CHARS).map(displayChar).join('');
    if (d.live.hits === null) return t('shapes.liveOutputs', { step, text, out });
    const hits = d.live.hits.slice(0, LIVE_CHARS);
    return t('shapes.livePredicts', { step, text, out, right: hits.filter(Boolean).length, n: hits.length });
  }
}
