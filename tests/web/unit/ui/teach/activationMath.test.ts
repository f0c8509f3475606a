// Activation functions and saturation: the slopes are the functions' derivatives (checked by finite
// differences), the saturated share counts slopes below 0.1 (sigmoid beyond |x| ≈ 2.06, tanh beyond
// |x| ≈ 1.82, ReLU at x ≤ 0), and the histogram keeps every value.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, FUNCTIONS, gateFunctions, histogram, inputsByFunction, saturated, saturationShare, spreadSample } from '../../../../../web/src/ui/teach/activations/activationMath';

describe('activation functions', () => {
  it('each slope is its function’s derivative (central differences away from the kinks)', () => {
    for (const id of ACTIVATIONS) {
      for (const x of [-4.3, -1.7, -0.6, 0.35, 1.2, 2.9, 5.1]) {
        const { f, df } = FUNCTIONS[id];
        const e = 1e-4;
        expect(df(x), `${id}′(${x})`).toBeCloseTo((f(x + e) - f(x - e)) / (2 * e), 5);
      }
    }
  });

  it('saturation: slope below 0.1, at the thresholds the course quotes', () => {
    // σ′(x) = 0.1 at |x| = ln((1+√0.6)/(1−√0.6)) ≈ 2.063; tanh′(x) = 0.1 at |x| = atanh(√0.9) ≈ 1.818.
    expect(saturated('sigmoid', 2.05)).toBe(false);
    expect(saturated('sigmoid', 2.08)).toBe(true);
    expect(saturated('sigmoid', -2.08)).toBe(true);
    expect(saturated('tanh', 1.81)).toBe(false);
    expect(saturated('tanh', -1.83)).toBe(true);
    expect(saturated('relu', 0)).toBe(true);  // relu′(0) = 0, as PyTorch takes it
    expect(saturated('relu', 1e-6)).toBe(false);
    expect(saturated('step', 0.5)).toBe(true);
  });

  it('the saturated share of a set of pre-activations', () => {
    const xs = new Float32Array([-5, -2.5, -1, 0, 0.5, 1.9, 2.2, 7]);
    expect(saturationShare('sigmoid', xs)).toBe(4 / 8);  // −5, −2.5, 2.2, 7
    expect(saturationShare('tanh', xs)).toBe(5 / 8);     // −5, −2.5, 1.9, 2.2, 7
    expect(saturationShare('relu', xs)).toBe(4 / 8);     // −5, −2.5, −1, 0
    expect(saturationShare('tanh', [])).toBe(0);
  });

  it('the histogram counts every value, those beyond the range in the end bins', () => {
    const counts = histogram([-100, -6, -0.1, 0, 0.1, 5.99, 6, 100], -6, 6, 4);
    expect(counts).toEqual([2, 1, 2, 3]);
    expect(counts.reduce((a, b) => a + b)).toBe(8);
  });

  it('spreads a sample evenly over many values, and keeps a few as they are', () => {
    expect(spreadSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(spreadSample(Array.from({ length: 100 }, (_, i) => i), 4)).toEqual([0, 25, 50, 75]);
  });
});

describe('the model’s pre-activations by function', () => {
  it('sorts each gate to the function PyTorch applies to it', () => {
    expect(gateFunctions('lstm', 'tanh')).toEqual({ i: 'sigmoid', f: 'sigmoid', g: 'tanh', o: 'sigmoid' });
    expect(gateFunctions('gru', 'relu')).toEqual({ r: 'sigmoid', z: 'sigmoid', n: 'tanh' });  // the setting is the RNN's only
    expect(gateFunctions('rnn', 'relu')).toEqual({ h: 'relu' });
    expect(gateFunctions('rnn', 'tanh')).toEqual({ h: 'tanh' });
  });

  it('pools every layer and direction, naming the gates', () => {
    const traces = [
      { i: new Float32Array([1, 2]), f: new Float32Array([3]), g: new Float32Array([4, 5]), o: new Float32Array([6]) },
      { i: new Float32Array([7]), f: new Float32Array([8]), g: new Float32Array([9]), o: new Float32Array([10]) },
    ];
    const by = inputsByFunction('lstm', 'tanh', traces);
    expect(Array.from(by.sigmoid.values)).toEqual([1, 2, 7, 3, 8, 6, 10]);
    expect(by.sigmoid.gates).toEqual(['i', 'f', 'o']);
    expect(Array.from(by.tanh.values)).toEqual([4, 5, 9]);
    expect(by.relu.values).toHaveLength(0);
    expect(by.step.gates).toEqual([]);
  });
});
