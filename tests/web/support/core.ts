// Loads the real built wasm module in node (Vitest): emscripten 3.1.6's node loader cannot fetch files,
// so the bytes are handed over directly (TOOLCHAIN.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import createCore, { type CoreModule, type SessionSettings } from '../../../web/generated/core.mjs';

export async function loadCore(): Promise<CoreModule> {
  const wasm = readFileSync(fileURLToPath(new URL('../../../web/generated/core.wasm', import.meta.url)));
  return createCore({ wasmBinary: wasm });
}

export const smallSettings: SessionSettings = {
  task: 'lm', bidirectional: false, nonlinearity: 'tanh', cell: 'lstm', hiddenSize: 32, numLayers: 1, forgetBiasOne: false, valFrac: 0.1, seqLen: 16, batch: 8,
  optimizer: 'adam', learningRate: 1e-2, clip: 5, dropout: 0, seed: 1,
};
