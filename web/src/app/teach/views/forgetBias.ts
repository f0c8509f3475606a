// Forget-gate bias: two fresh small LSTMs, forget bias 0 and 1, each in a worker of its own, trained a
// few hundred steps on the learner's text; their cell states and forget gates over the gate views' text,
// beside the learner's own model when it is an LSTM.
import type { InspectionResult } from '../../../../generated/core.mjs';
import { coreSettings } from '../../../state/settings';
import { ForgetView, type ForgetTrace } from '../../../ui/teach/forget/forgetView';
import { meanAbsPerStep, meanPerStep } from '../anatomy/unitPicking';
import { LabModel } from '../labModel';
import { languageModelHeatChars as labChars, languageModelTrainingText, type TeachContext, type TeachFeed } from '../teachFeed';
import { InspectionFeed } from './inspection';

const MAX_LAB_HIDDEN = 128;  // the pair stays small: it is about the first steps

interface Lab {
  zero: LabModel;
  one: LabModel;
  asked: Map<LabModel, number>;  // the step each model last read the text at
}

// The pair are language models: they read the gate views' text as one does (a classifier's labelled
// line without its label), and learn from the page's text so read. The learner's own model is shown
// beside them only when it is a language model too: a tagger reads the text without its spaces.

export function forgetBiasFeed(ctx: TeachContext): TeachFeed {
  let lab: Lab | null = null;
  const inspection = new InspectionFeed(ctx);
  const stop = () => {
    lab?.zero.stop();
    lab?.one.stop();
    lab = null;
  };
  // Each lab model reads the text once per step count it reaches while ready.
  const labChanged = () => {
    const text = labChars(ctx).join('');
    for (const m of lab ? [lab.zero, lab.one] : []) {
      if (m.phase === 'ready' && text && lab!.asked.get(m) !== m.step) {
        lab!.asked.set(m, m.step);
        m.inspect(text);
      }
    }
    ctx.changed();
  };
  const fresh = () => {
    stop();
    if (!ctx.vocab()) return;
    const s = { ...coreSettings(ctx.state()), task: 'lm' as const, bidirectional: false };  // the view is about language models' memory
    const base = { ...s, cell: 'lstm' as const, hiddenSize: Math.min(s.hiddenSize, MAX_LAB_HIDDEN), dropout: 0 };
    const zero = new LabModel(() => ctx.spawnWorker(), labChanged);
    const one = new LabModel(() => ctx.spawnWorker(), labChanged);
    lab = { zero, one, asked: new Map() };
    const text = languageModelTrainingText(ctx);
    zero.create(text, { ...base, forgetBiasOne: false });
    one.create(text, { ...base, forgetBiasOne: true });
    ctx.changed();
  };
  const view = new ForgetView({
    onFresh: fresh,
    onTrain: (steps) => {
      for (const m of lab ? [lab.zero, lab.one] : []) m.train(m.step + steps);
      ctx.changed();
    },
  });
  return {
    root: view.root,
    refresh: () => {
      inspection.ask();
      if (!lab) fresh();
    },
    tick: inspection.tick,
    modelChanged: () => inspection.reset(),
    close: stop,
    busy: () => lab?.zero.phase === 'training',
    draw: () => {
      const l = lab;
      const ins = inspection.latest;
      const s = ctx.state();
      view.render({
        chars: labChars(ctx),
        labStep: l ? Math.min(l.zero.step, l.one.step) : 0,
        labBusy: !!l && [l.zero, l.one].some((m) => m.phase === 'training' || m.phase === 'building' || m.phase === 'starting'),
        zero: l?.zero.inspection ? forgetTrace(l.zero.inspection.result) : null,
        one: l?.one.inspection ? forgetTrace(l.one.inspection.result) : null,
        current: ctx.model().cell === 'lstm' && ctx.model().task === 'lm' && ins ? { ...forgetTrace(ins.result), biasOne: s.forgetBiasOne, step: ins.step } : null,
        canStart: (ctx.vocab() ?? []).length > 0,
      });
    },
  };
}

// Layer 0 of an LSTM inspection: mean |c_t| and mean f_t over units, step by step.
function forgetTrace(r: InspectionResult): ForgetTrace {
  const g = r.layers[0];
  return {
    meanAbsC: g?.c ? meanAbsPerStep(g.c, r.steps, r.hidden) : [],
    meanF: g?.f ? meanPerStep(g.f, r.steps, r.hidden) : [],
  };
}
