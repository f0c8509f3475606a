// The training worker that boot.ts starts before the page listens: what it says meanwhile reaches the
// bridge in order once the bridge starts, an error it hits meanwhile becomes the bridge's crash (and not
// the window's), and only the first start takes it. The Worker here is played by the test, as a browser's
// Worker behaves (a real Worker cannot run under node); the end-to-end tests drive the real one.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnTrainingWorker, startTrainingWorkerEarly, takeEarlyTrainingWorker } from '../../../../web/src/bridge/trainingWorker';
import { WorkerBridge } from '../../../../web/src/bridge/workerBridge';
import type { FromWorker, ToWorker } from '../../../../web/src/protocol';

// A browser's Worker: an EventTarget whose on… handler properties hear what its listeners hear.
class PlayedWorker extends EventTarget {
  static started: PlayedWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: ((e: Event) => void) | null = null;
  sent: ToWorker[] = [];
  constructor(readonly url: URL) {
    super();
    PlayedWorker.started.push(this);
  }
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
  }
  terminate(): void {}
  say(data: FromWorker): void {
    const e = new MessageEvent('message', { data });
    this.dispatchEvent(e);
    this.onmessage?.(e);
  }
  fail(message: string): Event {
    const e = Object.assign(new Event('error', { cancelable: true }), { message });
    this.dispatchEvent(e);
    this.onerror?.(e);
    return e;
  }
}

const realWorker = globalThis.Worker;
function playWorkers(): void {
  PlayedWorker.started = [];
  globalThis.Worker = PlayedWorker as unknown as typeof Worker;
}
afterEach(() => {
  globalThis.Worker = realWorker;
  takeEarlyTrainingWorker();  // nothing left over for the next test
});

describe('the training worker started early', () => {
  it('hands the bridge what it said before the bridge listened, in order, then goes on live', () => {
    playWorkers();
    startTrainingWorkerEarly();
    const [early] = PlayedWorker.started;
    expect(early.url.pathname).toMatch(/worker\/worker\.ts$/);
    early.say({ type: 'event', event: { type: 'ready', simd: 'wasm-simd128', heapBytes: 1 } });
    early.say({ type: 'event', event: { type: 'fatal', message: 'first words were lost' } });

    const bridge = new WorkerBridge(spawnTrainingWorker, takeEarlyTrainingWorker());
    const heard: string[] = [];
    bridge.on('ready', (e) => heard.push(`ready ${e.heapBytes}`));
    bridge.onCrash((m) => heard.push(`crash: ${m}`));
    bridge.start();
    expect(PlayedWorker.started).toHaveLength(1);  // no second worker: the early one is the bridge's
    expect(heard).toEqual(['ready 1', 'crash: first words were lost']);

    early.say({ type: 'event', event: { type: 'ready', simd: 'wasm-simd128', heapBytes: 2 } });
    expect(heard).toEqual(['ready 1', 'crash: first words were lost', 'ready 2']);  // once each, not held again
    bridge.command('train');
    expect(early.sent).toEqual([{ type: 'command', command: 'train' }]);
  });

  it('keeps an error from the window until the bridge reports it as a crash', () => {
    playWorkers();
    startTrainingWorkerEarly();
    const error = PlayedWorker.started[0].fail('the module script did not load');
    expect(error.defaultPrevented).toBe(true);
    const bridge = new WorkerBridge(spawnTrainingWorker, takeEarlyTrainingWorker());
    const crashes: string[] = [];
    bridge.onCrash((m) => crashes.push(m));
    bridge.start();
    expect(crashes).toEqual(['the module script did not load']);
  });

  it('is taken once: a restart, and every other model, starts a fresh worker', () => {
    playWorkers();
    startTrainingWorkerEarly();
    const bridge = new WorkerBridge(spawnTrainingWorker, takeEarlyTrainingWorker());
    expect(takeEarlyTrainingWorker()).toBeUndefined();
    bridge.start();
    bridge.restart();
    expect(PlayedWorker.started).toHaveLength(2);
    bridge.command('pause');
    expect(PlayedWorker.started[1].sent).toEqual([{ type: 'command', command: 'pause' }]);
    expect(PlayedWorker.started[0].sent).toEqual([]);
  });
});
