// uPlot writes each series' name into its legend once, when a chart is made; after a change of
// language the names are written again in place (the chart, its data and its cursor stay).
import type uPlot from 'uplot';

export function relabelSeries(plot: uPlot, labels: readonly string[]): void {
  const cells = plot.root.querySelectorAll('.u-legend .u-series .u-label');
  // A legend that does not follow the cursor has no row for the x series: its rows start at series 1.
  const offset = plot.series.length - cells.length;
  labels.forEach((label, i) => {
    if (i >= plot.series.length) return;
    plot.series[i].label = label;
    const cell = cells[i - offset];
    if (cell && cell.textContent !== label) cell.textContent = label;
  });
}
