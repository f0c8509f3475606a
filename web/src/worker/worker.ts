// The training worker: owns the wasm module and the model, trains in short slices and answers every
// other request between two slices, so pause, step, probe and sample respond at once. The page never
// trains; it only sends requests and renders replies (protocol.ts).
import createCore, { type CoreModule, type ModelSummary, type Result, type Session, type TrainSlice } from '../../generated/core.mjs';
import {
  assertNever, inspectionBuffers, uniqueBuffers, type CommandKind, type FromWorker, type ReplyOf, type RequestKind, type RequestOf, type Requests,
  type Settings, type ToWorker, type WorkerError, type WorkerEvent,
} from '../protocol';
import { ParallelTrainer } from './parallel/parallelTrainer';
import { warmUp } from './warmup';
import { memoryHits } from './memoryProbe';

const SLICE_MILLIS = 25;        // one slice of training between two looks at the inbox
const MAX_STEPS_PER_SLICE = 64;

// The model: the core's Session (which keeps the step count, the snapshot and the divergence rule), the
// run it belongs to, and the settings its progress is counted in.
interface Model {
  session: Session;
  runId: number;
  settings: Settings;
  text: string;  // its training text: replica workers are copies of the model on the same text
}

let module: CoreModule | undefined;
let model: Model | undefined;
let training = false;
let sliceScheduled = false;
let wallMark = 0;  // end of the previous slice: the next slice's wall time counts from here
const inbox: ToWorker[] = [];
// workers > 1: every step is shared with replica workers (parallel/parallelTrainer.ts). A shared step
// waits for them; meanwhile the inbox waits too, so nothing changes the model halfway through a step.
// A replica that stops costs no finished step: training goes on with one worker fewer, and the page
// says so.
const parallel = new ParallelTrainer(
  () => module!,
  () => new Worker(new URL('./parallel/replica.ts', import.meta.url), { type: 'module' }),
  (message, workers) => {
    if (model) event({ type: 'workerLost', run: model.runId, message, workers });
  },
);
let sharedStepRunning = false;

const post = (msg: FromWorker, transfer: Transferable[] = []) => postMessage(msg, { transfer });

// A zero-delay task queue: setTimeout(0) is clamped to 4 ms when nested, which would idle the CPU
// for a sixth of every slice.
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  sliceScheduled = false;
  runSlice();
};
function scheduleSlice() {
  if (!sliceScheduled) {
    sliceScheduled = true;
    channel.port2.postMessage(null);
  }
}

const event = (e: WorkerEvent, transfer: Transferable[] = []) => post({ type: 'event', event: e }, transfer);

type RequestMsg = Extract<ToWorker, { type: 'request' }>;

function reply<K extends RequestKind>(msg: RequestMsg & { kind: K }, started: number, body: Requests[K]['reply'], transfer: Transferable[] = []) {
  post({ type: 'reply', id: msg.id, run: msg.run, ok: true, reply: { ...body, millis: performance.now() - started } as ReplyOf<RequestKind> }, transfer);
}

function fail(msg: RequestMsg, error: string | WorkerError) {
  post({ type: 'reply', id: msg.id, run: msg.run, ok: false, error: typeof error === 'string' ? { message: error } : error });
}

// A core failure as the page's error: its English message, and its code and values when it has them.
function coreError(r: { error: string; code?: string; params?: Record<string, string> }): WorkerError {
  return r.code ? { message: r.error, code: r.code, params: r.params ?? {} } : { message: r.error };
}

// The one place a core Result becomes a reply: the value (with the time it took) or the error.
function answer<K extends RequestKind, T>(
  msg: RequestMsg & { kind: K }, run: () => Result<T>, toReply: (r: T & { ok: true }) => Requests[K]['reply'], transfer: (r: T & { ok: true }) => Transferable[] = () => [],
) {
  const started = performance.now();
  const r = run();
  if (!r.ok) return fail(msg, coreError(r));
  reply(msg, started, toReply(r), transfer(r));
}

let trainingError: string | null = null;  // a slice that failed: said once with the next pause

function trainSlice(m: Model, maxSteps: number, continuous: boolean) {
  const started = performance.now();
  const r = m.session.trainSlice(maxSteps, SLICE_MILLIS);
  report(m, r, started, continuous);
}

// Training shared with the replica workers: a slice of steps (one for Step), then back to the inbox.
async function sharedSlice(m: Model, continuous: boolean) {
  sharedStepRunning = true;
  const started = performance.now();
  try {
    const r = await parallel.slice(m, continuous ? MAX_STEPS_PER_SLICE : 1, SLICE_MILLIS, () => training && inbox.length === 0);
    if (model === m && r) report(m, { ok: true, ...r }, started, continuous);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return crashed(`the WebAssembly module crashed: ${e.message}`);
    training = false;
    trainingError = e instanceof Error ? e.message : String(e);
  } finally {
    sharedStepRunning = false;
  }
  if (model !== m) return scheduleSlice();
  if (!training) pausedAfterFailure(m);
  if (!continuous) event({ type: 'paused', run: m.runId, step: m.session.steps() });
  scheduleSlice();
}

