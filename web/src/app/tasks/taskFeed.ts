// What a task brings to the page beside the panels every task shares (text, settings, loss, run bar):
// its own panel, fed from the held-out scores and the requests only that task answers. registry.ts
// names each task's feed; taskPanels.ts shows the running task's and hides what does not apply.
import type { ModelSummary } from '../../../generated/core.mjs';
import type { TaskScores } from '../../protocol';
import type { PlaygroundState } from '../../state/settings';
import type { ModelWorker } from '../model/modelWorker';

export interface TaskContext {
  worker: ModelWorker;
  state(): PlaygroundState;
  text(): string;                 // the text the current model learns
  summary(): ModelSummary | null; // of the current model
  changed(): void;                // something to draw
  spawnWorker(): Worker;          // for a model of its own (the directions side by side)
  useText(text: string): Promise<boolean>;  // a text made by the task's panel becomes the page's (false: kept the old)
  readonly textFixed: boolean;    // a lesson locks or hides the text: no panel may replace it
}

export interface TaskFeed {
  readonly element: HTMLElement;
  modelChanged(): void;                            // a new model: forget the old one's answers
  validated(step: number, scores: TaskScores): void;  // held-out scores were measured
  draw(): void;
  dispose(): void;                                 // another task took over
}
