// The data behind the vanishing-gradient chart: the core's per-layer norms (layers × steps, row-major)
// as one series per layer and path, plus the numbers the caption quotes. Log scales cannot show 0, so
// an exact zero (nothing flows back, e.g. before training) becomes a gap.
import { t } from '../../../i18n';

// ‖∂ℓ_T/∂h_t‖ (and ‖∂ℓ_T/∂c_t‖ for an LSTM) over the last training window, as the core reports them.
export interface GradientNorms {
  steps: number;
  layers: number;
  hidden: Float32Array;  // (layers × steps)
  cell: Float32Array;    // (layers × steps), LSTM only (else empty)
}

export interface GradientSeries {
  steps: number[];                 // t = 1..T, position in the window (T is the prediction measured)
  hidden: (number | null)[][];     // per layer: ‖∂ℓ_T/∂h_t‖
  cell: (number | null)[][];       // per layer: ‖∂ℓ_T/∂c_t‖ (LSTM), else empty
}

export function gradientSeries(g: GradientNorms): GradientSeries {
  const steps = Array.from({ length: g.steps }, (_, t) => t + 1);
  const row = (data: Float32Array, l: number) => Array.from(data.subarray(l * g.steps, (l + 1) * g.steps), positiveOrNull);
  const layers = Array.from({ length: g.layers }, (_, l) => l);
  return {
    steps,
    hidden: layers.map((l) => row(g.hidden, l)),
    cell: g.cell.length === g.layers * g.steps ? layers.map((l) => row(g.cell, l)) : [],
  };
}

function positiveOrNull(x: number): number | null {
  return x > 0 && Number.isFinite(x) ? x : null;
}

// How much of the gradient that reaches the last step is left at the window's first step, as a
// ratio (1e-6: six orders of magnitude lost), and the average decades lost per step.
export interface Decay {
  ratio: number;          // norm at t = 1 / norm at t = T
  decadesPerStep: number; // −log10(ratio) / (T − 1); > 0 vanishing, < 0 exploding
}

export function decay(norms: readonly (number | null)[]): Decay {
  const first = norms.find((x) => x !== null) ?? null;
  let last: number | null = null;
  for (let i = norms.length - 1; i >= 0 && last === null; i--) last = norms[i];
  const n = norms.length;
  if (first === null || last === null || n < 2) return { ratio: Number.NaN, decadesPerStep: Number.NaN };
  const ratio = first / last;
  return { ratio, decadesPerStep: -Math.log10(ratio) / (n - 1) };
}

// The caption's verdict on one path.
export function decayVerdict(d: Decay): string {
  if (!Number.isFinite(d.ratio)) return t('gradients.noDecay');
  const orders = Math.log10(d.ratio);
  if (orders < -2) return t('gradients.vanishing', { ratio: formatRatio(d.ratio) });
  if (orders > 2) return t('gradients.exploding', { ratio: formatRatio(d.ratio) });
  return t('gradients.kept', { ratio: formatRatio(d.ratio) });
}

export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  if (r >= 0.01 && r < 1000) return r >= 10 ? r.toFixed(0) : r.toPrecision(2);
  const exp = Math.floor(Math.log10(r));
  const mant = r / 10 ** exp;
  return `${mant.toFixed(1)}×10${superscript(exp)}`;
}

function superscript(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return (n < 0 ? '⁻' : '') + String(Math.abs(n)).split('').map((d) => digits[Number(d)]).join('');
}
