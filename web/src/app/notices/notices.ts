// What the playground says when something needs a person: the words and the ways out, in one place.
import type { ModelSummary } from '../../../generated/core.mjs';
import { formatCount, formatSetting } from '../../format';
import type { Stop } from '../../protocol';
import type { Notice } from '../../ui/notices/noticeList';
import type { Overfitting } from '../model/overfitting';

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// A tenth of the learning rate, as a person would type it.
export function lowerLearningRate(lr: number): number {
  return Number(formatSetting(lr / 10));
}

export function stopNotice(stop: Stop, learningRate: number, clip: number): Notice {
  const what = stop.reason === 'nonFinite'
    ? `At step ${formatCount(stop.atStep)} the loss stopped being a finite number: training diverged.`
    : `By step ${formatCount(stop.atStep)} the loss had climbed to ${(stop.lossNats / Math.LN2).toFixed(1)} bits per character, far above a uniform guess: training diverged.`;
  const where = stop.restoredStep === null
    ? 'The weights are as they were when it stopped (this model is too large to keep a copy of earlier ones).'
    : stop.reason === 'nonFinite'
      ? `The weights are kept from step ${formatCount(stop.restoredStep)}, the last step with a finite loss.`
      : `The weights went back to step ${formatCount(stop.restoredStep)}, the last ones saved while the loss was sane.`;
  const advice = clip > 0
    ? 'A lower learning rate usually fixes this.'
    : 'A lower learning rate usually fixes this; gradient clipping (now off) helps too.';
  return {
    id: 'stop', tone: 'warning', title: 'Training stopped: the loss blew up',
    body: `${what} ${where} ${advice}`,
    actions: [
      { id: 'lower-lr', label: `Continue with learning rate ${lowerLearningRate(learningRate)}`, primary: true },
      { id: 'reset', label: 'Reset the model' },
    ],
    dismissible: true,
  };
}

// The validation curve turned up while the training curve goes on down: what that means, and three
// things to try, each one click.
export function overfittingNotice(o: Overfitting, dropout: number, hiddenSize: number): Notice {
  const bits = (x: number) => x.toFixed(2);
  const actions: Notice['actions'] = [];
  if (dropout < 0.5) actions.push({ id: 'more-dropout', label: `Add dropout (${formatSetting(nextDropout(dropout))})`, primary: true });
  if (hiddenSize > 16) actions.push({ id: 'fewer-units', label: `Fewer units (${fewerUnits(hiddenSize)})` });
  actions.push({ id: 'more-text', label: 'Use more text' });
  return {
    id: 'overfitting', tone: 'warning', title: 'The model is learning its training text by heart',
    body: `Since step ${formatCount(o.bestStep)} the loss on the held-out text has risen from ${bits(o.bestBits)} to ${bits(o.nowBits)} bits per character, ` +
      `while the loss on the training text kept falling (${bits(o.trainAtBest)} → ${bits(o.trainNow)}). ` +
      'The curves part ways because the model now memorises details of its training text that do not carry over to new text: it is overfitting. ' +
      'Dropout makes memorising harder, fewer units leave less room for it, and more text gives more to learn than to remember.',
    actions,
    dismissible: true,
  };
}

// Dropout one notch up: 0 → 0.2, then +0.1 up to 0.5.
export function nextDropout(p: number): number {
  return p < 0.2 ? 0.2 : Math.min(0.5, Math.round((p + 0.1) * 10) / 10);
}

// Half the units, at least 16.
export function fewerUnits(h: number): number {
  return Math.max(16, Math.round(h / 2));
}

export function crashNotice(message: string): Notice {
  return {
    id: 'fatal', tone: 'error', title: 'The training engine stopped',
    body: `${capitalize(message)}. Restarting it keeps your text and settings; the model starts again from fresh weights.`,
    actions: [{ id: 'restart', label: 'Restart the engine', primary: true }], dismissible: false,
  };
}

export const restartedNotice: Notice = {
  id: 'restarted', tone: 'info', title: 'The engine restarted',
  body: 'Your text and settings are as you left them; the model starts again from fresh weights.', actions: [], dismissible: true,
};

export function openedNotice(file: string, s: ModelSummary): Notice {
  return {
    id: 'loaded', tone: 'info', title: `Opened ${file}`,
    body: `${s.cell.toUpperCase()}, ${s.numLayers} × ${s.hiddenSize} units, ${formatCount(s.parameters)} parameters, ${s.vocab.length} characters. ${
      s.resumedExactly ? `Its run continues exactly where it stopped, at step ${formatCount(s.step)}.` : 'It continues training on the text here.'}`,
    actions: [], dismissible: true,
  };
}

export function openFailedNotice(file: string, message: string): Notice {
  return { id: 'loaded', tone: 'error', title: `Could not open ${file}`, body: capitalize(message), actions: [], dismissible: true };
}

// A request the worker could not carry out (`what`: which kind, so a repeated failure replaces its notice).
export function requestErrorNotice(what: string, message: string): Notice {
  return { id: `error-${what}`, tone: 'error', title: 'Something could not be done', body: capitalize(message), actions: [], dismissible: true };
}

export function presetFailedNotice(message: string): Notice {
  return { id: 'preset', tone: 'error', title: 'That text could not be loaded', body: `${capitalize(message)}. Check the connection and choose it again.`, actions: [], dismissible: true };
}
