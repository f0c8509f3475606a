// Vanishing gradients: ‖∂ℓ_T/∂h_t‖ over the last training window, asked of the worker while the view
// is open, at most every quarter second and within a small share of its time.
import type { GradientNormsResult } from '../../../../generated/core.mjs';
import { GradientView } from '../../../ui/teach/gradients/gradientView';
import { Cadence, RequestSlot } from '../../live/requestSlot';
import type { TeachContext, TeachFeed } from '../teachFeed';

export function gradientsFeed(ctx: TeachContext): TeachFeed {
  const view = new GradientView((raw) => ctx.changeSetting('seqLen', raw));
  let norms: { step: number; norms: GradientNormsResult } | null = null;
  const cadence = new Cadence(250, 0.04);
  const slot = new RequestSlot(
    () => ctx.worker.request('gradientNorms', {}, { handleErrors: true }),
    (r) => {
      cadence.ran(performance.now(), r.millis);
      norms = { step: r.step, norms: r.norms };
      ctx.changed();
    },
  );
  return {
    root: view.root,
    refresh: () => slot.request(undefined),
    tick: (now) => {
      if (cadence.due(now) && !slot.busy) slot.request(undefined);
    },
    modelChanged: () => {
      norms = null;
      slot.reset();
    },
    draw: () => view.render({ norms: norms?.norms ?? null, step: norms?.step ?? 0, cell: ctx.model().cell, nonlinearity: ctx.model().nonlinearity, seqLen: ctx.state().seqLen }),
  };
}
