// "Runs": every run this browser kept (app/runs/), newest first, as a table — model, task, how far and
// how long it trained, where its losses ended, the task's score, when — with a pin on each row. Pinned
// runs (at most two) have their loss curves drawn together below the table.
import { formatBits, formatCount, formatDateTime, formatDuration, formatPercent } from '../../format';
import { hasMessage, sayNow, t, tDynamic, type Said } from '../../i18n';
import { h, setText } from '../dom';
import { icon } from '../icons';
import type { RunRow } from './runRow';
import { RunsChart } from './runsChart';
import './runs.css';

export const MAX_PINNED = 2;

export interface RunsEvents {
  onPin(id: string, pinned: boolean): void;
}

export interface RunsView {
  runs: RunRow[];
  pinned: string[];          // ids, in the order they were pinned
  currentId: string | null;  // the run of the model on the page
  message: Said | null;      // storage unavailable, a failure…
}

const COLUMNS = ['pin', 'number', 'cell', 'hidden', 'layers', 'task', 'steps', 'time', 'train', 'validation', 'metric', 'date'] as const;

export class RunsDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly message: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly hint: HTMLElement;
  private readonly chart: RunsChart;
  private readonly chartBox: HTMLElement;

  constructor(root: HTMLElement, private readonly events: RunsEvents) {
    this.message = h('p', { class: 'runs-message', id: 'runs-message', attrs: { role: 'status' } });
    this.body = h('tbody', { id: 'runs-rows' });
    const head = h('tr', {}, COLUMNS.map((c) => h('th', { say: `runs.col.${c}`, attrs: { scope: 'col', 'data-col': c } })));
    const table = h('table', { class: 'runs-table', id: 'runs-table' }, [h('caption', { class: 'visually-hidden', say: 'runs.caption' }), h('thead', {}, [head]), this.body]);
    // A region that scrolls sideways on a phone; focusable so a keyboard can scroll it too.
    const scroller = h('div', { class: 'runs-scroll', sayAttrs: { 'aria-label': 'runs.tableLabel' }, attrs: { role: 'region', tabindex: '0' } }, [table]);
    this.hint = h('p', { class: 'runs-hint', id: 'runs-hint' });
    this.chartBox = h('section', { class: 'runs-chart', id: 'runs-chart', attrs: { 'aria-labelledby': 'runs-chart-title' } });
    this.chartBox.append(h('h3', { class: 'runs-chart-title', id: 'runs-chart-title', say: 'runs.chartTitle' }));
    this.chart = new RunsChart(this.chartBox);
    const close = h('button', { class: 'btn btn-icon dialog-close', sayAttrs: { title: 'dialog.close', 'aria-label': 'dialog.close' }, attrs: { type: 'button' }, on: { click: () => this.close() } }, [icon('close')]);
    this.dialog = h('dialog', { class: 'dialog dialog-wide', id: 'runs-dialog', attrs: { 'aria-labelledby': 'runs-title' } }, [
      h('div', { class: 'dialog-head' }, [h('h2', { class: 'dialog-title', id: 'runs-title', say: 'runs.title' }), close]),
      h('p', { class: 'dialog-body', say: 'runs.intro' }),
      this.message,
      scroller,
      this.hint,
      this.chartBox,
    ]);
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.close();
    });
    root.append(this.dialog);
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  open(): void {
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  render(v: RunsView): void {
    setText(this.message, v.message ? sayNow(v.message) : v.runs.length === 0 ? t('runs.empty') : '');
    this.message.hidden = this.message.textContent === '';
    const full = v.pinned.length >= MAX_PINNED;
    // Focus stays on the pin a person just pressed: rows are rebuilt, so it is given back by id.
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.pin;
    this.body.replaceChildren(...v.runs.map((r) => this.row(r, v.pinned.includes(r.id), full, r.id === v.currentId)));
    if (focused) this.body.querySelector<HTMLInputElement>(`[data-pin="${CSS.escape(focused)}"]`)?.focus();
    const pinned = v.pinned.map((id) => v.runs.find((r) => r.id === id)).filter((r): r is RunRow => r !== undefined);
    setText(this.hint, v.runs.length === 0 ? '' : t(pinned.length === 0 ? 'runs.hintPin' : pinned.length === 1 ? 'runs.hintPinOne' : 'runs.hintPinned'));
    this.chartBox.hidden = pinned.length === 0;
    if (pinned.length > 0) this.chart.render(pinned);
  }

  private row(r: RunRow, pinned: boolean, full: boolean, current: boolean): HTMLElement {
    const pin = h('input', { attrs: { type: 'checkbox', 'data-pin': r.id, 'aria-label': t('runs.pin', { number: r.number }) } });
    pin.checked = pinned;
    pin.disabled = full && !pinned;
    if (pin.disabled) pin.title = t('runs.pinFull');
    pin.addEventListener('change', () => this.events.onPin(r.id, pin.checked));
    const taskKey = `task.${r.task}`;
    const task = hasMessage(taskKey) ? tDynamic(taskKey) : r.task;
    const cells: Record<(typeof COLUMNS)[number], Node | string> = {
      pin,
      number: current ? t('runs.numberCurrent', { number: r.number }) : String(r.number),
      cell: r.cell.toUpperCase(),
      hidden: formatCount(r.hiddenSize),
      layers: formatCount(r.numLayers),
      task: r.bidirectional ? t('runs.taskBidirectional', { task }) : task,
      steps: r.firstStep > 0 ? t('runs.stepsFrom', { step: formatCount(r.step), from: formatCount(r.firstStep) }) : formatCount(r.step),
      time: r.trainMillis < 60_000 ? t('runs.seconds', { seconds: (r.trainMillis / 1000).toFixed(1) }) : formatDuration(r.trainMillis),
      train: r.trainBits === null ? '–' : formatBits(r.trainBits),
      validation: r.validationBits === null ? '–' : formatBits(r.validationBits),
      metric: r.metric === null ? '–' : t(r.metric.kind === 'f1' ? 'runs.f1' : 'runs.accuracy', { value: formatPercent(r.metric.value) }),
      date: formatDateTime(r.startedAt),
    };
    return h('tr', { class: `${pinned ? 'runs-pinned' : ''} ${current ? 'runs-current' : ''}`.trim(), attrs: { 'data-run': r.id } },
      COLUMNS.map((c) => h('td', { attrs: { 'data-col': c } }, [cells[c]])));
  }
}
