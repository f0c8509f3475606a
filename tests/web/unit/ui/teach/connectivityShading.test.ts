// The connectivity view's shading: a log scale relative to the largest value, readable ink on every
// shade, and the two numbers its caption states (the strongest earlier character, the reach).
import { describe, expect, it } from 'vitest';
import {
  contrast, DECADES, legendTicks, reach, shadeColours, shadeRgb, shades, strongestEarlier,
} from '../../../../../web/src/ui/teach/connectivity/shading';

describe('connectivity shading', () => {
  it('maps each power of ten below the largest value to an equal step down', () => {
    const s = shades(new Float32Array([1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1]));
    expect(s[5]).toBe(1);
    for (let k = 1; k <= 4; k++) expect(s[5 - k]).toBeCloseTo(1 - k / DECADES, 6);
    expect(s[0]).toBe(0);  // more than DECADES below: clamped to the faintest
  });

  it('is relative: scaling every value leaves the shades alone', () => {
    const a = shades([0.2, 0.02, 0.5]);
    const b = shades([2e-6, 2e-7, 5e-6]);
    for (let i = 0; i < 3; i++) expect(b[i]).toBeCloseTo(a[i], 6);
  });

  it('gives zero, negative and non-finite values (and an all-zero answer) the faintest shade', () => {
    expect(shades([0, -1, Number.NaN, Infinity, 1])).toEqual([0, 0, 0, 0, 1]);
    expect(shades([0, 0])).toEqual([0, 0]);
    expect(shades([])).toEqual([]);
  });

  it('reads well on every shade: black or white ink at 4.5:1 or more', () => {
    for (let i = 0; i <= 100; i++) {
      const s = i / 100;
      const { ink } = shadeColours(s);
      const inkRgb = ink === '#ffffff' ? [255, 255, 255] : [0, 0, 0];
      expect(contrast(shadeRgb(s), inkRgb), `shade ${s}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(shadeColours(0).background).not.toBe(shadeColours(1).background);
  });

  it('names the strongest earlier character and how far back 1% of the largest still reaches', () => {
    // position 5: the character itself is largest; 4 back is 5%, 2 back 0.5%
    const norms = [0.001, 0.05, 0.002, 0.005, 0.3, 1];
    expect(strongestEarlier(norms)).toBe(4);
    expect(reach(norms)).toBe(4);   // s = 1 (0.05 ≥ 1%) is 4 back
    expect(reach(norms, 0.5)).toBe(0);
    expect(strongestEarlier([1])).toBe(-1);
    expect(reach([1])).toBe(0);
  });

  it('labels the legend from the faintest power of ten to 1', () => {
    expect(legendTicks()).toEqual(['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '1']);
  });
});
