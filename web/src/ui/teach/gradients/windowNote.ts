// The sequence-length explanation beside the gradient chart: what truncated BPTT over T steps lets the
// model learn, in words that follow the learner's current settings.
import { t as say } from '../../../i18n';

export interface WindowNote {
  headline: string;
  can: string;
  cannot: string;
}

export function windowNote(seqLen: number, cell: string): WindowNote {
  const t = seqLen;
  const memory = cell === 'rnn' ? say('gradients.memoryRnn') : say('gradients.memoryGated', { cell: cell.toUpperCase() });
  return {
    headline: say('gradients.headline', { t }),
    can: say('gradients.can', { back: t - 1, t, memory }),
    cannot: say('gradients.cannot', { t, later: t + 20 }),
  };
}
