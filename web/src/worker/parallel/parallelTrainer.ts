// Data-parallel training, coordinated by the playground's worker (issue 15). The worker's own model is
// replica 0; N − 1 replica workers hold copies. Every step, each computes the gradient of its share of
// the batch's streams; the coordinator adds the others' to its own in replica order (in wasm memory),
// sends the sum to every replica, and all apply it at once, so all stay identical. The coordinator's
// apply keeps the divergence watch and the snapshot schedule; the replicas follow its snapshots.
// Gradients travel as transferable ArrayBuffers: no SharedArrayBuffer, no COOP/COEP headers. Each
// replica's buffer goes back and forth (its gradient out, the sum back), so no step allocates one.
//
// Why the worker coordinates rather than the page: the page would sum N gradients of up to a few million
// floats on its main thread every step and hold a second copy of the protocol; here the page's side is
// unchanged (one worker, one model, the teaching views ask it as before), the summing happens off the
// main thread, and the coordinator's share of the compute overlaps the replicas' (it computes while they
// do). workers = 1 never gets here: it is the single-process path, untouched.
import type { CoreModule, Session, SessionSettings, TrainSlice } from '../../../generated/core.mjs';
import { addShare, shareCounts } from './replicaProtocol';
import { ReplicaLost, ReplicaPool } from './replicaPool';

// The coordinator's model as this module needs it: replaced by a fresh copy of itself when the replicas
// are made (so that all, coordinator included, start from the same file with the same divergence watch).
export interface CoordinatedModel {
  session: Session;
  text: string;
  settings: SessionSettings;
}

function succeeded(r: { ok: true } | { ok: false; error: string }): void {
  if (!r.ok) throw new Error(r.error);
}

// Several one-step reports as one slice's.
function merged(steps: TrainSlice[]): TrainSlice {
  const last = steps[steps.length - 1];
  const sum = (f: (s: TrainSlice) => number) => steps.reduce((a, s) => a + f(s), 0);
  const floats = (f: (s: TrainSlice) => Float32Array) => Float32Array.from(steps.flatMap((s) => [...f(s)]));
  return {
    losses: floats((s) => s.losses), gradNorms: floats((s) => s.gradNorms), clipped: sum((s) => s.clipped), characters: sum((s) => s.characters),
    scored: sum((s) => s.scored), correct: sum((s) => s.correct), truePositive: sum((s) => s.truePositive),
    falsePositive: sum((s) => s.falsePositive), falseNegative: sum((s) => s.falseNegative),
    step: last.step, snapshotTaken: steps.some((s) => s.snapshotTaken), stop: last.stop,
  };
}

export class ParallelTrainer {
  private wanted = 1;
  private synced = false;
  private readonly pool: ReplicaPool;

  // lost: a replica stopped (`message` says why); training goes on with `workers`, one fewer.
  constructor(private readonly core: () => CoreModule, spawn: () => Worker, private readonly lost: (message: string, workers: number) => void) {
    this.pool = new ReplicaPool(spawn, (message) => this.replicaLost(message));
  }

  get workers(): number {
    return this.wanted;
  }

  get active(): boolean {
    return this.wanted > 1;
  }

  // Each worker's wasm heap: the coordinator's first.
  heapBytes(): number[] {
    return [this.core().heapSize(), ...(this.active ? this.pool.heapBytes() : [])];
  }

  setWorkers(count: number): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`the number of workers must be a whole number from 1, not ${count}`);
    if (count === this.wanted) return;
    this.wanted = count;
    this.synced = false;
    if (count === 1) this.pool.close();
  }

  // The model changed under the replicas (a new model, a file, new training settings): copy it again.
  invalidate(): void {
    this.synced = false;
  }

  update(learningRate: number, clip: number, dropout: number): void {
    if (this.synced) this.pool.update(learningRate, clip, dropout);
  }

  // Steps over all workers until maxSteps are done, maxMillis have passed (at least one step), the run
  // stops by itself, or `goOn` says no (requests are waiting); the coordinator's report of them, as one
  // slice, so the page hears of a small model's many short steps no more often than of a slice. With no
  // step done: null when a replica was lost (said through `lost`; the next slice goes on without it).
  async slice(m: CoordinatedModel, maxSteps: number, maxMillis: number, goOn: () => boolean): Promise<TrainSlice | null> {
    const steps: TrainSlice[] = [];
    try {
      if (!this.synced) await this.sync(m);
      const started = performance.now();
      do steps.push(await this.sharedStep(m));
      while (!steps[steps.length - 1].stop && steps.length < maxSteps && performance.now() - started < maxMillis && goOn());
    } catch (e) {
      // Whatever went wrong, new replicas are made before the next step. A lost replica costs the step
      // in flight only: the coordinator applies a step once every share is in, so its model (weights,
      // optimizer, every finished step) is whole; that step's window of text is skipped.
      if (!(e instanceof ReplicaLost)) {
        this.synced = false;
        this.pool.close();
        throw e;
      }
      this.replicaLost(e.message);
    }
    return steps.length > 0 ? merged(steps) : null;
  }

  // One fewer worker from now on (what stopped one may stop the next: memory, a crash), fresh replicas.
  private replicaLost(message: string): void {
    this.synced = false;
    this.pool.close();
    this.wanted = Math.max(1, this.wanted - 1);
    this.lost(message, this.wanted);
  }

  private async sharedStep(m: CoordinatedModel): Promise<TrainSlice> {
    const n = this.pool.size + 1;
    const started = performance.now();
    const others = this.pool.compute(n);  // the replicas start; the coordinator computes its share meanwhile
    const own = m.session.computeGradients(0, n);
    const shares = await others;
    if (!own.ok) throw new Error(own.error);
    const total = shareCounts(own);
    shares.forEach((s, i) => {
      succeeded(m.session.addGradient(s.gradient));  // in replica order: the same sum on every run
      addShare(total, s.share);
      succeeded(m.session.setStreamState(i + 1, n, s.state));  // every stream's state, for an exact save
    });
    // The replicas apply the sum while the coordinator applies it too (its apply may clip the gradient
    // in place, so the sum leaves first).
    this.pool.apply(total, shares.map((s) => s.gradient), (into) => succeeded(m.session.copyGradient(into)));
    const r = m.session.applyGradients(total, performance.now() - started, 'bySchedule');
    if (!r.ok) throw new Error(r.error);
    if (r.snapshotTaken) this.pool.snapshot();
    return r;
  }

  private async sync(m: CoordinatedModel): Promise<void> {
    const saved = m.session.save(true);
    if (!saved.ok) throw new Error(saved.error);
    const fresh = new (this.core().Session)();
    const r = fresh.load(saved.bytes, m.text, m.settings, true);
    if (!r.ok || !r.resumedExactly) {
      fresh.delete();
      throw new Error(r.ok ? 'the run could not be copied to the training workers exactly' : r.error);
    }
    m.session.delete();
    m.session = fresh;
    await this.pool.resize(this.wanted - 1);
    await this.pool.load(saved.bytes, m.text, m.settings);
    this.synced = true;
  }
}
