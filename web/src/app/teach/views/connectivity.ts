// Connectivity: how much the prediction at a picked position of the probe text depends on each
// character before it, asked of the worker when the pick or the text changes and again while training
// (at most every half second, within a small share of the worker's time).
import type { ConnectivityResult } from '../../../../generated/core.mjs';
import { coreSettings } from '../../../state/settings';
import { ConnectivityView } from '../../../ui/teach/connectivity/connectivityView';
import { cadencedRequest } from '../cadencedRequest';
import { knownHeatChars, type TeachContext, type TeachFeed } from '../teachFeed';

interface Asked {
  text: string;      // the characters sent: up to the position and the one after it
  position: number;
}

export function connectivityFeed(ctx: TeachContext): TeachFeed {
  let chosen = -1;  // the position picked by the learner; -1: the last but one (its next character is known)
  let answer: { asked: Asked; step: number; result: ConnectivityResult } | null = null;
  let error: string | null = null;
  const positionOf = (n: number) => (chosen < 0 || chosen >= n ? Math.max(0, n - 2) : chosen);
  // Only a language model reads left to right and predicts the next character (the core refuses the rest).
  const isLm = () => coreSettings(ctx.state()).task === 'lm';
  const question = (): Asked | null => {
    const chars = knownHeatChars(ctx);
    if (chars.length === 0 || !ctx.vocab() || !isLm()) return null;
    const position = positionOf(chars.length);
    return { text: chars.slice(0, position + 2).join(''), position };
  };
  const request = cadencedRequest({
    everyMs: 500,
    share: 0.04,
    question,
    send: (a: Asked) => ctx.worker.request('connectivity', a, { handleErrors: true }).catch((e: Error) => {
      error = e.message;
      ctx.changed();
      throw e;
    }),
    answered: (r, asked) => {
      answer = { asked, step: r.step, result: r.connectivity };
      error = null;
      ctx.changed();
    },
  });
  const view = new ConnectivityView({
    onPosition: (position) => {
      chosen = position;
      request.ask();
      ctx.changed();
    },
    onText: (text) => ctx.setHeatText(text),
  });
  return {
    root: view.root,
    refresh: request.ask,
    tick: request.tick,
    modelChanged: () => {
      answer = null;
      error = null;
      request.reset();
    },
    draw: () => {
      const text = ctx.state().heatText;
      view.setText(text);
      const chars = knownHeatChars(ctx);
      const q = question();
      // An answer to an older question (another position or text) is not shown on the new one.
      const fits = answer !== null && q !== null && answer.asked.text === q.text && answer.asked.position === q.position;
      const vocab = ctx.vocab() ?? [];
      const r = fits ? answer!.result : null;
      view.render({
        chars, skipped: [...text].length - chars.length, position: positionOf(chars.length), error, hasModel: vocab.length > 0, isLm: isLm(),
        result: r ? { norms: r.norms, target: vocab[r.target] ?? '?', targetIsNext: r.targetIsNext, probability: r.probability, step: answer!.step } : null,
      });
    },
  };
}
