// A long run — thousands of training steps with probes, samples, inspections, validations, gradient
// views and saves in between — leaves the wasm heap flat once every kind of call has run once.
import { expect, it } from 'vitest';
import { loadCore, smallSettings } from '../../support/core';

it('keeps the wasm heap flat over 3000 training steps with everything else in between', async () => {
  const m = await loadCore();
  const session = new m.Session();
  const text = 'the quick brown fox jumps over the lazy dog; 안녕하세요! '.repeat(80);
  const created = session.create(text, { ...smallSettings, dropout: 0.1 });
  if (!created.ok) throw new Error(created.error);
  const everything = (i: number) => {
    expect(session.trainSlice(10, 1e9).ok).toBe(true);
    expect(session.probeReset().ok && session.probeFeed('the qu').ok && session.probeProbabilities(0.8).ok).toBe(true);
    expect(session.sample('the ', 100, 0.7, 5, i).ok).toBe(true);
    expect(session.inspect(text.slice(0, 200), 5).ok).toBe(true);
    expect(session.validate(5000).ok).toBe(true);
    expect(session.gradientNorms().ok).toBe(true);
    expect(session.save(true).ok).toBe(true);
    expect(session.create('x', smallSettings).ok).toBe(false);  // failed calls leave nothing behind either
  };
  for (let i = 0; i < 20; i++) everything(i);  // warm-up: every buffer reaches its size
  const reserved = m.heapSize();
  const inUse = m.heapInUse();
  for (let i = 0; i < 280; i++) {
    everything(i);
    // Exactly the same bytes allocated after every round: not one leaked byte, not one more buffer.
    expect(m.heapInUse()).toBe(inUse);
  }
  const step = session.trainSlice(1, 1e9);
  expect(step.ok && step.step).toBe(3001);
  expect(m.heapSize()).toBe(reserved);
});
