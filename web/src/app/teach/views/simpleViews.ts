// The views that only show the settings and the model as they are, or record the training progress:
// equations, gradient clipping, dropout.
import { ClippingView } from '../../../ui/teach/clipping/clippingView';
import { DropoutView } from '../../../ui/teach/dropout/dropoutView';
import { EquationsView } from '../../../ui/teach/equations/equationsView';
import { ClipHistory } from '../clipping/clipHistory';
import { GapTracker } from '../dropout/gapTracker';
import type { TeachContext, TeachFeed } from '../teachFeed';

export function equationsFeed(ctx: TeachContext): TeachFeed {
  const view = new EquationsView();
  return { root: view.root, draw: () => view.render(ctx.model().cell, ctx.model().layers, ctx.model().nonlinearity) };
}

export function clippingFeed(ctx: TeachContext): TeachFeed {
  const view = new ClippingView((raw) => ctx.changeSetting('clip', raw));
  const history = new ClipHistory();
  return {
    root: view.root,
    progress: (p) => history.add(p.gradNorms, p.step, p.clipped),
    modelChanged: () => history.clear(),
    draw: () => view.render({ history, clip: ctx.state().clip }),
  };
}

export function dropoutFeed(ctx: TeachContext): TeachFeed {
  const view = new DropoutView((raw) => ctx.changeSetting('dropout', raw));
  const gap = new GapTracker();
  return {
    root: view.root,
    progress: (p) => gap.addLosses(p.losses, p.step),
    validation: (step, bits) => gap.addValidation(step, bits, ctx.state().dropout),
    modelChanged: () => gap.clear(),
    draw: () => view.render({ dropout: ctx.state().dropout, layers: ctx.model().layers, points: gap.points }),
  };
}
