// What a teaching view needs from the page, and what each view's feed does with it. A feed asks the
// worker for its view's data (only while the view is open and on screen), records what it must see
// even when closed (every training slice, every validation), and draws its view. The controller only
// decides which view is open and when to draw; a new view is a new feed in registry.ts.
import type { Progress } from '../../protocol';
import type { PlaygroundState } from '../../state/settings';
import { languageModelText, modelInput } from '../../state/modelInput';
import type { ModelWorker } from '../model/modelWorker';

export interface TeachModel {
  cell: string;
  nonlinearity: string;  // the RNN's tanh or relu (LSTM and GRU: tanh), as the model has it
  task: string;          // what the model learns ('lm', …), as the model has it
  layers: number;
  step: number;
  training: boolean;
}

export interface TeachContext {
  readonly worker: ModelWorker;
  state(): PlaygroundState;
  text(): string;                        // the text the model learns
  vocab(): readonly string[] | null;     // null without a model
  model(): TeachModel;
  changed(): void;                       // the open view should redraw
  changeSetting(key: keyof PlaygroundState, raw: string): void;
  setHeatText(text: string): void;       // the text the gate views read
  pauseTraining(): void;
  spawnWorker(): Worker;
  reportError(what: string, message: string): void;  // a notice, as for any failed request
}

export interface TeachFeed {
  readonly root: HTMLElement;            // the view's element
  refresh?(): void;                      // opened, paused, a new model: fresh data now
  tick?(now: number): void;              // while training, open and on screen
  progress?(p: Progress): void;          // every training slice, open or not
  validation?(step: number, bits: number): void;
  modelChanged?(): void;
  close?(): void;                        // the view was closed (extra workers stop)
  busy?(): boolean;                      // models of its own are training (redraws are then paced)
  draw(): void;
}

// The characters of the gate views' text as the model reads them (none without a model): a spacing
// tagger's input has no spaces, a classifier reads one line without its label (state/modelInput.ts).
// All of them: one the model does not know enters as an all-zero input (README "Model files").
export function heatChars(ctx: TeachContext): string[] {
  return ctx.vocab() ? [...modelInput(ctx.model().task, ctx.state().heatText)] : [];
}

// Only the characters the model knows: for views that trace one character's own input column
// (connectivity) or compare models built on their own vocabularies (compare), an unknown one has no
// column to trace or compare.
export function knownHeatChars(ctx: TeachContext): string[] {
  const vocab = ctx.vocab();
  if (!vocab) return [];
  const known = new Set(vocab);
  return [...modelInput(ctx.model().task, ctx.state().heatText)].filter((c) => known.has(c));
}

// The gate views' text as a language model trained beside the learner's reads it (forget-bias pair,
// compare): a classifier's labelled line without its label, other texts as they are (spaces and all).
export function languageModelHeatChars(ctx: TeachContext): string[] {
  return ctx.vocab() ? [...modelInput(ctx.model().task === 'classify' ? 'classify' : 'lm', ctx.state().heatText)] : [];
}

// The page's text as those language models learn it (a classifier's lines without their labels).
export function languageModelTrainingText(ctx: TeachContext): string {
  return languageModelText(ctx.model().task, ctx.text());
}
