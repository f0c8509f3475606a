// Layout of one gate grid on its canvas (CSS pixels): unit numbers on the left, one column per
// character, one row per unit, the characters written under their columns. Pure, so hovering can be
// tested without a browser.

export interface GridGeometry {
  steps: number;      // columns (characters)
  units: number;      // rows shown
  axisWidth: number;  // room for unit numbers
  top: number;        // room above the first row, so its number is not cut
  cellWidth: number;
  rowHeight: number;
  labelHeight: number;
  width: number;
  height: number;
}

export const MIN_CELL_WIDTH = 8;
// Hangul, CJK and emoji are about twice as wide as Latin letters: under 13 px their labels run together.
export const MIN_WIDE_CELL_WIDTH = 13;
const MAX_CELL_WIDTH = 18;
const GRID_HEIGHT = 256;   // target height of the rows, whatever the number of units

export function gridGeometry(steps: number, units: number, availableWidth: number, wideCharacters = false): GridGeometry {
  const axisWidth = 32;
  const top = 6;
  const labelHeight = 18;
  const least = wideCharacters ? MIN_WIDE_CELL_WIDTH : MIN_CELL_WIDTH;
  const cellWidth = Math.max(least, Math.min(MAX_CELL_WIDTH, Math.floor((availableWidth - axisWidth) / Math.max(1, steps))));
  const rowHeight = Math.max(2, Math.min(12, Math.floor(GRID_HEIGHT / Math.max(1, units))));
  return {
    steps, units, axisWidth, top, cellWidth, rowHeight, labelHeight,
    width: axisWidth + steps * cellWidth,
    height: top + units * rowHeight + labelHeight,
  };
}

// The cell under a point of the canvas (CSS pixels), or null outside the grid.
export function hitTest(g: GridGeometry, x: number, y: number): { step: number; row: number } | null {
  const gx = x - g.axisWidth;
  const gy = y - g.top;
  if (gx < 0 || gy < 0) return null;
  const step = Math.floor(gx / g.cellWidth);
  const row = Math.floor(gy / g.rowHeight);
  if (step >= g.steps || row >= g.units) return null;
  return { step, row };
}

// Unit numbers worth writing on the axis: every row when rows are tall, else round numbers.
export function axisTicks(units: number, rowHeight: number, first: number): number[] {
  const every = [1, 2, 4, 8, 16, 32, 64, 128].find((k) => k * rowHeight >= 14) ?? 256;
  const ticks: number[] = [];
  for (let u = 0; u < units; u++) if ((first + u) % every === 0) ticks.push(u);
  return ticks;
}
