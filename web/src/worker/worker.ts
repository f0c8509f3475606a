// The training worker: owns the wasm module and the model, trains in short slices and answers every
// other request between two slices, so pause, step, probe and sample respond at once. The page never
// trains; it only sends requests and renders replies (protocol.ts).
import createCore, { type Core, type CoreModule, type Result } from '../../generated/core.mjs';
import { assertNever, type FromWorker, type ToWorker } from '../protocol';

const SLICE_MILLIS = 25;        // one slice of training between two looks at the inbox
const MAX_STEPS_PER_SLICE = 64;

let module: CoreModule | undefined;
let core: Core | undefined;
let runId = 0;
let charsPerStep = 0;
let step = 0;  // training steps done by the current model
let training = false;
let sliceScheduled = false;
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
  post({ type: 'error', runId, requestId, message });
}

function unwrap<T>(r: Result<T>, requestId?: number): (T & { ok: true }) | undefined {
  if (r.ok) return r;
  fail(r.error, requestId);
  return undefined;
}

function trainSlice(maxSteps: number) {
  if (!core) return;
  const started = performance.now();
  const r = core.train(maxSteps, SLICE_MILLIS);
  const trainMillis = performance.now() - started;
  if (!r.ok) {
    training = false;
    fail(r.error);
    return;
  }
  step = r.step;
  post(
    {
      type: 'progress',
      runId,
      progress: {
        step: r.step,
        losses: r.losses,
        gradNorms: r.gradNorms,
        clipped: r.clipped,
        trainMillis,
        charsPerStep,
        heapBytes: module!.heapSize(),
      },
    },
    [r.losses.buffer, r.gradNorms.buffer],
  );
  if (r.diverged) {
    training = false;
    post({ type: 'diverged', runId, step: r.step });
  }
}

function runSlice() {
  while (inbox.length > 0) handle(inbox.shift()!);
  if (!training) return;
  trainSlice(MAX_STEPS_PER_SLICE);
  scheduleSlice();
}

function handle(msg: ToWorker) {
  if (!module) return;
  switch (msg.type) {
    case 'create':
    case 'load': {
      const next = new module.Core();
      const r =
        msg.type === 'create'
          ? next.create(msg.text, msg.settings)
          : next.load(new Uint8Array(msg.bytes), msg.text, msg.settings, msg.resumeOptimizer);
      if (!r.ok) {
        next.delete();
        post({ type: 'error', runId: msg.runId, message: r.error });  // the current model stays
        return;
      }
      core?.delete();
      core = next;
      runId = msg.runId;
      training = false;
      charsPerStep = msg.settings.batch * msg.settings.seqLen;
      step = r.step;
      post({ type: 'created', runId, summary: r });
      return;
    }
    case 'train':
      if (!core) return fail('no model yet');
      training = true;
      scheduleSlice();
      return;
    case 'pause':
      training = false;
      if (core) post({ type: 'paused', runId, step: step });
      return;
    case 'step':
      training = false;
      trainSlice(1);
      if (core) post({ type: 'paused', runId, step: step });
      return;
    case 'updateTraining':
      if (core) unwrap(core.updateTraining(msg.learningRate, msg.clip, msg.dropout));
      return;
    case 'validate': {
      const r = core && unwrap(core.validate(20000), msg.requestId);
      if (r) post({ type: 'validation', runId, requestId: msg.requestId, step: step, loss: r.loss, bitsPerChar: r.bitsPerChar, predictions: r.predictions });
      return;
    }
    case 'sample': {
      const r = core && unwrap(core.sample(msg.prime, msg.length, msg.temperature, msg.topK, msg.seed), msg.requestId);
      if (r) post({ type: 'sample', runId, requestId: msg.requestId, text: r.text });
      return;
    }
    case 'probe': {
      if (!core) return;
      if (!unwrap(core.probeReset(), msg.requestId) || !unwrap(core.probeFeed(msg.text), msg.requestId)) return;
      const r = unwrap(core.probeProbabilities(msg.temperature), msg.requestId);
      if (r) post({ type: 'probe', runId, requestId: msg.requestId, text: msg.text, probabilities: r.probabilities }, [r.probabilities.buffer]);
      return;
    }
    case 'inspect': {
      const r = core && unwrap(core.inspect(msg.text, msg.topK), msg.requestId);
      if (!r) return;
      const buffers = [r.topIds.buffer, r.topProbs.buffer, ...r.layers.flatMap((l) => Object.values(l).map((a) => a.buffer))];
      post({ type: 'inspection', runId, requestId: msg.requestId, text: msg.text, inspection: r }, buffers);
      return;
    }
    case 'gradients': {
      const r = core && unwrap(core.gradientNorms(), msg.requestId);
      if (r) post({ type: 'gradients', runId, requestId: msg.requestId, norms: r }, [r.hidden.buffer, r.cell.buffer]);
      return;
    }
    case 'save': {
      const r = core && unwrap(core.save(msg.withOptimizer), msg.requestId);
      if (r) post({ type: 'saved', runId, requestId: msg.requestId, bytes: r.bytes }, [r.bytes.buffer]);
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
    module = m;
    post({ type: 'ready', simd: m.simdInstructionSet, heapBytes: m.heapSize() });
    runSlice();
  })
  .catch((e: unknown) => post({ type: 'fatal', message: `the WebAssembly module could not start: ${String(e)}` }));
