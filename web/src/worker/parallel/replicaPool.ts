// The coordinating worker's replicas: N − 1 workers, each with a copy of the model, that compute their
// share of every step. Each replica answers its messages in order, so one queue of waiting promises per
// replica is the whole bookkeeping. A replica that dies or fails makes the pool unusable (ReplicaLost):
// the coordinator's own model is intact, so training goes on with fresh replicas, one fewer.
import type { GradientShare, SessionSettings } from '../../../generated/core.mjs';
import type { FromReplica, ToReplica } from './replicaProtocol';

export interface ReplicaShare {
  share: GradientShare;
  gradient: Float32Array;
  state: Float32Array;
}

// A replica that stopped or could not follow; `message` says why, in the engine's words.
export class ReplicaLost extends Error {}

type Waiter = { resolve: (msg: FromReplica) => void; reject: (e: Error) => void };

class Replica {
  heapBytes = 0;
  private readonly waiting: Waiter[] = [];
  private readonly started: Promise<FromReplica>;

  constructor(private readonly worker: Worker, private readonly died: (message: string) => void) {
    this.started = this.next();
    worker.onmessage = (e: MessageEvent<FromReplica>) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();  // handled here: not passed on as the coordinating worker's own crash
      this.fail(`a training worker stopped: ${e.message || 'unknown error'}`);
    };
  }

  ready(): Promise<FromReplica> {
    return this.started;
  }

  ask(msg: ToReplica, transfer: Transferable[] = []): Promise<FromReplica> {
    const answer = this.next();
    this.worker.postMessage(msg, { transfer });
    return answer;
  }

  tell(msg: ToReplica, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, { transfer });
  }

  terminate(): void {
    this.worker.terminate();
    for (const w of this.waiting.splice(0)) w.reject(new ReplicaLost('the training worker was stopped'));
  }

  private next(): Promise<FromReplica> {
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private receive(msg: FromReplica) {
    if (msg.type === 'failed') return this.fail(msg.message);
    if (msg.type === 'loaded' || msg.type === 'share') this.heapBytes = msg.heapBytes;
    this.waiting.shift()?.resolve(msg);
  }

  private fail(message: string) {
    const waiting = this.waiting.splice(0);
    if (waiting.length === 0) this.died(message);  // nobody is waiting: say it anyway
    for (const w of waiting) w.reject(new ReplicaLost(message));
  }
}

export class ReplicaPool {
  private replicas: Replica[] = [];

  constructor(private readonly spawn: () => Worker, private readonly died: (message: string) => void) {}

  get size(): number {
    return this.replicas.length;
  }

  heapBytes(): number[] {
    return this.replicas.map((r) => r.heapBytes);
  }

  // Exactly `count` replicas, started; extra ones end (their wasm memory with them).
  async resize(count: number): Promise<void> {
    for (const r of this.replicas.splice(count)) r.terminate();
    while (this.replicas.length < count) this.replicas.push(new Replica(this.spawn(), this.died));
    await Promise.all(this.replicas.map((r) => r.ready()));
  }

  // Every replica becomes a copy of the model in `bytes` (each gets its own copy to keep).
  async load(bytes: Uint8Array, text: string, settings: SessionSettings): Promise<void> {
    await Promise.all(this.replicas.map((r) => {
      const copy = bytes.slice().buffer;
      return r.ask({ type: 'load', bytes: copy, text, settings }, [copy]);
    }));
  }

  // Replica r + 1 of `replicas` computes its share (the coordinator is replica 0); in replica order.
  async compute(replicas: number): Promise<ReplicaShare[]> {
    const answers = await Promise.all(this.replicas.map((r, i) => r.ask({ type: 'compute', replica: i + 1, replicas })));
    return answers.map((a) => {
      if (a.type !== 'share') throw new ReplicaLost(`a training worker answered ${a.type} instead of its share`);
      return { share: a.share, gradient: a.gradient, state: a.state };
    });
  }

  // The summed step, to every replica: `fill` copies the sum into the buffer each replica's gradient came
  // in (`buffers`, in replica order), and the buffer goes back to it, so no step allocates one.
  apply(total: GradientShare, buffers: Float32Array[], fill: (into: Float32Array) => void): void {
    this.replicas.forEach((r, i) => {
      fill(buffers[i]);
      r.tell({ type: 'apply', summed: buffers[i], total }, [buffers[i].buffer]);
    });
  }

  // The coordinator's schedule took a snapshot after the step just applied: every replica takes one too.
  snapshot(): void {
    for (const r of this.replicas) r.tell({ type: 'snapshot' });
  }

  update(learningRate: number, clip: number, dropout: number): void {
    for (const r of this.replicas) r.tell({ type: 'update', learningRate, clip, dropout });
  }

  close(): void {
    this.resize(0).catch(() => {});
  }
}
