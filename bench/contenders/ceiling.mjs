// The wasm SIMD GEMM ceiling (bench/ceiling/sgemm_ceiling.cpp, em++ -O3 -msimd128): C += A·B on packed
// operands of M×K and K×N floats (128 KiB together: cache-resident), timed through repeated calls after
// a warm-up. The ceiling is the best rate over the timed slices (a noisy neighbour can only lower a
// slice), so it is the hardest bar for "achieved / ceiling"; the mean rate is reported beside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RESULT_PREFIX } from '../lib/timing.mjs';

const job = JSON.parse(process.argv[2] ?? '{}');
const warmupSeconds = job.warmupSeconds ?? 1, timedSeconds = job.timedSeconds ?? 3;
const M = 64, N = 64, K = 256;
const flopsPerProduct = 2 * M * N * K;

const modulePath = new URL('../../build/wasm/bench/sgemm_ceiling.mjs', import.meta.url);
const { default: createCeiling } = await import(modulePath);
const m = await createCeiling({ wasmBinary: readFileSync(fileURLToPath(new URL('sgemm_ceiling.wasm', modulePath))) });
if (m._ceiling_setup(M, N, K) !== 0) throw new Error('ceiling_setup rejected the sizes');
const maxRelativeError = m._ceiling_check();
if (!(maxRelativeError < 1e-4)) throw new Error(`microkernel disagrees with the reference: ${maxRelativeError}`);

// One call ≈ 20 ms of work at 50 GFLOP/s, so a call is long enough to time and short enough to repeat.
const reps = Math.max(1, Math.round((50e9 * 0.02) / flopsPerProduct));
const warmStart = performance.now();
while (performance.now() - warmStart < warmupSeconds * 1000) m._ceiling_run(reps);

const slices = [];
const timedStart = performance.now();
let sliceStart = timedStart, sliceReps = 0;
while (performance.now() - timedStart < timedSeconds * 1000) {
  m._ceiling_run(reps);
  sliceReps += reps;
  const now = performance.now();
  if (now - sliceStart >= 100) {
    slices.push((sliceReps * flopsPerProduct) / ((now - sliceStart) / 1000) / 1e9);
    sliceStart = now;
    sliceReps = 0;
  }
}
const totalSeconds = (performance.now() - timedStart) / 1000;
const meanGflops = slices.reduce((a, b) => a + b, 0) / slices.length;
process.stdout.write(RESULT_PREFIX + JSON.stringify({
  contender: 'ceiling', kernel: 'f32x4 4x8 register tile, packed A and B, no FMA', M, N, K,
  ceilingGflops: Math.max(...slices), meanGflops, slices: slices.length, timedSeconds: totalSeconds,
  maxRelativeError,
}) + '\n');
