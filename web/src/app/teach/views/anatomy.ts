// Cell anatomy: one unit's gates step by step over the gate views' text. The unit shown is picked
// automatically (again at steps 50, 100, 200, … as the units specialize) until the learner picks one.
import type { InspectionResult } from '../../../../generated/core.mjs';
import { AnatomyView } from '../../../ui/teach/anatomy/anatomyView';
import { liveliestUnit } from '../anatomy/unitPicking';
import type { TeachContext, TeachFeed } from '../teachFeed';
import { InspectionFeed } from './inspection';

export function anatomyFeed(ctx: TeachContext): TeachFeed {
  let a = { layer: 0, unit: -1, userPicked: false, pickedAt: 0 };
  const autoPick = (r: InspectionResult, step: number) => {
    const due = a.unit < 0 || a.unit >= r.hidden || (!a.userPicked && step >= Math.max(50, 2 * a.pickedAt));
    if (!due) return;
    a.unit = liveliestUnit(r, Math.min(a.layer, r.layers.length - 1));
    a.pickedAt = step;
  };
  const inspection = new InspectionFeed(ctx, (i) => autoPick(i.result, i.step));
  const view = new AnatomyView({
    onUnit: (unit) => {
      const hidden = inspection.latest?.result.hidden ?? 1;
      a.unit = ((Math.round(unit) % hidden) + hidden) % hidden;
      a.userPicked = true;
      ctx.changed();
    },
    onLayer: (layer) => {
      a.layer = Math.max(0, Math.min(layer, ctx.model().layers - 1));
      if (inspection.latest && !a.userPicked) a.unit = liveliestUnit(inspection.latest.result, a.layer);
      ctx.changed();
    },
    onLiveliest: () => {
      if (inspection.latest) a.unit = liveliestUnit(inspection.latest.result, a.layer);
      a.userPicked = true;
      ctx.changed();
    },
    onText: (text) => ctx.setHeatText(text),
  });
  return {
    root: view.root,
    refresh: inspection.ask,
    tick: inspection.tick,
    modelChanged: () => {
      inspection.reset();
      a = { layer: Math.min(a.layer, ctx.model().layers - 1), unit: -1, userPicked: false, pickedAt: 0 };
    },
    draw: () => {
      view.setText(ctx.state().heatText);
      const ins = inspection.latest;
      view.render({ chars: ins ? [...ins.text] : [], step: ins?.step ?? 0, cell: ctx.model().cell, result: ins?.result ?? null, layer: a.layer, unit: Math.max(0, a.unit) });
    },
  };
}
