// Vanishing gradients: ‖∂ℓ_T/∂h_t‖ over the last training window, asked of the worker while the view
// is open, at most every quarter second and within a small share of its time.
import type { GradientNormsResult } from '../../../../generated/core.mjs';
import { GradientView } from '../../../ui/teach/gradients/gradientView';
import { cadencedRequest } from '../cadencedRequest';
import type { TeachContext, TeachFeed } from '../teachFeed';

export function gradientsFeed(ctx: TeachContext): TeachFeed {
  const view = new GradientView((raw) => ctx.changeSetting('seqLen', raw));
  let norms: { step: number; norms: GradientNormsResult } | null = null;
  const request = cadencedRequest({
    everyMs: 250,
    share: 0.04,
    question: () => ({}),  // the last training window: nothing to choose
    send: (p: Record<string, never>) => ctx.worker.request('gradientNorms', p, { handleErrors: true }),
    answered: (r) => {
      norms = { step: r.step, norms: r.norms };
      ctx.changed();
    },
  });
  return {
    root: view.root,
    refresh: request.ask,
    tick: request.tick,
    modelChanged: () => {
      norms = null;
      request.reset();
    },
    draw: () => view.render({ norms: norms?.norms ?? null, step: norms?.step ?? 0, cell: ctx.model().cell, nonlinearity: ctx.model().nonlinearity, seqLen: ctx.state().seqLen }),
  };
}
