// Types of the Embind module built from bindings.cpp beside this file (web/generated/core.mjs). Emscripten
// 3.1.6 cannot emit these, so they are written by hand beside the bindings; keep the two in step. The
// build copies this file next to the module as web/generated/core.d.mts.

export interface CoreSettings {
  cell: 'rnn' | 'lstm' | 'gru';
  hiddenSize: number;
  numLayers: number;
  forgetBiasOne: boolean;
  valFrac: number;
  seqLen: number;
  batch: number;
  optimizer: 'adam' | 'sgd' | 'rmsprop' | 'adagrad';
  learningRate: number;
  clip: number;
  dropout: number;
  seed: number;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface ModelSummary {
  characters: number;
  trainCharacters: number;
  validationCharacters: number;
  vocab: string[];
  parameters: number;
  cell: 'rnn' | 'lstm' | 'gru';
  hiddenSize: number;
  numLayers: number;
  canTrain: boolean;
  resumedExactly: boolean;  // load(): the file's training state continued on the same text, bit for bit
  step: number;
}

export interface TrainSlice {
  losses: Float32Array;     // one per step, nats per character
  gradNorms: Float32Array;  // global norm before clipping, one per step
  clipped: number;          // steps in this slice whose gradient was clipped
  diverged: boolean;        // the slice stopped at a non-finite step; weights are the last good ones
  step: number;             // steps done in total
}

export interface Validation {
  predictions: number;
  loss: number;
  bitsPerChar: number;
}

export interface InspectionResult {
  steps: number;
  hidden: number;
  topK: number;
  gateNames: string[];
  layers: Record<string, Float32Array>[];  // per layer, gate name → (steps × hidden), row-major by step
  topIds: Int32Array;                      // (steps × topK)
  topProbs: Float32Array;                  // (steps × topK)
}

// The vanishing-gradient view of the last training window (its first stream): how strongly the loss of
// the window's LAST prediction depends on each earlier step's state. Empty (steps 0) before training.
export interface GradientNormsResult {
  steps: number;
  layers: number;
  hidden: Float32Array;  // (layers × steps) ‖∂ℓ_T/∂h_t‖
  cell: Float32Array;    // (layers × steps) ‖∂ℓ_T/∂c_t‖, LSTM only (else empty)
}

export interface GradientCheckResult {
  tensors: string[];            // PyTorch parameter name of each entry
  indices: Int32Array;          // flat index inside that tensor
  analytic: Float32Array;
  numeric: Float32Array;
  relativeErrors: Float32Array; // |a - n| / max(|a|, |n|)
}

export interface Core {
  create(text: string, settings: CoreSettings): Result<ModelSummary>;
  load(bytes: Uint8Array, text: string, settings: CoreSettings, resumeOptimizer: boolean): Result<ModelSummary>;
  train(maxSteps: number, maxMillis: number): Result<TrainSlice>;
  // Learning rate, clipping (0 = off) and dropout of the running training; the model and optimizer stay.
  updateTraining(learningRate: number, clip: number, dropout: number): Result<object>;
  // Analytic vs central-difference gradient on the first window of the training text, for the entries
  // with the largest gradient in each tensor.
  gradientCheck(perTensor: number): Result<GradientCheckResult>;
  validate(maxChars: number): Result<Validation>;
  sample(prime: string, length: number, temperature: number, topK: number, seed: number): Result<{ text: string }>;
  probeReset(): Result<object>;
  probeFeed(text: string): Result<object>;
  probeProbabilities(temperature: number): Result<{ probabilities: Float32Array }>;
  inspect(text: string, topK: number): Result<InspectionResult>;
  gradientNorms(): Result<GradientNormsResult>;
  save(withOptimizer: boolean): Result<{ bytes: Uint8Array }>;
  delete(): void;
}

export interface CoreModule {
  Core: new () => Core;
  heapSize(): number;   // bytes of wasm memory reserved (it only grows): the peak
  heapInUse(): number;  // bytes currently allocated by malloc
  simdInstructionSet: string;
}

export interface CoreModuleOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  onAbort?: (what: unknown) => void;
}

declare const createCore: (options?: CoreModuleOptions) => Promise<CoreModule>;
export default createCore;
