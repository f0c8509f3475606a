// Compare cells: RNN, LSTM and GRU trained side by side on the learner's text (compare/compareRunner.ts).
import { coreSettings } from '../../../state/settings';
import { heldOutMemory } from '../../tasks/memory/heldOutMemory';
import { memoryScore } from '../../../presets/memory/memoryScore';
import { CompareView } from '../../../ui/teach/compare/compareView';
import { CompareRunner } from '../compare/compareRunner';
import { languageModelHeatChars, languageModelTrainingText, type TeachContext, type TeachFeed } from '../teachFeed';

export function compareFeed(ctx: TeachContext): TeachFeed {
  const runner = new CompareRunner(() => ctx.spawnWorker(), () => ctx.changed());
  const view = new CompareView({
    onStart: (mode) => {
      const vocab = ctx.vocab();
      if (!vocab) return;
      ctx.pauseTraining();  // two cores: the learner's model waits while the three take turns
      const s = ctx.state();
      runner.start(languageModelTrainingText(ctx), { ...coreSettings(s), task: 'lm', bidirectional: false }, vocab.length, mode, s.temperature);  // they sample: language models, whatever the page's task
    },
    onPause: () => runner.pause(),
    onResume: () => {
      ctx.pauseTraining();
      runner.resume();
    },
  });
  // Every model traces the probe text's last but one character (its next one is in the text), read as a
  // language model reads it; only characters of the text they learn have an input column to trace.
  const trace = () => {
    const known = new Set(ctx.vocab() ?? []);  // the learner's: a tagger's has no spaces, which the text has
    const spacing = ctx.model().task === 'spacing';
    const chars = languageModelHeatChars(ctx).filter((c) => known.has(c) || (spacing && c === ' '));
    runner.trace = chars.length >= 2 ? { text: chars.join(''), position: chars.length - 2 } : null;
    return chars;
  };
  // On a memory task every model is also scored where memory is needed (the memory panel's question).
  const memory = () => {
    const held = heldOutMemory(ctx.state());
    runner.memory = held && { text: held.memory.text, probes: held.memory.probes };
    return held;
  };
  return {
    root: view.root,
    close: () => runner.stop(),
    busy: () => runner.running,
    draw: () => draw(trace(), memory()),
  };

  function draw(chars: string[], held: ReturnType<typeof heldOutMemory>): void {
    view.render({
      running: runner.running,
      mode: runner.mode,
      canStart: (ctx.vocab() ?? []).length > 0,
      models: runner.entries.map((e) => {
        const d = e.model.history.chartData(300);
        const c = e.model.connectivity;
        const fits = c !== null && c.text === chars.join('') && c.position === chars.length - 2;
        return {
          plan: e.plan, phase: e.model.phase, step: e.model.step, error: e.model.error, sample: e.model.sample,
          curve: { steps: d.steps, values: d.smooth }, lastBits: e.model.history.lastSmoothed,
          dependence: fits ? { chars: chars.slice(0, c.position + 1), norms: c.result.norms } : null,
          memory: held && e.model.memory?.text === held.memory.text ? memoryScore(e.model.memory.step, held.memory, e.model.memory.hits, held.maxDistance) : null,
        };
      }),
    });
  }
}

