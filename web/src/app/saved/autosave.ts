// Autosave: while a model trains, its latest state goes to the browser every SAVE_EVERY_MS and on
// pause; when the validation loss beats the best so far, the model is saved as the text's "best" —
// at once when paused, at most every SAVE_EVERY_MS while training (a save takes the worker away from
// training for a moment).
// The weights come from the worker as one transferred buffer and IndexedDB writes off the main thread,
// so a save costs the page a few milliseconds. One save runs at a time; what is asked for meanwhile
// runs after it.
import type { CheckpointKind, CheckpointMeta } from './checkpointStore';
import { modelFileMetadata } from './modelFile';
import type { RunEvent } from '../model/modelLifecycle';
import type { PlaygroundSnapshot } from '../playground/playground';
import { coreSettings } from '../../state/settings';

export const SAVE_EVERY_MS = 30_000;
// Larger models are not kept automatically: copying hundreds of megabytes every 30 s would stall both
// the training and the page. (Weights plus optimizer state: about 3 × 4 bytes per parameter.)
export const AUTOSAVE_MAX_BYTES = 64 << 20;

// A short, stable name for a text (53-bit cyrb53 hash and its length): checkpoints are kept per text.
export function textKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

// A lower validation loss than the best kept so far (none kept: any finite loss).
export function beatsBest(best: number | null, bits: number): boolean {
  return Number.isFinite(bits) && (best === null || bits < best);
}

export interface AutosaveStore {
  put(meta: CheckpointMeta, bytes: ArrayBuffer): Promise<void>;
  forText(textKey: string): Promise<CheckpointMeta[]>;
}

export interface AutosaveDeps {
  checkpoint(): Promise<Uint8Array>;
  snapshot(): PlaygroundSnapshot;
  textTitle(): string;
  now(): number;
  saved(meta: CheckpointMeta): void;     // for the list on screen
  failed(error: unknown): void;
  tooLarge(bytes: number): void;        // once per model
}

export class Autosave {
  private key = '';
  private bestBits: number | null = null;
  private lastSaveAt = 0;
  private lastSavedStep = -1;
  private busy = false;
  private queued: { kind: CheckpointKind; validation: { step: number; bits: number } | null }[] = [];
  private lastValidation: { step: number; bits: number } | null = null;
  private stopped = false;
  private toldTooLarge = false;
  private pendingBest: { step: number; bits: number } | null = null;
  private lastBestAt = -Infinity;

  constructor(private readonly store: AutosaveStore, private readonly deps: AutosaveDeps) {}

  async onSignal(s: RunEvent): Promise<void> {
    if (this.stopped) return;
    switch (s.type) {
      case 'model': {
        const key = textKey(this.deps.snapshot().text);
        this.lastSavedStep = s.step;  // a fresh or just-restored model: nothing new to save
        this.lastSaveAt = this.deps.now();
        this.lastValidation = null;
        this.toldTooLarge = false;
        this.pendingBest = null;
        this.lastBestAt = -Infinity;
        if (key !== this.key) {
          this.key = key;
          this.bestBits = null;
          const kept = await this.store.forText(key).catch(() => []);
          const best = kept.find((m) => m.kind === 'best');
          this.bestBits = best?.validationBits ?? null;
        }
        return;
      }
      case 'progress':
        if (this.deps.now() - this.lastSaveAt >= SAVE_EVERY_MS && s.step > this.lastSavedStep) this.request('latest', null);
        this.flushBest(false);
        return;
      case 'paused':
        if (s.step > this.lastSavedStep) this.request('latest', null);
        this.flushBest(true);
        return;
      case 'validation':
        this.lastValidation = { step: s.step, bits: s.bits };
        if (s.step > 0 && beatsBest(this.bestBits, s.bits)) {
          this.bestBits = s.bits;
          this.pendingBest = { step: s.step, bits: s.bits };
          this.flushBest(this.deps.snapshot().phase !== 'training');
        }
        return;
      default:
        return;
    }
  }

  private flushBest(now: boolean): void {
    if (!this.pendingBest || (!now && this.deps.now() - this.lastBestAt < SAVE_EVERY_MS)) return;
    this.request('best', this.pendingBest);
    this.pendingBest = null;
    this.lastBestAt = this.deps.now();
  }

  // After a storage failure (full, unavailable) autosave stops until the page reloads.
  stop(): void {
    this.stopped = true;
    this.queued = [];
  }

  private request(kind: CheckpointKind, validation: { step: number; bits: number } | null): void {
    this.queued = [...this.queued.filter((q) => q.kind !== kind), { kind, validation }];
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queued.length > 0 && !this.stopped) {
        const next = this.queued.shift()!;
        await this.saveOne(next.kind, next.validation);
      }
    } finally {
      this.busy = false;
    }
  }

  private async saveOne(kind: CheckpointKind, validation: { step: number; bits: number } | null): Promise<void> {
    const before = this.deps.snapshot();
    if (!before.summary || textKey(before.text) !== this.key) return;
    const estimate = before.summary.parameters * 12;
    if (estimate > AUTOSAVE_MAX_BYTES) {
      if (!this.toldTooLarge) this.deps.tooLarge(estimate);
      this.toldTooLarge = true;
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.deps.checkpoint();
    } catch {
      return;  // no model right now (being rebuilt): the next save will do
    }
    const s = this.deps.snapshot();
    if (textKey(s.text) !== this.key || !s.summary) return;
    const v = validation ?? this.lastValidation;
    // While training, the file is a few slices past the step shown when it was asked for: it says which.
    const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    const fileStep = Number(modelFileMetadata(buffer)?.train_step);
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    const meta: CheckpointMeta = {
      id: `${this.key}:${kind}`, textKey: this.key, textTitle: this.deps.textTitle(), kind,
      step: Number.isInteger(fileStep) ? fileStep : s.step, trainBits: finite(s.trainBits), validationBits: v ? v.bits : null, validationStep: v ? v.step : null,
      cell: s.summary.cell, hiddenSize: s.summary.hiddenSize, numLayers: s.summary.numLayers,
      settings: { ...coreSettings(s.state) }, savedAt: Date.now(), bytes: bytes.byteLength,
    };
    try {
      await this.store.put(meta, buffer);
    } catch (e) {
      this.deps.failed(e);
      return;
    }
    if (kind === 'latest') {
      this.lastSavedStep = meta.step;
      this.lastSaveAt = this.deps.now();
    }
    this.deps.saved(meta);
  }
}
