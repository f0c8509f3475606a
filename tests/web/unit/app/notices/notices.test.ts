// The words a learner reads when training stops by itself, or the engine does.
import { describe, expect, it } from 'vitest';
import { crashNotice, lowerLearningRate, stopNotice } from '../../../../../web/src/app/notices/notices';
import { sayAll, sayNow } from '../../../../../web/src/i18n';
import { statusLine } from '../../../../../web/src/app/playground/status';

describe('notices', () => {
  it('explains a blow-up, where the weights went back to, and offers a tenth of the learning rate', () => {
    const n = stopNotice({ reason: 'blowUp', atStep: 1234, lossNats: 20 * Math.LN2, restoredStep: 1000 }, 0.03, 5);
    expect(sayAll(n.body)).toBe('By step 1,234 the loss had climbed to 20.0 bits per character, far above a uniform guess: training diverged. '
      + 'The weights went back to step 1,000, the last ones saved while the loss was sane. A lower learning rate usually fixes this.');
    expect(n.actions[0].id).toBe('lower-lr');
    expect(sayNow(n.actions[0].label)).toBe('Continue with learning rate 0.003');
    expect(n.actions[0].primary).toBe(true);
  });

  it('says when the loss was not finite, and suggests clipping when it is off', () => {
    const n = stopNotice({ reason: 'nonFinite', atStep: 7, lossNats: Number.NaN, restoredStep: 7 }, 1, 0);
    expect(sayAll(n.body)).toContain('At step 7 the loss stopped being a finite number');
    expect(sayAll(n.body)).toContain('kept from step 7, the last step with a finite loss');
    expect(sayAll(n.body)).toContain('gradient clipping (now off) helps too');
    expect(stopNotice({ reason: 'blowUp', atStep: 9, lossNats: 50, restoredStep: null }, 1, 5).body.map(sayNow).join(' ')).toContain('too large to keep a copy');
  });

  it('rounds a tenth of the learning rate as a person would type it', () => {
    expect(lowerLearningRate(0.003)).toBe(0.0003);
    expect(lowerLearningRate(0.1 + 0.2)).toBe(0.03);
    expect(lowerLearningRate(1)).toBe(0.1);
  });

  it('offers a restart when the engine stops, and cannot be dismissed', () => {
    const n = crashNotice('the WebAssembly module stopped: abort');
    expect(sayNow(n.title)).toBe('The training engine stopped');
    expect(sayAll(n.body).startsWith('The WebAssembly module stopped: abort. Restarting it keeps your text and settings')).toBe(true);
    expect(n.dismissible).toBe(false);
  });
});

describe('status line', () => {
  const summary = { cell: 'lstm', numLayers: 2, hiddenSize: 128, trainCharacters: 5919 } as Parameters<typeof statusLine>[1];
  it('says what is happening', () => {
    expect(statusLine('ready', summary, 0, false)).toBe('LSTM 2 × 128 ready: press Train');
    expect(statusLine('ready', summary, 1500, false)).toBe('Paused at step 1,500');
    expect(statusLine('training', summary, 9, false)).toBe('Training LSTM 2 × 128 on 5,919 characters');
    expect(statusLine('blocked', null, 0, false)).toBe('Can’t train yet: see the text panel.');
    expect(statusLine('ready', summary, 0, true)).toBe('Building the model…');
  });
});
