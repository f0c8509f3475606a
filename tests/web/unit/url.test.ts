// The state in the link: only what differs from the defaults, and nothing a bad link can break.
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../web/src/app/settings';
import { stateFromHash, stateToHash } from '../../../web/src/app/url';

const presets = ['story', 'code', 'custom'];

describe('state in the URL', () => {
  it('writes nothing for the defaults', () => {
    expect(stateToHash(defaultState())).toBe('');
    expect(stateFromHash('', presets)).toEqual(defaultState());
  });

  it('round-trips the settings, seed included', () => {
    const s = { ...defaultState(), preset: 'code', cell: 'gru' as const, hiddenSize: 64, learningRate: 0.0005, forgetBiasOne: false, seed: 42, temperature: 1.2, unit: 17, gate: 'z' };
    const hash = stateToHash(s);
    expect(hash).toBe('#preset=code&cell=gru&hidden=64&fbias=0&seed=42&lr=0.0005&temp=1.2&unit=17&gate=z');
    expect(stateFromHash(hash, presets)).toEqual(s);
  });

  it('keeps defaults for values a link gets wrong', () => {
    const s = stateFromHash('#cell=cnn&hidden=99999&lr=-1&preset=nope&gate=<b>&layers=2', presets);
    const d = defaultState();
    expect(s.cell).toBe(d.cell);
    expect(s.hiddenSize).toBe(d.hiddenSize);
    expect(s.learningRate).toBe(d.learningRate);
    expect(s.preset).toBe(d.preset);
    expect(s.gate).toBe(d.gate);
    expect(s.numLayers).toBe(2);
  });

  it('never puts the free texts in the link', () => {
    const hash = stateToHash({ ...defaultState(), prime: 'secret', probeText: 'private', heatText: 'words' });
    expect(hash).toBe('');
  });
});
