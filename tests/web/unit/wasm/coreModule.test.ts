// The built ES module (the very file the worker loads) trains through the Embind API, and reports
// errors as values.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCore, smallSettings } from '../../support/core';

const text = 'hello world '.repeat(50);

describe('core wasm module', () => {
  it('is built with WebAssembly SIMD', async () => {
    const m = await loadCore();
    expect(m.simdInstructionSet).toBe('wasm-simd128');
  });

  it('holds SIMD instructions: the shipped module computes with f32x4, not scalar fallbacks', () => {
    // Binaryen's disassembler (a dependency of Debian's emscripten) reads the very file the page loads.
    const wasm = fileURLToPath(new URL('../../../../web/generated/core.wasm', import.meta.url));
    const text = execFileSync('wasm-dis', [wasm], { encoding: 'utf8', maxBuffer: 256 << 20 });
    const count = (op: string) => text.split(op).length - 1;
    // The 4×8 GEMM microkernel alone multiplies and adds with 8 accumulators; the gates use f32x4 too.
    expect(count('f32x4.mul')).toBeGreaterThanOrEqual(64);
    expect(count('f32x4.add')).toBeGreaterThanOrEqual(64);
    expect(count('v128.load')).toBeGreaterThanOrEqual(64);
  });

  it('trains a few steps and the loss falls', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const created = session.create(text, smallSettings);
    if (!created.ok) throw new Error(created.error);
    expect(created.vocab).toEqual([' ', 'd', 'e', 'h', 'l', 'o', 'r', 'w']);
    expect(created.trainCharacters + created.validationCharacters).toBe(600);
    const first = session.trainSlice(1, 1e9);
    const later = session.trainSlice(60, 1e9);
    if (!first.ok || !later.ok) throw new Error('train failed');
    expect(first.losses).toHaveLength(1);
    expect(later.losses).toHaveLength(60);
    expect(later.step).toBe(61);
    expect(later.losses[59]).toBeLessThan(first.losses[0] * 0.5);
    const sample = session.sample('hello', 20, 0, 0, 1);
    expect(sample.ok && sample.text.startsWith('hello')).toBe(true);
    session.delete();
  });

  it('returns errors as values and keeps working after many of them', async () => {
    const m = await loadCore();
    const session = new m.Session();
    for (let i = 0; i < 2000; i++) {
      const r = session.create('aaaa', smallSettings);
      expect(r.ok).toBe(false);
    }
    const r = session.create('ab', { ...smallSettings, cell: 'gru' });
    expect(r).toEqual({
      ok: false, error: expect.stringContaining('the text is too short to train on'), code: 'text.tooShort',
      params: { have: '2', held: '0', batch: '8', seqLen: '16', need: '136' },
    });
    const bad = session.load(new Uint8Array([1, 2, 3]), '', smallSettings, false);
    expect(bad).toEqual({ ok: false, error: 'model file: too short to be a safetensors file (3 bytes)', code: 'file.tooShort', params: { bytes: '3' } });
    expect(session.create(text, smallSettings).ok).toBe(true);
    session.delete();
  });
});
