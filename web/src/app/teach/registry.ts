// The teaching views, each as the feed that builds, feeds and draws it: a new view is one line here
// (and its id, title and blurb in ui/teach/views.ts, where links and tabs read them).
import type { TeachViewId } from '../../ui/teach/views';
import type { TeachContext, TeachFeed } from './teachFeed';
import { activationsFeed } from './views/activations';
import { anatomyFeed } from './views/anatomy';
import { compareFeed } from './views/compare';
import { forgetBiasFeed } from './views/forgetBias';
import { gradientCheckFeed } from './views/gradientCheck';
import { gradientsFeed } from './views/gradients';
import { shapesFeed } from './views/shapes';
import { clippingFeed, dropoutFeed, equationsFeed } from './views/simpleViews';
import { softmaxFeed } from './views/softmax';

export const FEEDS: Record<TeachViewId, (ctx: TeachContext) => TeachFeed> = {
  equations: equationsFeed,
  shapes: shapesFeed,
  softmax: softmaxFeed,
  activations: activationsFeed,
  anatomy: anatomyFeed,
  gradients: gradientsFeed,
  clipping: clippingFeed,
  'forget-bias': forgetBiasFeed,
  dropout: dropoutFeed,
  compare: compareFeed,
  'gradient-check': gradientCheckFeed,
};
