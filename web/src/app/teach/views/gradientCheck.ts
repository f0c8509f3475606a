// Gradient check: backpropagation against finite differences for the current model, on request.
import type { GradientCheckResult } from '../../../../generated/core.mjs';
import { GradCheckView } from '../../../ui/teach/gradcheck/gradCheckView';
import type { TeachContext, TeachFeed } from '../teachFeed';

export function gradientCheckFeed(ctx: TeachContext): TeachFeed {
  let running = false;
  let result: { step: number; millis: number; check: GradientCheckResult } | null = null;
  let generation = 0;  // a new model makes an answer about the old one moot
  const run = () => {
    if (!ctx.vocab() || running) return;
    running = true;
    const asked = generation;
    ctx.worker.request('gradientCheck', { perTensor: 3 }, { handleErrors: true }).then(
      (r) => {
        if (asked === generation) result = { step: r.step, millis: r.millis, check: r.check };
      },
      (e: unknown) => ctx.reportError('gradientCheck', e instanceof Error ? e.message : String(e)),
    ).finally(() => {
      if (asked === generation) running = false;
      ctx.changed();
    });
    ctx.changed();
  };
  const view = new GradCheckView(run);
  return {
    root: view.root,
    modelChanged: () => {
      generation++;
      running = false;
      result = null;
    },
    draw: () => view.render({ canCheck: (ctx.vocab() ?? []).length > 0, running, result }),
  };
}
