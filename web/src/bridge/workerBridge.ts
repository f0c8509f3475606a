// The page's end of the training worker: starts it (again after a crash), sends commands, turns each
// request into a promise keyed by its id, and hands out the worker's events by type. Runs: after
// newRun(), replies and events about earlier models are dropped here — the one place that knows about
// staleness. A request whose run was replaced never settles; it is forgotten, so nothing waits on it.
import {
  RequestFailed, type CommandKind, type FromWorker, type ReplyOf, type RequestKind, type RequestOf, type RequestOptions,
  type ToWorker, type WorkerError, type WorkerEvent,
} from '../protocol';
import { Emitter } from '../util/emitter';

interface Pending {
  kind: RequestKind;
  run: number;
  resolve(reply: unknown): void;
  reject(e: RequestFailed): void;
  handleErrors: boolean;
}

export class WorkerBridge {
  private worker: Worker | undefined;
  private runId = 0;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly events = new Emitter<WorkerEvent>();
  private readonly crashes = new Set<(message: string) => void>();
  private readonly errors = new Set<(kind: RequestKind, error: WorkerError) => void>();

  constructor(private readonly spawn: () => Worker) {}

  start(): void {
    const w = this.spawn();
    this.worker = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (w === this.worker) this.receive(e.data);  // else: a terminated worker's last words
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (w === this.worker) this.crashed(e.message || 'the training worker could not start');
    };
    w.onmessageerror = () => this.crashed('a message from the training worker could not be read');
  }

  restart(): void {
    this.worker?.terminate();
    this.abandonPending('the engine was restarted');
    this.start();
  }

  // Ends the worker for good (a teaching view's extra models when the view closes).
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.abandonPending('the engine was stopped');
  }

  // A new model is coming: from now on only its replies and events get through.
  newRun(): number {
    this.forgetOtherRuns(++this.runId);
    return this.runId;
  }

  // Back to an earlier run (a model file that failed to load leaves the previous model in place).
  resumeRun(run: number): void {
    this.runId = run;
    this.forgetOtherRuns(run);
  }

  get run(): number {
    return this.runId;
  }

  command(command: CommandKind): void {
    this.post({ type: 'command', command });
  }

  request<K extends RequestKind>(kind: K, payload: RequestOf<K>, options: RequestOptions = {}): Promise<ReplyOf<K>> {
    const id = ++this.nextId;
    const run = this.runId;
    return new Promise<ReplyOf<K>>((resolve, reject) => {
      this.pending.set(id, { kind, run, resolve: resolve as (r: unknown) => void, reject, handleErrors: options.handleErrors ?? false });
      this.post({ type: 'request', kind, id, run, payload } as ToWorker, options.transfer);
    });
  }

  on<T extends WorkerEvent['type']>(type: T, listener: (event: Extract<WorkerEvent, { type: T }>) => void): () => void {
    return this.events.on(type, listener);
  }

  // The worker script failed to load, threw outside any request, or its module aborted.
  onCrash(listener: (message: string) => void): () => void {
    this.crashes.add(listener);
    return () => this.crashes.delete(listener);
  }

  // Failed requests whose caller did not ask to handle failures: the page's one place for them.
  onRequestError(listener: (kind: RequestKind, error: WorkerError) => void): () => void {
    this.errors.add(listener);
    return () => this.errors.delete(listener);
  }

  private post(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(msg, transfer);
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'event') {
      const e = msg.event;
      if (e.type === 'fatal') return this.crashed(e.message);
      if ('run' in e && e.run !== this.runId) return;  // about a replaced model
      return this.events.emit(e);
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.run !== this.runId) return;
    if (msg.ok) return p.resolve(msg.reply);
    if (p.handleErrors) return p.reject(new RequestFailed(p.kind, msg.error));
    for (const listener of this.errors) listener(p.kind, msg.error);
  }

  private crashed(message: string): void {
    this.abandonPending(message);
    for (const listener of this.crashes) listener(message);
  }

  // No answer will come: callers that wait for one hear why; the other requests just end.
  private abandonPending(message: string): void {
    for (const p of this.pending.values()) if (p.handleErrors) p.reject(new RequestFailed(p.kind, { message }));
    this.pending.clear();
  }

  private forgetOtherRuns(run: number): void {
    for (const [id, p] of this.pending) if (p.run !== run) this.pending.delete(id);
  }
}
