// The worker protocol. Page → worker: commands (train, pause, step; answered by events) and requests
// (one typed table: each kind's payload and reply). Worker → page: one reply per request, and events.
// Every request carries the run (the model) it is about and the worker echoes it, so the page's bridge
// drops what concerns a model it has since replaced — there and only there. Typed arrays travel as
// transferables. `switch (msg.type)` narrows without casts; assertNever makes a new message a compile
// error until it is handled.
import type {
  ClassifiedLinesResult, ClassTraceResult, ConnectivityResult, GradientCheckResult, GradientNormsResult, InspectionResult, ModelSummary, SessionSettings, SpacingBreakdownResult, Stop,
} from '../generated/core.mjs';

export type Settings = SessionSettings;
export type { Stop };

type Nothing = Record<string, never>;

export interface Requests {
  // A new model from text and settings; replaces the current one only if it succeeds.
  create: { payload: { text: string; settings: Settings }; reply: { summary: ModelSummary } };
  load: { payload: { bytes: ArrayBuffer; text: string; settings: Settings; resumeOptimizer: boolean }; reply: { summary: ModelSummary } };
  // New sequence length, batch or optimizer for the running model: the weights stay, the count goes on.
  reconfigure: { payload: { settings: Settings }; reply: { step: number } };
  updateTraining: { payload: { learningRate: number; clip: number; dropout: number }; reply: Nothing };
  // Held-out scores of the model's task (at most maxChars characters; classify: lines).
  validate: { payload: { maxChars: number }; reply: { step: number; loss: number; bitsPerChar: number; predictions: number; scores: TaskScores } };
  sample: { payload: { prime: string; length: number; temperature: number; topK: number; seed: number }; reply: { step: number; text: string } };
  probe: { payload: { text: string; temperature: number }; reply: { probabilities: Float32Array } };
  inspect: { payload: { text: string; topK: number }; reply: { step: number; inspection: InspectionResult } };
  gradientNorms: { payload: Nothing; reply: { step: number; norms: GradientNormsResult } };
  // Language models: how much the prediction at `position` (a character index of text) depends on each
  // character up to it (core/infer/connectivity.hpp).
  connectivity: { payload: { text: string; position: number }; reply: { step: number; connectivity: ConnectivityResult } };
  // Analytic vs finite-difference gradient for the `perTensor` largest entries of every tensor.
  gradientCheck: { payload: { perTensor: number }; reply: { step: number; check: GradientCheckResult } };
  save: { payload: { withOptimizer: boolean }; reply: { bytes: Uint8Array } };
  // Spacing: a text (with its spaces) as the model spaces it, and which direction decided.
  spacingBreakdown: { payload: { text: string }; reply: { step: number; breakdown: SpacingBreakdownResult } };
  // Classify: the class probabilities after each character of a line (how the decision forms).
  classTrace: { payload: { line: string }; reply: { step: number; trace: ClassTraceResult } };
  // Memory tasks: whether the most likely next character at each position of text is targets[i]
  // (a vocabulary id), read from a zero state (presets/memory/memoryScore.ts).
  memoryProbe: { payload: { text: string; positions: Int32Array; targets: Int32Array }; reply: { step: number; hits: Uint8Array } };
  // Classify: the first held-out lines with the model's decisions.
  classifiedLines: { payload: { maxLines: number }; reply: { step: number; lines: ClassifiedLinesResult } };
  // "Who wrote this line?": every non-blank line of texts[i] labelled labels[i], as one text (no model needed).
  labelLines: { payload: { labels: string[]; texts: string[] }; reply: { text: string } };
  // How many workers share each training step (1: the worker alone); no model needed.
  setWorkers: { payload: { count: number }; reply: { workers: number } };
}

// What a task's decisions scored (held out or on training batches): accuracy for every task; spacing adds
// precision, recall and F1 of the predicted spaces; classify a confusion matrix (labels × labels).
export interface TaskScores {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: Float64Array;
}

// The decisions of a training slice's steps, before each update: counts to add up.
export interface Decisions {
  scored: number;
  correct: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export type RequestKind = keyof Requests;
export type RequestOf<K extends RequestKind> = Requests[K]['payload'];
// Every reply says how long the worker spent on it, so periodic requests can keep their share small.
export type ReplyOf<K extends RequestKind> = Requests[K]['reply'] & { millis: number };
export type CommandKind = 'train' | 'pause' | 'step';

export interface RequestOptions {
  transfer?: Transferable[];
  // The caller handles a failure itself (the promise rejects with RequestFailed); otherwise the
  // failure goes to the bridge's one error listener, which the page turns into a notice.
  handleErrors?: boolean;
}

export type ToWorker =
  | { type: 'command'; command: CommandKind }
  | { [K in RequestKind]: { type: 'request'; kind: K; id: number; run: number; payload: RequestOf<K> } }[RequestKind];

// Why a request could not be carried out; the model is unchanged. `message` is the engine's English;
// a problem a learner meets from the page also has a code (catalogue key `engine.<code>`) and its values.
export interface WorkerError {
  message: string;
  code?: string;
  params?: Record<string, string>;
}

export class RequestFailed extends Error {
  constructor(readonly kind: RequestKind, readonly error: WorkerError) {
    super(error.message);
  }
}

export interface Progress {
  step: number;
  losses: Float32Array;     // the slice's per-step training losses (nats/char)
  gradNorms: Float32Array;  // per step, before clipping
  clipped: number;
  trainMillis: number;      // time spent inside train() in this slice
  wallMillis: number;       // worker time since the previous slice: training plus everything between slices
  characters: number;       // characters the slice trained on
  decisions: Decisions;
  heapBytes: number;          // every worker's wasm heap together
  workerHeapBytes: number[];  // each worker's: the coordinating one first, then its replicas
}

export type WorkerEvent =
  | { type: 'ready'; simd: string; heapBytes: number }
  | { type: 'progress'; run: number; progress: Progress }
  | { type: 'paused'; run: number; step: number }
  | { type: 'stopped'; run: number; step: number; stop: Stop }
  // A training slice failed (the core said why); training is paused, the model stays as it was.
  | { type: 'trainingFailed'; run: number; step: number; message: string }
  // A worker sharing the training stopped; training goes on with `workers` (every finished step kept).
  | { type: 'workerLost'; run: number; message: string; workers: number }
  // The wasm module aborted or could not start: the worker is unusable and must be restarted.
  | { type: 'fatal'; message: string };

export type FromWorker =
  | { type: 'reply'; id: number; run: number; ok: true; reply: ReplyOf<RequestKind> }
  | { type: 'reply'; id: number; run: number; ok: false; error: WorkerError }
  | { type: 'event'; event: WorkerEvent };

export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}

// Every typed array inside an inspection, to hand to postMessage as transferables.
export function inspectionBuffers(r: InspectionResult): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [r.topIds, r.topProbs];
  for (const layer of r.layers) arrays.push(...Object.values(layer));
  return uniqueBuffers(arrays);
}

// Buffers to transfer, each once (transferring one buffer twice throws DataCloneError).
export function uniqueBuffers(views: ArrayBufferView[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) seen.add(v.buffer);
  return [...seen];
}
