// A first page: loads the wasm module in the worker, trains on the text and shows the loss.
import type { FromWorker, Settings, ToWorker } from './protocol';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const text = $<HTMLTextAreaElement>('text');
const button = $<HTMLButtonElement>('train');
const status = $<HTMLSpanElement>('status');
const loss = $<HTMLOutputElement>('loss');

const settings: Settings = {
  cell: 'lstm', hiddenSize: 64, numLayers: 1, forgetBiasOne: false, valFrac: 0.1, seqLen: 32, batch: 16,
  optimizer: 'adam', learningRate: 3e-3, clip: 5, dropout: 0, seed: 1,
};
text.value = 'the quick brown fox jumps over the lazy dog. '.repeat(60);

const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
const send = (msg: ToWorker) => worker.postMessage(msg);
let runId = 0;
let training = false;

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const msg = event.data;
  if ('runId' in msg && msg.runId !== runId && msg.type !== 'error') return;  // about a replaced model
  switch (msg.type) {
    case 'ready':
      button.disabled = false;
      button.textContent = 'Train';
      status.textContent = `ready (${msg.simd})`;
      break;
    case 'created':
      status.textContent = `${msg.summary.characters} characters, vocabulary ${msg.summary.vocab.length}`;
      send({ type: 'train' });
      break;
    case 'progress': {
      const l = msg.progress.losses;
      if (l.length > 0) loss.textContent = `${(l[l.length - 1] / Math.LN2).toFixed(3)} bits/char at step ${msg.progress.step}`;
      break;
    }
    case 'error':
    case 'fatal':
      status.textContent = msg.message;
      training = false;
      button.textContent = 'Train';
      break;
    default:
      break;
  }
};

button.onclick = () => {
  if (training) {
    send({ type: 'pause' });
    training = false;
    button.textContent = 'Train';
    return;
  }
  training = true;
  button.textContent = 'Pause';
  send({ type: 'create', runId: ++runId, text: text.value, settings });
};
