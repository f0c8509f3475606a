// The training worker: owns the wasm module and the model, trains in short slices and answers every
// other request between two slices, so pause, step, probe and sample respond at once. The page never
// trains; it only sends requests and renders replies (protocol.ts).
import createCore, { type CoreModule, type ModelSummary, type Result, type Session } from '../../generated/core.mjs';
import { assertNever, inspectionBuffers, uniqueBuffers, type FromWorker, type Settings, type ToWorker } from '../protocol';
import { warmUp } from './warmup';

const SLICE_MILLIS = 25;        // one slice of training between two looks at the inbox
const MAX_STEPS_PER_SLICE = 64;

// The model: the core's Session (which keeps the step count, the snapshot and the divergence rule), the
// run it belongs to, and the settings its progress is counted in.
interface Model {
  session: Session;
  runId: number;
  settings: Settings;
}

let module: CoreModule | undefined;
let model: Model | undefined;
let training = false;
let sliceScheduled = false;
let wallMark = 0;  // end of the previous slice: the next slice's wall time counts from here
const inbox: ToWorker[] = [];

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

function fail(message: string, requestId?: number) {
  post({ type: 'error', runId: model?.runId ?? 0, requestId, message });
}

function unwrap<T>(r: Result<T>, requestId?: number): (T & { ok: true }) | undefined {
  if (r.ok) return r;
  fail(r.error, requestId);
  return undefined;
}

function trainSlice(m: Model, maxSteps: number, continuous: boolean) {
  const started = performance.now();
  const r = m.session.trainSlice(maxSteps, SLICE_MILLIS);
  const ended = performance.now();
  const trainMillis = ended - started;
  const wallMillis = continuous ? ended - wallMark : trainMillis;
  wallMark = ended;
  if (!r.ok) {
    training = false;
    fail(r.error);
    return;
  }
  post(
    {
      type: 'progress',
      runId: m.runId,
      progress: {
        step: r.stop ? r.stop.atStep : r.step, losses: r.losses, gradNorms: r.gradNorms, clipped: r.clipped,
        trainMillis, wallMillis, charsPerStep: m.settings.batch * m.settings.seqLen, heapBytes: module!.heapSize(),
      },
    },
    [r.losses.buffer, r.gradNorms.buffer],
  );
  if (r.stop) {
    training = false;
    post({ type: 'stopped', runId: m.runId, step: r.step, stop: r.stop });
  }
}

function runSlice() {
  while (inbox.length > 0) handleSafely(inbox.shift()!);
  if (!training || !model) return;
  trainSlice(model, MAX_STEPS_PER_SLICE, true);
  scheduleSlice();
}

// A trap inside wasm leaves its memory in an unknown state: only a restart is safe. Anything else
// thrown is a bug in one request; the model goes on.
function handleSafely(msg: ToWorker) {
  try {
    handle(msg);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      training = false;
      module = undefined;
      post({ type: 'fatal', message: `the WebAssembly module crashed: ${e.message}` });
    } else {
      fail(`internal error: ${e instanceof Error ? e.message : String(e)}`, 'requestId' in msg ? msg.requestId : undefined);
    }
  }
}

function replaceModel(next: Model) {
  model?.session.delete();
  model = next;
  training = false;
}

// A new model from text (create) or a file (load); the current one stays if it fails.
function build(runId: number, settings: Settings, make: (s: Session) => Result<ModelSummary>): Result<ModelSummary> {
  const session = new module!.Session();
  const r = make(session);
  if (!r.ok) {
    session.delete();
    return r;
  }
  replaceModel({ session, runId, settings });
  return r;
}