function report(m: Model, r: Result<TrainSlice>, started: number, continuous: boolean) {
  const ended = performance.now();
  const trainMillis = ended - started;
  const wallMillis = continuous ? ended - wallMark : trainMillis;
  wallMark = ended;
  if (!r.ok) {
    training = false;
    trainingError = r.error;
    return;
  }
  const workerHeapBytes = parallel.heapBytes();
  event(
    {
      type: 'progress',
      run: m.runId,
      progress: {
        step: r.stop ? r.stop.atStep : r.step, losses: r.losses, gradNorms: r.gradNorms, clipped: r.clipped,
        trainMillis, wallMillis, characters: r.characters, heapBytes: workerHeapBytes.reduce((a, b) => a + b, 0), workerHeapBytes,
        decisions: { scored: r.scored, correct: r.correct, truePositive: r.truePositive, falsePositive: r.falsePositive, falseNegative: r.falseNegative },
      },
    },
    [r.losses.buffer, r.gradNorms.buffer],
  );
  if (r.stop) {
    training = false;
    event({ type: 'stopped', run: m.runId, step: r.step, stop: r.stop });
  }
}

function runSlice() {
  while (inbox.length > 0 && !sharedStepRunning) handleSafely(inbox.shift()!);
  if (!training || !model || sharedStepRunning) return;
  if (parallel.active) return void sharedSlice(model, true);
  trainSlice(model, MAX_STEPS_PER_SLICE, true);
  if (!training) pausedAfterFailure(model);
  else scheduleSlice();
}

// Training ended by a failing slice: the page hears why; the model is as the last good step left it.
function pausedAfterFailure(m: Model) {
  if (trainingError === null) return;
  event({ type: 'trainingFailed', run: m.runId, step: m.session.steps(), message: trainingError });
  trainingError = null;
}

