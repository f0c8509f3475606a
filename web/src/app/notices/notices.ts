// What the playground says when something needs a person: the words and the ways out, in one place.
// Notices keep messages (Said), not strings, so a notice on screen follows a change of language.
import type { ModelSummary } from '../../../generated/core.mjs';
import { displayChar, formatSetting } from '../../format';
import { engineSaid, said, type Said } from '../../i18n';
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
    ? said('stop.nonFinite', { step: stop.atStep })
    : said('stop.blowUp', { step: stop.atStep, bits: (stop.lossNats / Math.LN2).toFixed(1) });
  const where = stop.restoredStep === null
    ? said('stop.keptAsIs')
    : stop.reason === 'nonFinite'
      ? said('stop.keptFinite', { step: stop.restoredStep })
      : said('stop.wentBack', { step: stop.restoredStep });
  return {
    id: 'stop', tone: 'warning', title: said('stop.title'),
    body: [what, where, said(clip > 0 ? 'stop.advice' : 'stop.adviceClip')],
    actions: [
      { id: 'lower-lr', label: said('stop.lowerLr', { lr: String(lowerLearningRate(learningRate)) }), primary: true },
      { id: 'reset', label: said('stop.reset') },
    ],
    dismissible: true,
  };
}

// The validation curve turned up while the training curve goes on down: what that means, and three
// things to try, each one click.
export function overfittingNotice(o: Overfitting, dropout: number, hiddenSize: number): Notice {
  const bits = (x: number) => x.toFixed(2);
  const actions: Notice['actions'] = [];
  if (dropout < 0.5) actions.push({ id: 'more-dropout', label: said('overfit.moreDropout', { p: formatSetting(nextDropout(dropout)) }), primary: true });
  if (hiddenSize > 16) actions.push({ id: 'fewer-units', label: said('overfit.fewerUnits', { units: fewerUnits(hiddenSize) }) });
  actions.push({ id: 'more-text', label: said('overfit.moreText') });
  return {
    id: 'overfitting', tone: 'warning', title: said('overfit.title'),
    body: [
      said('overfit.body', { step: o.bestStep, best: bits(o.bestBits), now: bits(o.nowBits), trainBest: bits(o.trainAtBest), trainNow: bits(o.trainNow) }),
      said('overfit.why'),
    ],
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

// `message`: the engine's or the browser's own words (English) for what stopped it.
export function crashNotice(message: string): Notice {
  return {
    id: 'fatal', tone: 'error', title: said('crash.title'),
    body: [engineSaid(`${message}.`), said('crash.body')],
    actions: [{ id: 'restart', label: said('crash.restart'), primary: true }], dismissible: false,
  };
}

// A worker sharing the training stopped (`message`: why, in the engine's words); `workers` go on.
export function workerLostNotice(message: string, workers: number): Notice {
  return {
    id: 'worker-lost', tone: 'warning', title: said('workerLost.title'),
    body: [engineSaid(`${message}.`), workers === 1 ? said('workerLost.bodyOne') : said('workerLost.bodyMany', { count: workers })],
    actions: [], dismissible: true,
  };
}

export const restartedNotice: Notice = {
  id: 'restarted', tone: 'info', title: said('crash.restartedTitle'), body: [said('crash.restartedBody')], actions: [], dismissible: true,
};

export function openedNotice(file: string, s: ModelSummary): Notice {
  return {
    id: 'loaded', tone: 'info', title: said('opened.title', { file }),
    body: [
      said('opened.body', { cell: s.cell.toUpperCase(), layers: s.numLayers, hidden: s.hiddenSize, parameters: s.parameters, characters: s.vocab.length }),
      s.resumedExactly ? said('opened.resumed', { step: s.step }) : said('opened.continues'),
      // The text here may hold characters the file's model never saw: named, as the core reads them.
      ...(s.unknown.count > 0 ? [said('opened.unknown', { count: s.unknown.count, chars: s.unknown.characters.map(displayChar).join(' ') })] : []),
    ],
    actions: [], dismissible: true,
  };
}

export function openFailedNotice(file: string, why: Said): Notice {
  return { id: 'loaded', tone: 'error', title: said('opened.failedTitle', { file }), body: [why], actions: [], dismissible: true };
}

// A request the worker could not carry out (`what`: which kind, so a repeated failure replaces its notice).
export function requestErrorNotice(what: string, why: Said): Notice {
  return { id: `error-${what}`, tone: 'error', title: said('request.failedTitle'), body: [why], actions: [], dismissible: true };
}

export function presetFailedNotice(message: string): Notice {
  return { id: 'preset', tone: 'error', title: said('preset.failedTitle'), body: [engineSaid(`${message}.`), said('preset.failedBody')], actions: [], dismissible: true };
}
