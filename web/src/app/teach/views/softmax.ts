// One-hot & softmax: the next-character distribution at a chosen step of the gate views' text, asked
// of the worker while the view is open.
import { SoftmaxView } from '../../../ui/teach/softmax/softmaxView';
import { cadencedRequest } from '../cadencedRequest';
import { heatChars, type TeachContext, type TeachFeed } from '../teachFeed';

export function softmaxFeed(ctx: TeachContext): TeachFeed {
  let chosen = -1;  // the step picked by the learner; -1: the last but one
  let probe: { text: string; probabilities: Float32Array } | null = null;
  const stepOf = (n: number) => (chosen < 0 || chosen >= n ? Math.max(0, n - 2) : chosen);
  const isLm = () => ctx.model().task === 'lm';  // only a language model gives a next character (the core refuses the rest)
  const request = cadencedRequest({
    everyMs: 600,
    share: 0.02,
    question: () => {
      const chars = heatChars(ctx);
      return isLm() && chars.length > 0 ? chars.slice(0, stepOf(chars.length) + 1).join('') : null;
    },
    send: (text: string) => ctx.worker.request('probe', { text, temperature: 1 }, { handleErrors: true }),
    answered: (r, text) => {
      probe = { text, probabilities: r.probabilities };
      ctx.changed();
    },
  });
  const view = new SoftmaxView({
    onStep: (step) => {
      chosen = step;
      probe = null;
      request.ask();
      ctx.changed();
    },
    onTemperature: (raw) => ctx.changeSetting('temperature', raw),
  });
  return {
    root: view.root,
    refresh: request.ask,
    tick: request.tick,
    modelChanged: () => {
      probe = null;
      request.reset();
    },
    draw: () => {
      const chars = heatChars(ctx);
      const step = stepOf(chars.length);
      const fits = probe !== null && probe.text === chars.slice(0, step + 1).join('');
      view.render({ chars, step, vocab: ctx.vocab() ?? [], probabilities: fits ? probe!.probabilities : null, temperature: ctx.state().temperature, isLm: isLm() });
    },
  };
}
