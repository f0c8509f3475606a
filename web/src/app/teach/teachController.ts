// The teaching views' controller: which view is open (only the open one asks the worker for data, and
// only while it is on screen), when views redraw, and the model's events each feed hears. What a view
// shows and asks for is its feed's business (registry.ts).
import { onLanguageChange } from '../../i18n';
import type { TeachSection } from '../../ui/teach/teachSection';
import { isTeachView, TEACH_VIEWS, type TeachViewId } from '../../ui/teach/views';
import type { LiveRequests } from '../live/liveRequests';
import type { ModelLifecycle } from '../model/modelLifecycle';
import { FEEDS } from './registry';
import type { TeachContext, TeachFeed, TeachModel } from './teachFeed';

const DRAW_EVERY_MS = 200;  // while training: the views redraw 5 times a second

// What the controller needs besides the model: the page's part of the context, and the tabs.
export type TeachHost = Omit<TeachContext, 'model' | 'changed'>;

export class TeachController {
  private view: TeachViewId | '' = '';
  private visible = true;
  private readonly current: TeachModel = { cell: 'lstm', nonlinearity: 'tanh', task: 'lm', layers: 1, step: 0, training: false };
  private readonly feeds: Record<TeachViewId, TeachFeed>;
  private section: TeachSection | null = null;
  private readonly hasModel: () => boolean;
  private drawPending = false;
  private lastDraw = 0;

  constructor(host: TeachHost, model: ModelLifecycle, live: LiveRequests) {
    const ctx: TeachContext = { ...host, model: () => this.current, changed: () => this.markDirty() };
    this.hasModel = () => host.vocab() !== null;
    this.feeds = Object.fromEntries(TEACH_VIEWS.map((v) => [v.id, FEEDS[v.id](ctx)])) as Record<TeachViewId, TeachFeed>;
    model.events.on('model', (e) => {
      const { cell, nonlinearity, task } = e.summary;
      Object.assign(this.current, { cell, nonlinearity, task, layers: e.summary.numLayers, step: e.step, training: false });
      for (const f of this.all()) f.modelChanged?.();
      this.refresh();
    });
    model.events.on('progress', (e) => {
      Object.assign(this.current, { step: e.step, training: true });
      for (const f of this.all()) f.progress?.(e.progress);
      if (this.visible && this.view && model.summary) this.feeds[this.view].tick?.(performance.now());
      if (this.view === 'clipping' || this.view === 'dropout') this.markDirty();
    });
    for (const type of ['paused', 'stopped'] as const) {
      model.events.on(type, (e) => {
        Object.assign(this.current, { step: e.step, training: false });
        this.refresh();
      });
    }
    onLanguageChange(() => this.markDirty());  // the open view says its captions again
    live.events.on('validation', (e) => {
      for (const f of this.all()) f.validation?.(e.step, e.bits);
      if (this.view === 'dropout') this.markDirty();
    });
  }

  // Each view's element, for the tabs (ui/teach/teachSection.ts) to lay out.
  get elements(): Record<TeachViewId, { root: HTMLElement }> {
    return this.feeds;
  }

  attach(section: TeachSection): void {
    this.section = section;
  }

  open(id: string, scroll: boolean, remember: (view: string) => void = () => undefined): void {
    const next = isTeachView(id) ? id : '';
    if (next !== this.view) {
      if (this.view) this.feeds[this.view].close?.();
      this.view = next;
      this.section?.show(next);
      remember(next);
      this.refresh();
    }
    if (scroll && next) this.section?.scrollTo();
    this.markDirty();
  }

  setVisible(visible: boolean): void {
    const was = this.visible;
    this.visible = visible;
    if (visible && !was) this.refresh();
  }

  // The settings or the gate views' text changed: the open view redraws, and asks again.
  stateChanged(): void {
    this.markDirty();
  }

  // Fresh data for the open view now (a new model, a pause, a step, the view just opened).
  refresh(): void {
    this.markDirty();
    if (this.visible && this.view && this.hasModel()) this.feeds[this.view].refresh?.();
  }

  private all(): TeachFeed[] {
    return Object.values(this.feeds);
  }

  private markDirty(): void {
    if (this.drawPending || this.view === '') return;
    this.drawPending = true;
    const paced = this.current.training || this.all().some((f) => f.busy?.());
    const wait = paced ? Math.max(0, this.lastDraw + DRAW_EVERY_MS - performance.now()) : 0;
    const go = () => requestAnimationFrame(() => {
      this.drawPending = false;
      this.lastDraw = performance.now();
      if (this.view) this.feeds[this.view].draw();
    });
    if (wait > 4) setTimeout(go, wait);
    else go();
  }
}
