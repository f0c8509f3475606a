// Loss curves of models that reached different step counts, on one shared x grid for one chart: at
// each grid step, every curve's latest value at or before it; nothing past a curve's last step.

export interface Curve {
  steps: readonly number[];          // increasing
  values: readonly (number | null)[];
}

export function alignCurves(curves: readonly Curve[], points = 300): { x: number[]; ys: (number | null)[][] } {
  let last = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const c of curves) {
    if (c.steps.length === 0) continue;
    last = Math.max(last, c.steps[c.steps.length - 1]);
    first = Math.min(first, c.steps[0]);
  }
  if (last === 0) return { x: [], ys: curves.map(() => []) };
  const n = Math.max(2, Math.min(points, last - first + 1));
  const x: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = Math.round(first + ((last - first) * k) / (n - 1));
    if (x.length === 0 || v > x[x.length - 1]) x.push(v);
  }
  const ys = curves.map((c) => {
    const out: (number | null)[] = [];
    let i = -1;
    let latest: number | null = null;
    for (const step of x) {
      while (i + 1 < c.steps.length && c.steps[i + 1] <= step) {
        i++;
        if (c.values[i] !== null) latest = c.values[i];
      }
      const ended = c.steps.length === 0 || step > c.steps[c.steps.length - 1];
      out.push(i < 0 || ended ? null : latest);
    }
    return out;
  });
  return { x, ys };
}
