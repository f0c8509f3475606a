// The request layer: each request is a promise answered by its own reply; replies and events about a
// replaced model are dropped in the bridge and nowhere else; failures go to the caller that handles
// them or to the one error listener; a crash is heard. The worker here is the browser's Worker
// interface played by the test (a real Worker cannot run under node); the end-to-end tests drive the
// real one.
import { describe, expect, it } from 'vitest';
import { WorkerBridge } from '../../../../web/src/bridge/workerBridge';
import { RequestFailed, type FromWorker, type ToWorker } from '../../../../web/src/protocol';

class ScriptedWorker {
  sent: ToWorker[] = [];
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(msg: FromWorker): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }
  lastRequest(): Extract<ToWorker, { type: 'request' }> {
    const r = [...this.sent].reverse().find((m) => m.type === 'request');
    if (!r || r.type !== 'request') throw new Error('no request sent');
    return r;
  }
}

function setup() {
  const workers: ScriptedWorker[] = [];
  const bridge = new WorkerBridge(() => {
    const w = new ScriptedWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  bridge.start();
  return { bridge, worker: () => workers[workers.length - 1], workers };
}
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('worker bridge', () => {
  it('answers each request with its own reply', async () => {
    const { bridge, worker } = setup();
    const a = bridge.request('validate', { maxChars: 10 });
    const idA = worker().lastRequest().id;
    const b = bridge.request('sample', { prime: '', length: 5, temperature: 1, topK: 0, seed: 1 });
    const idB = worker().lastRequest().id;
    worker().say({ type: 'reply', id: idB, run: 0, ok: true, reply: { step: 3, text: 'hello', millis: 2 } });
    worker().say({ type: 'reply', id: idA, run: 0, ok: true, reply: { step: 3, loss: 1, bitsPerChar: 1.4, predictions: 9, millis: 1 } });
    expect(await b).toMatchObject({ text: 'hello' });
    expect(await a).toMatchObject({ bitsPerChar: 1.4 });
  });

  it('drops replies about an earlier run but never engine messages', async () => {
    const { bridge, worker } = setup();
    const events: string[] = [];
    bridge.on('paused', (e) => events.push(`paused ${e.step}`));
    bridge.on('ready', () => events.push('ready'));
    let answered = false;
    void bridge.request('validate', { maxChars: 10 }).then(() => (answered = true));
    const old = worker().lastRequest();
    expect(bridge.newRun()).toBe(1);
    worker().say({ type: 'reply', id: old.id, run: old.run, ok: true, reply: { step: 1, loss: 1, bitsPerChar: 1, predictions: 1, millis: 1 } });
    worker().say({ type: 'event', event: { type: 'paused', run: 0, step: 5 } });
    worker().say({ type: 'event', event: { type: 'paused', run: 1, step: 6 } });
    worker().say({ type: 'event', event: { type: 'ready', simd: 'wasm-simd128', heapBytes: 1 } });
    await settled();
    expect(answered).toBe(false);
    expect(events).toEqual(['paused 6', 'ready']);
    bridge.resumeRun(0);  // a model file that failed to open: the old run is current again
    worker().say({ type: 'event', event: { type: 'paused', run: 0, step: 7 } });
    expect(events).toEqual(['paused 6', 'ready', 'paused 7']);
  });

  it('sends a failure to the caller that handles it, or else to the one error listener', async () => {
    const { bridge, worker } = setup();
    const heard: string[] = [];
    bridge.onRequestError((kind, e) => heard.push(`${kind}: ${e.message}`));
    const handled = bridge.request('save', { withOptimizer: true }, { handleErrors: true });
    worker().say({ type: 'reply', id: worker().lastRequest().id, run: 0, ok: false, error: { message: 'out of memory' } });
    await expect(handled).rejects.toBeInstanceOf(RequestFailed);
    await expect(handled).rejects.toThrow('out of memory');
    void bridge.request('probe', { text: 'x', temperature: 1 });
    worker().say({ type: 'reply', id: worker().lastRequest().id, run: 0, ok: false, error: { message: 'no model yet' } });
    expect(heard).toEqual(['probe: no model yet']);
  });

  it('hears a crash, and callers waiting for an answer hear that none will come', async () => {
    const { bridge, worker, workers } = setup();
    const crashes: string[] = [];
    bridge.onCrash((m) => crashes.push(m));
    const waiting = bridge.request('save', { withOptimizer: true }, { handleErrors: true });
    worker().say({ type: 'event', event: { type: 'fatal', message: 'the WebAssembly module crashed' } });
    await expect(waiting).rejects.toThrow('crashed');
    expect(crashes).toEqual(['the WebAssembly module crashed']);
    bridge.restart();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    bridge.command('train');
    expect(workers[1].sent).toEqual([{ type: 'command', command: 'train' }]);
  });
});
