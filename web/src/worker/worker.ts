// The training worker: owns the wasm module and the model, trains in short slices and answers every
// other request between two slices, so pause, step, probe and sample respond at once. The page never
// trains; it only sends requests and renders replies (protocol.ts).
import createCore, { type CoreModule, type Result } from '../../generated/core.mjs';
import { assertNever, inspectionBuffers, uniqueBuffers, type FromWorker, type Stop, type ToWorker } from '../protocol';
import { TrainedModel } from './model';
import { warmUp } from './warmup';

const SLICE_MILLIS = 25;        // one slice of training between two looks at the inbox
const MAX_STEPS_PER_SLICE = 64;

let module: CoreModule | undefined;
let model: TrainedModel | undefined;
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

function trainSlice(m: TrainedModel, maxSteps: number, continuous: boolean) {
  const started = performance.now();
  const r = m.core.train(maxSteps, SLICE_MILLIS);
  const ended = performance.now();
  const trainMillis = ended - started;
  const wallMillis = continuous ? ended - wallMark : trainMillis;
  wallMark = ended;
  if (!r.ok) {
    training = false;
    fail(r.error);
    return;
  }
  m.noteCoreStep(r.step);
  let blownUp = false;
  for (const loss of r.losses) blownUp = m.guard.observe(loss) || blownUp;
  post(
    {
      type: 'progress',
      runId: m.runId,
      progress: {
        step: m.step, losses: r.losses, gradNorms: r.gradNorms, clipped: r.clipped,
        trainMillis, wallMillis, charsPerStep: m.charsPerStep, heapBytes: module!.heapSize(),
      },
    },
    [r.losses.buffer, r.gradNorms.buffer],
  );
  if (r.diverged || blownUp) {
    training = false;
    const atStep = m.step;
    const stop: Stop = r.diverged
      ? { reason: 'nonFinite', atStep, lossNats: Number.NaN, restoredStep: atStep }
      : { reason: 'blowUp', atStep, lossNats: m.guard.smoothedLoss, restoredStep: m.restoreCheckpoint() };
    post({ type: 'stopped', runId: m.runId, step: m.step, stop });
    return;
  }
  m.afterSlice(wallMillis);
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

function replaceModel(next: TrainedModel) {
  model?.delete();
  model = next;
  training = false;
}

function handle(msg: ToWorker) {
  if (!module) return;
  const m = model;
  switch (msg.type) {
    case 'create':
    case 'load': {
      const built = msg.type === 'create'
        ? TrainedModel.create(module, msg.runId, msg.text, msg.settings)
        : TrainedModel.load(module, msg.runId, new Uint8Array(msg.bytes), msg.text, msg.settings, msg.resumeOptimizer);
      if (!built.ok) {
        post({ type: 'createFailed', runId: msg.runId, message: built.error });  // the current model stays
        return;
      }
      replaceModel(built.model);
      post({ type: 'created', runId: msg.runId, summary: built.summary });
      return;
    }
    case 'reconfigure': {
      if (!m) return fail('no model yet');
      if (!unwrap(m.reconfigure(msg.settings), msg.requestId)) return;
      post({ type: 'reconfigured', runId: m.runId, step: m.step, settings: msg.settings });
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
      if (m) post({ type: 'paused', runId: m.runId, step: m.step });
      return;
    case 'step':
      training = false;
      if (!m) return;
      trainSlice(m, 1, false);
      post({ type: 'paused', runId: m.runId, step: m.step });
      return;
    case 'updateTraining':
      if (m && unwrap(m.core.updateTraining(msg.learningRate, msg.clip, msg.dropout))) {
        m.settings = { ...m.settings, learningRate: msg.learningRate, clip: msg.clip, dropout: msg.dropout };
      }
      return;
    case 'validate': {
      if (!m) return;
      const started = performance.now();
      const r = unwrap(m.core.validate(msg.maxChars), msg.requestId);
      if (r) {
        post({
          type: 'validation', runId: m.runId, requestId: msg.requestId, step: m.step, millis: performance.now() - started,
          loss: r.loss, bitsPerChar: r.bitsPerChar, predictions: r.predictions,
        });
      }
      return;
    }
    case 'sample': {
      if (!m) return;
      const started = performance.now();
      const r = unwrap(m.core.sample(msg.prime, msg.length, msg.temperature, msg.topK, msg.seed), msg.requestId);
      if (r) {
        post({
          type: 'sample', runId: m.runId, requestId: msg.requestId, step: m.step, millis: performance.now() - started,
          prime: msg.prime, text: r.text, temperature: msg.temperature,
        });
      }
      return;
    }
    case 'probe': {
      if (!m) return;
      const started = performance.now();
      if (!unwrap(m.core.probeReset(), msg.requestId) || !unwrap(m.core.probeFeed(msg.text), msg.requestId)) return;
      const r = unwrap(m.core.probeProbabilities(msg.temperature), msg.requestId);
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
      const r = unwrap(m.core.inspect(msg.text, msg.topK), msg.requestId);
      if (r) {
        post(
          { type: 'inspection', runId: m.runId, requestId: msg.requestId, step: m.step, millis: performance.now() - started, text: msg.text, inspection: r },
          inspectionBuffers(r),
        );
      }
      return;
    }
    case 'gradients': {
      const r = m && unwrap(m.core.gradientNorms(), msg.requestId);
      if (m && r) post({ type: 'gradients', runId: m.runId, requestId: msg.requestId, norms: r }, [r.hidden.buffer, r.cell.buffer]);
      return;
    }
    case 'gradientCheck': {
      if (!m) return;
      const started = performance.now();
      const r = unwrap(m.core.gradientCheck(msg.perTensor), msg.requestId);
      if (r) {
        post(
          { type: 'gradientCheck', runId: m.runId, requestId: msg.requestId, step: m.step, millis: performance.now() - started, check: r },
          uniqueBuffers([r.indices, r.analytic, r.numeric, r.relativeErrors]),
        );
      }
      return;
    }
    case 'save': {
      const r = m && unwrap(m.core.save(msg.withOptimizer), msg.requestId);
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