// A trap inside wasm leaves its memory in an unknown state: only a restart is safe. Anything else
// thrown is a bug in one request; the model goes on.
function handleSafely(msg: ToWorker) {
  try {
    handle(msg);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      crashed(`the WebAssembly module crashed: ${e.message}`);
    } else if (msg.type === 'request') {
      fail(msg, `internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

// The engine is unusable (a trap, a replica worker that died): the page restarts it.
function crashed(message: string) {
  training = false;
  module = undefined;
  parallel.setWorkers(1);
  event({ type: 'fatal', message });
}

function replaceModel(next: Model) {
  model?.session.delete();
  model = next;
  training = false;
  parallel.invalidate();
}

function handle(msg: ToWorker) {
  if (!module) return;
  if (msg.type === 'command') return command(msg.command);
  const m = model;
  if (msg.kind === 'create' || msg.kind === 'load') return build(module, msg);
  if (msg.kind === 'setWorkers') {
    return answer(msg, () => {
      parallel.setWorkers(msg.payload.count);
      return { ok: true as const };
    }, () => ({ workers: parallel.workers }));
  }
  if (msg.kind === 'labelLines') {
    const core = module;
    return answer(msg, () => core.labelLines(msg.payload.labels, msg.payload.texts), (r) => ({ text: r.text }));
  }
  if (!m) return fail(msg, 'no model yet: create or load one first');
  respond(m, msg);
}

function command(c: CommandKind) {
  const m = model;
  switch (c) {
    case 'train':
      if (!m) return;
      if (!training) wallMark = performance.now();
      training = true;
      scheduleSlice();
      return;
    case 'pause':
      training = false;
      if (m) event({ type: 'paused', run: m.runId, step: m.session.steps() });
      return;
    case 'step':
      training = false;
      if (!m) return;
      if (parallel.active) return void sharedSlice(m, false);  // says 'paused' when its step is done
      trainSlice(m, 1, false);
      pausedAfterFailure(m);
      event({ type: 'paused', run: m.runId, step: m.session.steps() });
      return;
    default:
      assertNever(c);
  }
}

// A new model from text (create) or a file (load); the current one stays if it fails.
function build(core: CoreModule, msg: RequestMsg & { kind: 'create' | 'load' }) {
  const started = performance.now();
  const session = new core.Session();
  const p = msg.payload;
  const r: Result<ModelSummary> = msg.kind === 'create'
    ? session.create(p.text, p.settings)
    : session.load(new Uint8Array((p as RequestOf<'load'>).bytes), p.text, p.settings, (p as RequestOf<'load'>).resumeOptimizer);
  if (!r.ok) {
    session.delete();
    return fail(msg, coreError(r));  // the current model stays
  }
  replaceModel({ session, runId: msg.run, settings: p.settings, text: p.text });
  reply(msg, started, { summary: r });
}

function respond(m: Model, msg: RequestMsg) {
  const c = m.session;
  switch (msg.kind) {
    case 'create':
    case 'load':
      return;
    case 'reconfigure':
      return answer(msg, () => {
        const r = c.reconfigure(msg.payload.settings);
        if (r.ok) m.settings = msg.payload.settings;
        parallel.invalidate();
        return r;
      }, (r) => ({ step: r.step }));
    case 'updateTraining': {
      const { learningRate, clip, dropout } = msg.payload;
      return answer(msg, () => {
        const r = c.updateTraining(learningRate, clip, dropout);
        if (r.ok) m.settings = { ...m.settings, learningRate, clip, dropout };
        if (r.ok) parallel.update(learningRate, clip, dropout);
        return r;
      }, () => ({}));
    }
    case 'validate':
      return answer(msg, () => c.validate(msg.payload.maxChars), (r) => ({
        step: c.steps(), loss: r.loss, bitsPerChar: r.bitsPerChar, predictions: r.predictions,
        scores: { accuracy: r.accuracy, precision: r.precision, recall: r.recall, f1: r.f1, confusion: r.confusion },
      }), (r) => [r.confusion.buffer]);
    case 'sample': {
      const p = msg.payload;
      return answer(msg, () => c.sample(p.prime, p.length, p.temperature, p.topK, p.seed), (r) => ({ step: c.steps(), text: r.text }));
    }
    case 'probe':
      return answer(msg, () => {
        const reset = c.probeReset();
        if (!reset.ok) return reset;
        const fed = c.probeFeed(msg.payload.text);
        return fed.ok ? c.probeProbabilities(msg.payload.temperature) : fed;
      }, (r) => ({ probabilities: r.probabilities }), (r) => [r.probabilities.buffer]);
    case 'inspect':
      return answer(msg, () => c.inspect(msg.payload.text, msg.payload.topK), (r) => ({ step: c.steps(), inspection: r }), inspectionBuffers);
    case 'gradientNorms':
      return answer(msg, () => c.gradientNorms(), (r) => ({ step: c.steps(), norms: r }), (r) => [r.hidden.buffer, r.cell.buffer]);
    case 'connectivity':
      return answer(msg, () => c.connectivity(msg.payload.text, msg.payload.position), (r) => ({ step: c.steps(), connectivity: r }),
        (r) => [r.norms.buffer]);
    case 'gradientCheck':
      return answer(msg, () => c.gradientCheck(msg.payload.perTensor), (r) => ({ step: c.steps(), check: r }),
        (r) => uniqueBuffers([r.indices, r.analytic, r.numeric, r.relativeErrors]));
    case 'spacingBreakdown':
      return answer(msg, () => c.spacingBreakdown(msg.payload.text), (r) => ({ step: c.steps(), breakdown: r }),
        (r) => uniqueBuffers([r.truth, r.probability, r.forwardProbability, r.backwardProbability]));
    case 'classTrace':
      return answer(msg, () => c.classTrace(msg.payload.line), (r) => ({ step: c.steps(), trace: r }), (r) => [r.probabilities.buffer]);
    case 'classifiedLines':
      return answer(msg, () => c.classifiedLines(msg.payload.maxLines), (r) => ({ step: c.steps(), lines: r }),
        (r) => uniqueBuffers([r.lineNumbers, r.labels, r.decisions, r.probabilities]));
    case 'memoryProbe':
      return answer(msg, () => memoryHits(c, msg.payload.text, msg.payload.positions, msg.payload.targets), (r) => ({ step: c.steps(), hits: r.hits }), (r) => [r.hits.buffer]);
    case 'labelLines':
    case 'setWorkers':
      return;  // answered before a model is needed (handle)
    case 'save':
      return answer(msg, () => c.save(msg.payload.withOptimizer), (r) => ({ bytes: r.bytes }), (r) => [r.bytes.buffer]);
    default:
      assertNever(msg);
  }
}

onmessage = (event: MessageEvent<ToWorker>) => {
  inbox.push(event.data);
  if (!training) runSlice();  // while training, the next slice boundary picks it up
};

createCore({
  onAbort: (what) => event({ type: 'fatal', message: `the WebAssembly module stopped: ${String(what)}` }),
})
  .then((m) => {
    warmUp(m);
    module = m;
    event({ type: 'ready', simd: m.simdInstructionSet, heapBytes: m.heapSize() });
    runSlice();
  })
  .catch((e: unknown) => event({ type: 'fatal', message: `the WebAssembly module could not start: ${String(e)}` }));
