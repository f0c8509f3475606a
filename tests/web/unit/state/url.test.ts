// The state in the link: only what differs from the defaults, and nothing a bad link can break.
import { describe, expect, it } from 'vitest';
import { defaultState, type PlaygroundState } from '../../../../web/src/state/settings';
import { decodeLinkText, encodeLinkText, LINK_TEXT_MAX, stateFromHash, stateToHash } from '../../../../web/src/state/url';

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

  it('reads a task and its direction from a lesson link (task=spacing&bidir=1)', () => {
    const s = stateFromHash('#task=spacing&bidir=1&cell=gru', presets);
    expect([s.task, s.bidirectional, s.cell]).toEqual(['spacing', true, 'gru']);
    expect(stateToHash(s)).toBe('#task=spacing&bidir=1&cell=gru');
    expect(stateFromHash('#task=translate', presets).task).toBe('lm');
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

  it('round-trips every field of the state, each one alone and all together', () => {
    const changed: Partial<PlaygroundState> = {
      preset: 'code', task: 'spacing', bidirectional: true, cell: 'rnn', nonlinearity: 'relu', hiddenSize: 7, numLayers: 3, forgetBiasOne: false, seed: 123456, valFrac: 0.25,
      seqLen: 33, batch: 5, optimizer: 'rmsprop', learningRate: 0.0123, clip: 0.5, dropout: 0.3, workers: '3', temperature: 1.35,
      sampleLength: 770, layer: 2, unit: 99, gate: 'f', prime: 'Once', probeText: 'the cat <b>', heatText: '한국어 text', view: 'gradients', lang: 'ko', distance: 120,
    };
    // Every key of the state is covered above, so a new field without a URL name fails here.
    expect(Object.keys(changed).sort()).toEqual(Object.keys(defaultState()).sort());
    for (const [key, value] of Object.entries(changed)) {
      const s = { ...defaultState(), [key]: value };
      expect(stateFromHash(stateToHash(s), presets), key).toEqual(s);
    }
    const all = { ...defaultState(), ...changed };
    expect(stateFromHash(stateToHash(all), presets)).toEqual(all);
  });

  it('reads a memory task and its distance (preset=copy&distance=40), and refuses a distance out of 5…200', () => {
    const ids = [...presets, 'copy'];
    expect(stateFromHash('#preset=copy&distance=40', ids)).toMatchObject({ preset: 'copy', distance: 40 });
    expect(stateToHash({ ...defaultState(), preset: 'copy', distance: 60 })).toBe('#preset=copy&distance=60');
    for (const bad of ['4', '201', '12.5', 'far']) expect(stateFromHash(`#preset=copy&distance=${bad}`, ids).distance, bad).toBe(defaultState().distance);
  });

  it('names the RNN’s activation as nonlinearity=relu, as PyTorch and the CLI do', () => {
    expect(stateToHash({ ...defaultState(), cell: 'rnn', nonlinearity: 'relu' })).toBe('#cell=rnn&nonlinearity=relu');
    expect(stateFromHash('#cell=rnn&nonlinearity=relu', presets)).toMatchObject({ cell: 'rnn', nonlinearity: 'relu' });
    expect(stateFromHash('#nonlinearity=gelu', presets).nonlinearity).toBe('tanh');
  });

  it('leaves out free texts equal to what the text starts with, and overlong ones', () => {
    expect(stateToHash({ ...defaultState(), probeText: 'The fox', heatText: 'jumps' }, { probeText: 'The fox', heatText: 'jumps' })).toBe('');
    expect(stateToHash({ ...defaultState(), probeText: 'x'.repeat(501) })).toBe('');
    expect(stateFromHash(`#probe=${'x'.repeat(501)}`, presets).probeText).toBe('');
  });
});

describe('a short text in the link', () => {
  it('round-trips any Unicode text through deflate and base64url', async () => {
    const text = 'Hello <script>alert(1)</script> 안녕하세요 — “quotes” 🎉\n'.repeat(20);
    const encoded = await encodeLinkText(text);
    expect(encoded).not.toBeNull();
    expect(encoded!).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded!.length).toBeLessThan(LINK_TEXT_MAX);
    expect(await decodeLinkText(`#preset=custom&text=${encoded}`)).toBe(text);
  });

  it('says a long text does not fit', async () => {
    let random = 1;
    const noise = Array.from({ length: 6000 }, () => String.fromCharCode(33 + ((random = (random * 48271) % 2147483647) % 90))).join('');
    expect(await encodeLinkText(noise)).toBeNull();
  });

  it('gives null for damaged or missing text', async () => {
    expect(await decodeLinkText('#cell=gru')).toBeNull();
    expect(await decodeLinkText('#text=!!!')).toBeNull();
    expect(await decodeLinkText('#text=AAAA')).toBeNull();
    expect(await decodeLinkText(`#text=${'A'.repeat(LINK_TEXT_MAX + 1)}`)).toBeNull();
  });

  it('refuses a link that inflates past the limit (a deflate bomb)', async () => {
    // Built by hand: the page itself never encodes a text longer than a link may bring back.
    expect(await encodeLinkText('a'.repeat(1_000_000))).toBeNull();
    const packed = new Response(new Blob(['a'.repeat(1_000_000)]).stream().pipeThrough(new CompressionStream('deflate-raw')));
    const bomb = Buffer.from(await packed.arrayBuffer()).toString('base64url');
    expect(bomb.length).toBeLessThan(LINK_TEXT_MAX);
    expect(await decodeLinkText(`#text=${bomb}`)).toBeNull();
  });
});
