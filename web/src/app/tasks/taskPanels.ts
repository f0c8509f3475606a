// Shows the running task's panel and hides the shared panels that do not apply to it (registry.ts):
// when the task setting changes, the old task's feed goes and the new one's comes. Its feed hears of
// new models and of every held-out measurement; drawing waits for the next frame.
import type { Task } from '../../../generated/core.mjs';
import { PANELS } from '../../state/lesson';
import type { RunEvent } from '../model/modelLifecycle';
import { taskPageFor } from './registry';
import type { TaskContext, TaskFeed } from './taskFeed';

export class TaskPanels {
  private task: Task | null = null;
  private pageKey = '';
  private feed: TaskFeed | null = null;
  private drawQueued = false;

  constructor(private readonly root: HTMLElement, private readonly ctx: Omit<TaskContext, 'changed'>) {}

  // The page's settings changed: a new task brings its panel.
  stateChanged(): void {
    const { task, preset } = this.ctx.state();
    const { key, page } = taskPageFor(task, preset);
    if (key === this.pageKey) return;
    this.pageKey = key;
    this.task = task;
    this.feed?.dispose();
    this.feed = null;
    this.root.replaceChildren();
    for (const p of PANELS) document.getElementById(p.element)?.classList.toggle('task-hidden', page.hides.includes(p.id));
    this.root.classList.toggle('task-hidden', page.feed === null);
    if (page.feed === null) return;
    this.feed = page.feed({ ...this.ctx, changed: () => this.queueDraw() });
    this.root.append(this.feed.element);
    if (this.ctx.summary()?.task === task) this.feed.modelChanged();
    this.queueDraw();
  }

  signal(e: RunEvent): void {
    if (!this.feed) return;
    if (e.type === 'model' && e.summary.task === this.task) this.feed.modelChanged();
    else if (e.type === 'validation' && this.ctx.summary()?.task === this.task) this.feed.validated(e.step, e.scores);
    else return;
    this.queueDraw();
  }

  private queueDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.feed?.draw();
    });
  }
}
