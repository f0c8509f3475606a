// Activation functions: the learner's model reads the gate views' text (an inspection, asked while the
// view is open) and its pre-activations — every layer and direction — are sorted by the function that
// bends them, to fall on that function's curve.
import { inputsByFunction, type ActivationId, type FunctionInputs } from '../../../ui/teach/activations/activationMath';
import { ActivationsView } from '../../../ui/teach/activations/activationsView';
import type { TeachContext, TeachFeed } from '../teachFeed';
import { InspectionFeed, type Inspected } from './inspection';

export function activationsFeed(ctx: TeachContext): TeachFeed {
  let sorted: { from: Inspected; inputs: Record<ActivationId, FunctionInputs> } | null = null;
  const inspection = new InspectionFeed(ctx);
  const view = new ActivationsView((raw) => ctx.changeSetting('nonlinearity', raw));
  return {
    root: view.root,
    refresh: inspection.ask,
    tick: inspection.tick,
    modelChanged: () => {
      inspection.reset();
      sorted = null;
    },
    draw: () => {
      const m = ctx.model();
      const ins = inspection.latest;
      if (ins && sorted?.from !== ins) sorted = { from: ins, inputs: inputsByFunction(m.cell, m.nonlinearity, ins.result.preActivations) };
      view.render({ cell: m.cell, nonlinearity: m.nonlinearity, step: ins?.step ?? m.step, chars: ins?.result.steps ?? 0, inputs: ins ? sorted!.inputs : null });
    },
  };
}
