// The page's end of the worker: starts it, restarts it after a crash, numbers runs and requests, and
// drops replies about a model that has since been replaced (every reply names its run).
import type { FromWorker, ToWorker } from '../protocol';

export interface BridgeEvents {
  onMessage(msg: FromWorker): void;
  // The worker script failed to load or threw outside any request: it is gone.
  onCrash(message: string): void;
}

export class WorkerBridge {
  private worker: Worker | undefined;
  private run = 0;
  private request = 0;

  constructor(private readonly spawn: () => Worker, private readonly events: BridgeEvents) {}

  start(): void {
    const w = this.spawn();
    this.worker = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (w !== this.worker) return;  // a terminated worker's last words
      if (isCurrent(e.data, this.run)) this.events.onMessage(e.data);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (w === this.worker) this.events.onCrash(e.message || 'the training worker could not start');
    };
    w.onmessageerror = () => this.events.onCrash('a message from the training worker could not be read');
  }

  restart(): void {
    this.worker?.terminate();
    this.start();
  }

  // Ends the worker for good (a teaching view's extra models when the view closes).
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  send(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(msg, transfer);
  }

  // A new model is coming: from now on only its replies get through.
  newRun(): number {
    return ++this.run;
  }

  // Back to an earlier run (a model file that failed to load leaves the previous model in place).
  resumeRun(runId: number): void {
    this.run = runId;
  }

  get runId(): number {
    return this.run;
  }

  nextRequestId(): number {
    return ++this.request;
  }
}

// Replies about another run than the current one are stale; messages about the engine are never.
export function isCurrent(msg: FromWorker, runId: number): boolean {
  return !('runId' in msg) || msg.runId === runId;
}