function handle(msg: ToWorker) {
  if (!module) return;
  const m = model;
  switch (msg.type) {
    case 'create':
    case 'load': {
      const bytes = msg.type === 'load' ? new Uint8Array(msg.bytes) : null;
      const r = build(msg.runId, msg.settings, (s) =>
        bytes ? s.load(bytes, msg.text, msg.settings, msg.type === 'load' && msg.resumeOptimizer) : s.create(msg.text, msg.settings));
      if (!r.ok) post({ type: 'createFailed', runId: msg.runId, message: r.error });  // the current model stays
      else post({ type: 'created', runId: msg.runId, summary: r });
      return;
    }
    case 'reconfigure': {
      if (!m) return fail('no model yet');
      const r = unwrap(m.session.reconfigure(msg.settings), msg.requestId);
      if (!r) return;
      m.settings = msg.settings;
      post({ type: 'reconfigured', runId: m.runId, step: r.step, settings: msg.settings });
      return;
    }
    case 'train':
      if (!m) return fail('no model yet');
      if (!training) wallMark = performance.now();
      training = true;
      scheduleSlice();
      return;
    case 'pause':
      training = false;
      if (m) post({ type: 'paused', runId: m.runId, step: m.session.steps() });
      return;
    case 'step':
      training = false;
      if (!m) return;
      trainSlice(m, 1, false);
      post({ type: 'paused', runId: m.runId, step: m.session.steps() });
      return;
    case 'updateTraining':
      if (m && unwrap(m.session.updateTraining(msg.learningRate, msg.clip, msg.dropout))) {
        m.settings = { ...m.settings, learningRate: msg.learningRate, clip: msg.clip, dropout: msg.dropout };
      }
      return;
    case 'validate': {
      if (!m) return;
      const started = performance.now();
      const r = unwrap(m.session.validate(msg.maxChars), msg.requestId);
      if (r) {
        post({
          type: 'validation', runId: m.runId, requestId: msg.requestId, step: m.session.steps(), millis: performance.now() - started,
          loss: r.loss, bitsPerChar: r.bitsPerChar, predictions: r.predictions,
        });
      }
      return;
    }
    case 'sample': {
      if (!m) return;
      const started = performance.now();
      const r = unwrap(m.session.sample(msg.prime, msg.length, msg.temperature, msg.topK, msg.seed), msg.requestId);
      if (r) {
        post({
          type: 'sample', runId: m.runId, requestId: msg.requestId, step: m.session.steps(), millis: performance.now() - started,
          prime: msg.prime, text: r.text, temperature: msg.temperature,
        });
      }
      return;
    }
    case 'probe': {
      if (!m) return;
      const started = performance.now();
      if (!unwrap(m.session.probeReset(), msg.requestId) || !unwrap(m.session.probeFeed(msg.text), msg.requestId)) return;
      const r = unwrap(m.session.probeProbabilities(msg.temperature), msg.requestId);
      if (r) {
        post(
          { type: 'probe', runId: m.runId, requestId: msg.requestId, millis: performance.now() - started, text: msg.text, probabilities: r.probabilities },
          [r.probabilities.buffer],
        );
      }
      return;
    }
    case 'inspect': {
      if (!m) return;
      const started = performance.now();
      const r = unwrap(m.session.inspect(msg.text, msg.topK), msg.requestId);
      if (r) {
        post(
          { type: 'inspection', runId: m.runId, requestId: msg.requestId, step: m.session.steps(), millis: performance.now() - started, text: msg.text, inspection: r },
          inspectionBuffers(r),
        );
      }
      return;
    }
    case 'gradients': {
      const r = m && unwrap(m.session.gradientNorms(), msg.requestId);
      if (m && r) post({ type: 'gradients', runId: m.runId, requestId: msg.requestId, norms: r }, [r.hidden.buffer, r.cell.buffer]);
      return;
    }
    case 'gradientCheck': {
      if (!m) return;
      const started = performance.now();
      const r = unwrap(m.session.gradientCheck(msg.perTensor), msg.requestId);
      if (r) {
        post(
          { type: 'gradientCheck', runId: m.runId, requestId: msg.requestId, step: m.session.steps(), millis: performance.now() - started, check: r },
          uniqueBuffers([r.indices, r.analytic, r.numeric, r.relativeErrors]),
        );
      }
      return;
    }
    case 'save': {
      const r = m && unwrap(m.session.save(msg.withOptimizer), msg.requestId);
      if (m && r) post({ type: 'saved', runId: m.runId, requestId: msg.requestId, bytes: r.bytes }, [r.bytes.buffer]);
      return;
    }
    default:
      assertNever(msg);
  }
}

onmessage = (event: MessageEvent<ToWorker>) => {
  inbox.push(event.data);
  if (!training) runSlice();  // while training, the next slice boundary picks it up
};

createCore({
  onAbort: (what) => post({ type: 'fatal', message: `the WebAssembly module stopped: ${String(what)}` }),
})
  .then((m) => {
    warmUp(m);
    module = m;
    post({ type: 'ready', simd: m.simdInstructionSet, heapBytes: m.heapSize() });
    runSlice();
  })
  .catch((e: unknown) => post({ type: 'fatal', message: `the WebAssembly module could not start: ${String(e)}` }));
