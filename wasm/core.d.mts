// Types of the Embind module built from bindings.cpp beside this file (web/generated/core.mjs). Emscripten
// 3.1.6 cannot emit these, so they are written by hand beside the bindings; keep the two in step. The
// build copies this file next to the module as web/generated/core.d.mts.

// What the model learns (README "Tasks"): the next character, where the spaces go, or one label per line
// (then the text is lines label<TAB>text; labelLines() makes one from several texts).
export type Task = 'lm' | 'spacing' | 'classify';

export interface SessionSettings {
  task: Task;
  cell: 'rnn' | 'lstm' | 'gru';
  bidirectional: boolean;         // a second direction reading each sequence backward (not for 'lm')
  nonlinearity: 'tanh' | 'relu';  // the vanilla RNN's; LSTM and GRU take tanh
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

// A failure's English message; a problem a learner meets from the page also has a code (the catalogue's
// key `engine.<code>`) and the values its sentence names.
export type Result<T> = ({ ok: true } & T) | { ok: false; error: string; code?: string; params?: Record<string, string> };

export interface ModelSummary {
  characters: number;
  trainCharacters: number;       // as the model reads them (spacing: without spaces; classify: the lines' texts)
  validationCharacters: number;
  trainExamples: number;         // predictions (lm), scored gaps (spacing) or lines (classify)
  validationExamples: number;
  vocab: string[];
  parameters: number;
  task: Task;
  cell: 'rnn' | 'lstm' | 'gru';
  hiddenSize: number;
  numLayers: number;
  bidirectional: boolean;
  nonlinearity: 'tanh' | 'relu';
  labels: string[];              // classify: label names in index order (else empty)
  canTrain: boolean;
  resumedExactly: boolean;  // load(): the file's training state continued on the same text, bit for bit
  // load(): characters of the text outside the model's vocabulary, each read as an all-zero input (and
  // not scored as a target): how many there are, and the distinct ones by code point (at most 20).
  unknown: { count: number; characters: string[] };
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
  losses: Float32Array;     // one per step done, nats per scored prediction
  gradNorms: Float32Array;  // global norm before clipping, one per step
  clipped: number;          // steps in this slice whose gradient was clipped
  characters: number;       // characters the steps trained on (classify: their lines' lengths)
  // The steps' decisions before each update, on the training batches: accuracy = correct / scored;
  // spacing's spaces: precision = truePositive / (truePositive + falsePositive), recall likewise with falseNegative.
  scored: number;
  correct: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  step: number;             // steps done in total, after the slice (and any rollback)
  snapshotTaken: boolean;   // a rollback snapshot was taken during the slice
  stop: Stop | null;        // the slice ended because the run diverged
}

// Data-parallel training: a replica's part of one step's loss and decisions (core/train/trainer.hpp).
// Summed over the replicas in replica order, it is the whole batch's.
export interface GradientShare {
  lossSum: number;  // Σ cross-entropy of the share's scored predictions, nats
  scored: number;
  correct: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

// Who decides that a data-parallel step takes a rollback snapshot: the coordinator by its own (timed)
// schedule, and the other replicas as it tells them, so that all go back to the same step.
export type SnapshotOrder = 'bySchedule' | 'take' | 'skip';

// Held-out scores of the model's task (0 predictions: nothing held out).
export interface Validation {
  task: Task;
  predictions: number;   // scored: characters predicted (lm), gaps decided (spacing), lines (classify)
  loss: number;          // mean cross-entropy, nats per prediction
  bitsPerChar: number;   // loss / ln 2 (bits per character for lm)
  accuracy: number;
  precision: number;     // spacing: of the predicted spaces (0 when none was predicted)
  recall: number;        // spacing: of the true spaces
  f1: number;
  confusion: Float64Array;  // classify: (labels × labels) counts, row = true label, column = decision (else empty)
}

// A text as a spacing model spaces it (its spaces are the truth), per character of the text without spaces.
export interface SpacingBreakdownResult {
  characters: string[];
  truth: Int8Array;                  // 1: a space followed, 0: none, -1: not a decision (line break, end)
  probability: Float32Array;         // P(a space follows), the model's
  forwardProbability: Float32Array;  // σ(bias + the forward direction's share of the log-odds): that side alone
  backwardProbability: Float32Array; // the same for the backward direction (empty for a forward-only model)
  restored: string;                  // the characters with a space in every gap where probability > 0.5
}

// How a classifier's decision forms: after character t of a line, its probabilities had the line ended
// there (bidirectional: each prefix run as a line of its own; lines up to 256 characters).
export interface ClassTraceResult {
  steps: number;
  labels: string[];
  probabilities: Float32Array;  // (steps × labels)
}

// Held-out lines with the classifier's decisions (to show the ones it gets wrong).
export interface ClassifiedLinesResult {
  lineNumbers: Int32Array;      // 1-based, in the text
  labels: Int32Array;           // the true label's index
  decisions: Int32Array;        // the model's
  texts: string[];
  probabilities: Float32Array;  // (lines × labels)
}

export interface InspectionResult {
  steps: number;
  hidden: number;
  topK: number;                            // 0 for classify (its head reads the last states only)
  directions: number;                      // 2: bidirectional; layers[l * 2 + 1] is layer l's backward direction
  gateNames: string[];
  preActivationNames: string[];            // RNN h; LSTM i, f, g, o; GRU r, z, n
  layers: Record<string, Float32Array>[];  // per layer and direction, gate name → (steps × hidden), in text order
  // per layer and direction: what each nonlinearity was applied to (values of the same forward pass)
  preActivations: Record<string, Float32Array>[];
  topIds: Int32Array;                      // (steps × topK): next characters (lm), or 0 none / 1 space (spacing)
  topProbs: Float32Array;                  // (steps × topK)
}

// The vanishing-gradient view of the last training batch (its first sequence): how strongly the loss of
// ONE prediction (the window's last scored one; a line's label) depends on each earlier step's state.
// Empty (steps 0) before training.
export interface GradientNormsResult {
  steps: number;
  layers: number;
  directions: number;
  hidden: Float32Array;  // (layers·directions × steps) ‖∂ℓ/∂h_t‖, every direction in text order
  cell: Float32Array;    // (layers·directions × steps) ‖∂ℓ/∂c_t‖, LSTM only (else empty)
}

// The connectivity view (core/infer/connectivity.hpp): how much the prediction at one position depends on
// each character up to it, ‖∂ log p(target) / ∂(the input-weight column that character selects)‖, from a
// zero state. target: the text's next character, or at its last one the model's most likely.
export interface ConnectivityResult {
  position: number;
  target: number;         // vocabulary index
  targetIsNext: boolean;  // false: the model's most likely character (nothing follows in the text)
  probability: number;    // of target after reading up to position
  norms: Float32Array;    // (position + 1) one value per character 0..position
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
  // Data-parallel training over replicas (Sessions of the same text and settings, one per worker): replica
  // r of n computes its share of the next batch's streams; its gradient stays in the session. The
  // coordinator adds the others' gradients to its own in replica order (addGradient) and copies the sum
  // out (copyGradient, into an array of the model's parameter count); the others take it (setGradient).
  // Every replica then applies the sum, with the summed counts, as a one-step slice.
  computeGradients(replica: number, replicas: number): Result<GradientShare>;
  addGradient(gradient: Float32Array): Result<object>;
  setGradient(gradient: Float32Array): Result<object>;
  copyGradient(into: Float32Array): Result<object>;
  applyGradients(total: GradientShare, stepMillis: number, snapshot: SnapshotOrder): Result<TrainSlice>;
  // Each replica carries only its own streams' state (lm): the coordinator gathers it before saving.
  streamState(replica: number, replicas: number): Result<{ state: Float32Array }>;
  setStreamState(replica: number, replicas: number, state: Float32Array): Result<object>;
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
  // Analytic vs central-difference gradient on the first example of the training text (a window; a line),
  // for the entries with the largest gradient in each tensor.
  gradientCheck(perTensor: number): Result<GradientCheckResult>;
  validate(maxUnits: number): Result<Validation>;  // at most maxUnits held-out characters (classify: lines)
  // Language models only (an error for the other tasks): sampling and the step API.
  sample(prime: string, length: number, temperature: number, topK: number, seed: number): Result<{ text: string }>;
  probeReset(): Result<object>;
  probeFeed(text: string): Result<object>;
  probeProbabilities(temperature: number): Result<{ probabilities: Float32Array }>;
  inspect(text: string, topK: number): Result<InspectionResult>;  // spacing: read without its spaces
  gradientNorms(): Result<GradientNormsResult>;
  // Language models only; position is a character (code point) index into text, at most 4096 characters.
  connectivity(text: string, position: number): Result<ConnectivityResult>;
  spacingBreakdown(text: string): Result<SpacingBreakdownResult>;    // spacing only, at most 4096 characters
  classTrace(line: string): Result<ClassTraceResult>;                // classify only: a line's text, no label
  classifiedLines(maxLines: number): Result<ClassifiedLinesResult>;  // classify only: the first held-out lines
  save(withOptimizer: boolean): Result<{ bytes: Uint8Array }>;
  delete(): void;
}

export interface CoreModule {
  Session: new () => Session;
  // "Who wrote this line?": every non-blank line of texts[i] labelled labels[i], as one text for 'classify'.
  labelLines(labels: string[], texts: string[]): Result<{ text: string }>;
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
