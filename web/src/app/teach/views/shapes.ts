// The shapes of recurrent networks: the diagrams, the running task's shapes highlighted, and the trained
// one labelled with what the learner's model reads and predicts on the gate views' text (an inspection,
// asked while the view is open).
import { ShapesView } from '../../../ui/teach/shapes/shapesView';
import { liveExample } from '../shapes/liveExample';
import type { TeachContext, TeachFeed } from '../teachFeed';
import { InspectionFeed } from './inspection';

export function shapesFeed(ctx: TeachContext): TeachFeed {
  const view = new ShapesView();
  const inspection = new InspectionFeed(ctx);
  return {
    root: view.root,
    refresh: inspection.ask,
    tick: inspection.tick,
    modelChanged: () => inspection.reset(),
    draw: () => {
      const { task } = ctx.model();
      const ins = inspection.latest;
      const live = ins ? liveExample(task, ins.text, ctx.vocab() ?? [], ins.step, ins.result) : null;
      view.render({ task, live });
    },
  };
}
