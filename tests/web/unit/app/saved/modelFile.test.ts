// Reading a model file's settings, on files the real core writes.
import { describe, expect, it } from 'vitest';
import { modelFileMetadata, resumedSettings } from '../../../../../web/src/app/saved/modelFile';
import { coreSettings, defaultState } from '../../../../../web/src/state/settings';
import { loadCore } from '../../../support/core';

describe('model file metadata', () => {
  it('reads the training settings the core saved, and they resume the same run', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const text = 'the quick brown fox jumps over the lazy dog. '.repeat(40);
    const settings = { ...coreSettings(defaultState()), hiddenSize: 16, seqLen: 12, batch: 5, clip: 2.5, dropout: 0.1, seed: 77, valFrac: 0.2, optimizer: 'rmsprop' as const, learningRate: 0.002 };
    expect(session.create(text, settings).ok).toBe(true);
    expect(session.trainSlice(3, 1e9).ok).toBe(true);
    const saved = session.save(true);
    if (!saved.ok) throw new Error(saved.error);
    const bytes = saved.bytes.slice().buffer;
    const meta = modelFileMetadata(bytes)!;
    expect(meta.format).toBe('charrnn');
    expect(resumedSettings(meta)).toEqual({
      seqLen: '12', batch: '5', clip: '2.5', dropout: '0.1', seed: '77', valFrac: '0.2', optimizer: 'rmsprop', learningRate: '0.002',
    });
    const other = new m.Session();
    const loaded = other.load(new Uint8Array(bytes), text, coreSettings(defaultState()), true);
    expect(loaded.ok && loaded.resumedExactly && loaded.step).toBe(3);
    session.delete();
    other.delete();
  });

  it('returns null for what is not a safetensors file', () => {
    expect(modelFileMetadata(new ArrayBuffer(4))).toBeNull();
    expect(modelFileMetadata(new Uint8Array([200, 0, 0, 0, 0, 0, 0, 0, 123]).buffer)).toBeNull();
    const junk = new Uint8Array(16);
    new DataView(junk.buffer).setBigUint64(0, 8n, true);
    junk.set(new TextEncoder().encode('not json'), 8);
    expect(modelFileMetadata(junk.buffer)).toBeNull();
  });
});
