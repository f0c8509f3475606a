// How to read a gradient check in float32. The core perturbs each weight by h = 0.01·max(1, |w|) and
// takes the central difference (L(w+h) − L(w−h)) / 2h. That differs from the true derivative by O(h²)
// curvature terms and by float rounding of the losses (~1e-7 relative, divided by 2h), so agreement to
// about 1% is what a correct float32 backprop shows; a real bug (a missing term, a wrong sign, a
// transposed matrix) is off by tens of percent or more.

export const AGREES = 1e-2;   // below: analytic and numeric agree as well as float32 allows
export const CLOSE = 5e-2;    // below: probably right; rounding or curvature at this weight
export type Verdict = 'agrees' | 'close' | 'disagrees';

export function relativeError(analytic: number, numeric: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric), 1e-12);
  return Math.abs(analytic - numeric) / scale;
}

export function verdict(relErr: number): Verdict {
  if (!Number.isFinite(relErr)) return 'disagrees';
  return relErr < AGREES ? 'agrees' : relErr < CLOSE ? 'close' : 'disagrees';
}

export interface CheckRow {
  tensor: string;
  index: number;
  analytic: number;
  numeric: number;
  relativeError: number;
  verdict: Verdict;
}

export interface CheckSummary {
  rows: CheckRow[];
  worst: number;
  counts: Record<Verdict, number>;
  passed: boolean;   // nothing disagrees
}

// The table from the core's arrays; relative errors are recomputed here from analytic and numeric, so
// the colours follow the numbers shown.
export function summarize(c: { tensors: readonly string[]; indices: ArrayLike<number>; analytic: ArrayLike<number>; numeric: ArrayLike<number> }): CheckSummary {
  const rows: CheckRow[] = c.tensors.map((tensor, i) => {
    const e = relativeError(c.analytic[i], c.numeric[i]);
    return { tensor, index: c.indices[i], analytic: c.analytic[i], numeric: c.numeric[i], relativeError: e, verdict: verdict(e) };
  });
  const counts = { agrees: 0, close: 0, disagrees: 0 };
  let worst = 0;
  for (const r of rows) {
    counts[r.verdict]++;
    worst = Math.max(worst, Number.isFinite(r.relativeError) ? r.relativeError : Infinity);
  }
  return { rows, worst, counts, passed: rows.length > 0 && counts.disagrees === 0 };
}
