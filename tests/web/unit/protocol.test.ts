// Protocol helpers: what is transferred, the probe's bars.
import { describe, expect, it } from 'vitest';
import { entropyBits, topBars } from '../../../web/src/app/live/liveRequests';
import { inspectionBuffers, uniqueBuffers } from '../../../web/src/protocol';
import { loadCore, smallSettings } from '../support/core';

describe('protocol helpers', () => {
  it('transfers every buffer of a real inspection exactly once', async () => {
    const m = await loadCore();
    const session = new m.Session();
    session.create('hello world '.repeat(50), smallSettings);
    const r = session.inspect('hello', 3);
    if (!r.ok) throw new Error(r.error);
    const buffers = inspectionBuffers(r);
    expect(buffers.length).toBe(2 + 6);  // top ids, top probabilities, six LSTM traces
    expect(new Set(buffers).size).toBe(buffers.length);
    const shared = new Float32Array(8);
    expect(uniqueBuffers([shared.subarray(0, 4), shared.subarray(4)])).toEqual([shared.buffer]);
    // The buffers really are transferable: structuredClone with transfer detaches them.
    structuredClone(r, { transfer: buffers });
    expect(r.topIds.length).toBe(0);
    session.delete();
  });

  it('turns a distribution into the most likely characters and its entropy', () => {
    const p = Float32Array.from([0.1, 0.6, 0.0, 0.3]);
    expect(topBars(p, ['a', 'b', 'c', 'd'], 2)).toEqual([{ char: 'b', probability: p[1] }, { char: 'd', probability: p[3] }]);
    expect(entropyBits(Float32Array.from([0.5, 0.5]))).toBeCloseTo(1, 6);
    expect(entropyBits(Float32Array.from([1, 0]))).toBe(0);
  });
});
