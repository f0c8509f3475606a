// A replica worker: one copy of the model in a wasm instance of its own, computing its share of every
// training step for the coordinating worker (parallel/replicaPool.ts) and applying the summed update it
// sends back, so that it stays identical to the coordinator's model.
import createCore, { type CoreModule, type Session } from '../../../generated/core.mjs';
import { warmUp } from '../warmup';
import type { FromReplica, ToReplica } from './replicaProtocol';

let module: CoreModule | undefined;
let session: Session | undefined;
let parameters = 0;
// The last sum's buffer: the next share's gradient is copied into it, so no step allocates one.
let spare: Float32Array | undefined;
const early: ToReplica[] = [];

const post = (msg: FromReplica, transfer: Transferable[] = []) => postMessage(msg, { transfer });
const failed = (message: string) => post({ type: 'failed', message });

function handle(msg: ToReplica) {
  const core = module!;
  if (msg.type === 'load') {
    const next = new core.Session();
    const r = next.load(new Uint8Array(msg.bytes), msg.text, msg.settings, true);
    if (!r.ok) {
      next.delete();
      return failed(r.error);
    }
    session?.delete();
    session = next;
    parameters = r.parameters;
    spare = undefined;
    return post({ type: 'loaded', heapBytes: core.heapSize() });
  }
  const s = session;
  if (!s) return failed('the replica has no model');
  switch (msg.type) {
    case 'compute': {
      const r = s.computeGradients(msg.replica, msg.replicas);
      if (!r.ok) return failed(r.error);
      const state = s.streamState(msg.replica, msg.replicas);
      if (!state.ok) return failed(state.error);
      const gradient = spare?.length === parameters ? spare : new Float32Array(parameters);
      spare = undefined;
      const copied = s.copyGradient(gradient);
      if (!copied.ok) return failed(copied.error);
      const { ok: _ok, ...share } = r;
      return post({ type: 'share', share, gradient, state: state.state, heapBytes: core.heapSize() }, [gradient.buffer, state.state.buffer]);
    }
    case 'apply': {
      // Only the coordinator reports the step; a replica speaks up when it cannot follow.
      const taken = s.setGradient(msg.summed);
      if (!taken.ok) return failed(taken.error);
      spare = msg.summed;
      const r = s.applyGradients(msg.total, 0, 'skip');
      if (!r.ok) failed(r.error);
      return;
    }
    case 'snapshot': {
      const r = s.snapshot();
      if (!r.ok) failed(r.error);
      return;
    }
    case 'update': {
      const r = s.updateTraining(msg.learningRate, msg.clip, msg.dropout);
      if (!r.ok) failed(r.error);
      return;
    }
  }
}

onmessage = (e: MessageEvent<ToReplica>) => {
  if (module) handle(e.data);
  else early.push(e.data);
};

createCore({ onAbort: (what) => failed(`the WebAssembly module stopped: ${String(what)}`) })
  .then((m) => {
    warmUp(m);  // as the coordinator does: the optimizing tier before the first share, not during it
    module = m;
    post({ type: 'ready' });
    for (const msg of early.splice(0)) handle(msg);
  })
  .catch((e: unknown) => failed(`the WebAssembly module could not start: ${String(e)}`));
