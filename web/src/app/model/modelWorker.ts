// What the page needs of the training worker (bridge/workerBridge.ts is the real one): typed requests
// that resolve with their reply, fire-and-forget commands, the worker's events, and run scoping — after
// newRun(), replies and events about an older model never arrive.
import type { CommandKind, ReplyOf, RequestKind, RequestOf, RequestOptions, WorkerError, WorkerEvent } from '../../protocol';

export interface ModelWorker {
  request<K extends RequestKind>(kind: K, payload: RequestOf<K>, options?: RequestOptions): Promise<ReplyOf<K>>;
  command(command: CommandKind): void;
  on<T extends WorkerEvent['type']>(type: T, listener: (event: Extract<WorkerEvent, { type: T }>) => void): () => void;
  onCrash(listener: (message: string) => void): () => void;
  onRequestError(listener: (kind: RequestKind, error: WorkerError) => void): () => void;
  newRun(): number;
  resumeRun(run: number): void;
  readonly run: number;
  restart(): void;
}
