// Colour scales, gate ranges and the grid layout the heatmaps paint and hover with.
import { describe, expect, it } from 'vitest';
import { gateInfo, gateScale } from '../../../../../web/src/ui/heatmap/gates';
import { axisTicks, gridGeometry, hitTest, MIN_CELL_WIDTH } from '../../../../../web/src/ui/heatmap/geometry';
import { liveliestUnits } from '../../../../../web/src/ui/heatmap/neuronView';
import { cssColor, diverging, inkOn, makePalette, paletteIndex, rgbAt, sequential } from '../../../../../web/src/ui/heatmap/palette';

describe('palettes', () => {
  it('interpolates between stops, end to end', () => {
    const p = makePalette([[0, [0, 0, 0]], [1, [255, 100, 50]]], 3);
    expect(rgbAt(p, 0)).toEqual([0, 0, 0]);
    expect(rgbAt(p, 1)).toEqual([128, 50, 25]);
    expect(rgbAt(p, 2)).toEqual([255, 100, 50]);
    expect(p.lut[3]).toBe(255);
  });

  it('is white at zero on the diverging scale, blue below, red above', () => {
    expect(cssColor(diverging, 0, -1, 1)).toBe('rgb(247, 247, 247)');
    const [r1, , b1] = rgbAt(diverging, paletteIndex(diverging, -0.8, -1, 1));
    expect(b1).toBeGreaterThan(r1);
    const [r2, , b2] = rgbAt(diverging, paletteIndex(diverging, 0.8, -1, 1));
    expect(r2).toBeGreaterThan(b2);
  });

  it('clamps out-of-range values and draws NaN neutral', () => {
    expect(paletteIndex(sequential, -5, 0, 1)).toBe(0);
    expect(paletteIndex(sequential, 5, 0, 1)).toBe(256);
    expect(paletteIndex(sequential, 0.5, 0, 1)).toBe(128);
    expect(paletteIndex(diverging, Number.NaN, -1, 1)).toBe(128);
    expect(paletteIndex(diverging, Number.POSITIVE_INFINITY, -1, 1)).toBe(256);
  });

  it('picks readable ink', () => {
    expect(inkOn([255, 255, 255])).toBe('#10131a');
    expect(inkOn([8, 48, 107])).toBe('#ffffff');
    expect(inkOn(rgbAt(sequential, 0))).toBe('#10131a');
    expect(inkOn(rgbAt(sequential, 256))).toBe('#ffffff');
  });
});

describe('gates', () => {
  it('knows every traced quantity of each cell and its range', () => {
    for (const g of ['i', 'f', 'o']) expect(gateInfo('lstm', g).range).toBe('unit');
    expect(gateInfo('lstm', 'g').range).toBe('signed');
    expect(gateInfo('lstm', 'c').range).toBe('free');
    for (const g of ['r', 'z']) expect(gateInfo('gru', g).range).toBe('unit');
    expect(gateInfo('gru', 'n').title).toBe('candidate');
    expect(gateInfo('rnn', 'h').title).toBe('hidden state');
  });

  it('scales the unbounded cell state to its largest magnitude', () => {
    const s = gateScale(gateInfo('lstm', 'c'), Float32Array.from([0.5, -3, 2, Number.NaN]));
    expect([s.lo, s.hi]).toEqual([-3, 3]);
    expect(gateScale(gateInfo('lstm', 'f'), [])).toMatchObject({ lo: 0, hi: 1 });
    expect(gateScale(gateInfo('lstm', 'c'), [0, 0])).toMatchObject({ lo: -1e-3, hi: 1e-3 });
  });
});

describe('grid geometry', () => {
  it('fits the columns to the width within limits', () => {
    const g = gridGeometry(64, 128, 600);
    expect(g.cellWidth).toBe(Math.floor((600 - g.axisWidth) / 64));
    expect(g.rowHeight).toBe(2);
    expect(gridGeometry(200, 8, 300).cellWidth).toBe(MIN_CELL_WIDTH);  // scrolls rather than squeezes
    expect(gridGeometry(4, 8, 2000).cellWidth).toBe(18);
  });

  it('finds the cell under the pointer, and nothing outside the grid', () => {
    const g = gridGeometry(10, 20, 32 + 100);
    expect(hitTest(g, g.axisWidth + 0.5, g.top + 0.5)).toEqual({ step: 0, row: 0 });
    expect(hitTest(g, g.axisWidth + 3 * g.cellWidth + 1, g.top + 5 * g.rowHeight + 1)).toEqual({ step: 3, row: 5 });
    expect(hitTest(g, g.axisWidth - 1, g.top + 1)).toBeNull();  // on the unit numbers
    expect(hitTest(g, g.axisWidth + 1, g.top + 20 * g.rowHeight + 1)).toBeNull();  // on the character labels
    expect(hitTest(g, g.width + 1, g.top + 1)).toBeNull();
  });

  it('labels units at readable spacing', () => {
    expect(axisTicks(8, 12, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].filter((u) => u % 2 === 0));
    expect(axisTicks(128, 2, 0)).toEqual([0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120]);
    expect(axisTicks(4, 2, 126)).toEqual([2]);  // unit 128 on a later page
  });
});

describe('neuron suggestions', () => {
  it('ranks units by how much they change along the text', () => {
    // 3 steps × 3 units: unit 1 swings most, unit 2 a little, unit 0 not at all.
    const v = Float32Array.from([0.5, -1, 0.1, 0.5, 1, 0.2, 0.5, -1, 0.1]);
    expect(liveliestUnits(v, 3, 3, 2)).toEqual([1, 2]);
  });
});
