// Types of the Embind module built from bindings.cpp beside this file (web/generated/core.mjs). Emscripten
// 3.1.6 cannot emit these, so they are written by hand beside the bindings; keep the two in step. The
// build copies this file next to the module as web/generated/core.d.mts.

export interface SessionSettings {
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
  seed: number;  // a whole number from 0 to 2^53 - 1 (the core checks)
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

// Why training stopped by itself: the run diverged, and went back to the core's last snapshot of it
// (weights, optimizer state and place in the text, taken while the loss was sane). `nonFinite`: a step's
// loss or gradient was NaN or infinite. `blowUp`: the smoothed loss rose far above a uniform guess
// (2 ln V + 1 nats). restoredStep: the step whose weights are in place now; without a snapshot (models
// above ~4M parameters are not copied) a nonFinite stop keeps the last finite weights (restoredStep =
// atStep) and a blowUp leaves them as they are (null).
export interface Stop {
  reason: 'nonFinite' | 'blowUp';
  atStep: number;
  lossNats: number;  // the smoothed loss that tripped the guard (NaN for nonFinite)
  restoredStep: number | null;
}

export interface TrainSlice {
  losses: Float32Array;     // one per step done, nats per character
  gradNorms: Float32Array;  // global norm before clipping, one per step
  clipped: number;          // steps in this slice whose gradient was clipped
  step: number;             // steps done in total, after the slice (and any rollback)
  stop: Stop | null;        // the slice ended because the run diverged
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

// The core's Session (core/api/session.hpp): one model, its text and its training run. create() and
// load() replace the model only when they succeed.
export interface Session {
  create(text: string, settings: SessionSettings): Result<ModelSummary>;
  load(bytes: Uint8Array, text: string, settings: SessionSettings, resumeOptimizer: boolean): Result<ModelSummary>;
  // Trains until maxSteps are done or maxMillis of training time have passed (at least one step), and
  // stops early when the run diverges (see Stop).
  trainSlice(maxSteps: number, maxMillis: number): Result<TrainSlice>;
  steps(): number;  // training steps done (0 without a model): the one step count there is
  // New sequence length, batch or optimizer in place: the weights stay, the optimizer state and the place
  // in the text start afresh, the step count goes on. An error changes nothing.
  reconfigure(settings: SessionSettings): Result<{ step: number }>;
  // Learning rate, clipping (0 = off) and dropout of the running training; the model and optimizer stay.
  updateTraining(learningRate: number, clip: number, dropout: number): Result<object>;
  // The in-memory copy of the run that divergence goes back to: take one now, or go back to it.
  snapshot(): Result<{ step: number }>;
  restore(): Result<{ step: number }>;
  // Automatic snapshots every `steps` healthy steps instead of by training time (0: by time, the default).
  snapshotEvery(steps: number): Result<object>;
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
  Session: new () => Session;
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
