// Checkpoints kept in this browser (IndexedDB, through the small `idb` wrapper): per text, the latest
// and the best-validation model, each with its optimizer and training state so a run resumes exactly.
// The list (small) and the model bytes (megabytes) are separate stores, so listing reads no weights.
import { said, type Said } from '../../i18n';
import type { IDBPDatabase } from 'idb';
import { openPlaygroundDb, type PlaygroundDb } from './database';

export type CheckpointKind = 'latest' | 'best';

export interface CheckpointMeta {
  id: string;                 // `${textKey}:${kind}`
  textKey: string;            // textKey(text): which text the model learned
  textTitle: string;          // a preset's title or the start of the person's text
  kind: CheckpointKind;
  step: number;
  trainBits: number | null;   // smoothed training loss at the save, bits per character
  validationBits: number | null;
  validationStep: number | null;  // the step the validation loss was measured at
  cell: string;
  hiddenSize: number;
  numLayers: number;
  settings: Record<string, string | number | boolean>;
  savedAt: number;            // ms since 1970
  bytes: number;              // size of the model file
}

export class CheckpointStore {
  private constructor(private readonly db: IDBPDatabase<PlaygroundDb>) {}

  static async open(): Promise<CheckpointStore> {
    return new CheckpointStore(await openPlaygroundDb());
  }

  async put(meta: CheckpointMeta, bytes: ArrayBuffer): Promise<void> {
    const tx = this.db.transaction(['meta', 'files'], 'readwrite');
    await Promise.all([tx.objectStore('meta').put(meta), tx.objectStore('files').put({ id: meta.id, bytes }), tx.done]);
  }

  // Newest first.
  async list(): Promise<CheckpointMeta[]> {
    return (await this.db.getAll('meta')).sort((a, b) => b.savedAt - a.savedAt);
  }

  async forText(textKey: string): Promise<CheckpointMeta[]> {
    return (await this.db.getAllFromIndex('meta', 'textKey', textKey)).sort((a, b) => b.savedAt - a.savedAt);
  }

  async bytes(id: string): Promise<ArrayBuffer | null> {
    return (await this.db.get('files', id))?.bytes ?? null;
  }

  async delete(id: string): Promise<void> {
    const tx = this.db.transaction(['meta', 'files'], 'readwrite');
    await Promise.all([tx.objectStore('meta').delete(id), tx.objectStore('files').delete(id), tx.done]);
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['meta', 'files'], 'readwrite');
    await Promise.all([tx.objectStore('meta').clear(), tx.objectStore('files').clear(), tx.done]);
  }
}

// What went wrong with the browser's storage, in words a person can act on.
export function storageErrorMessage(e: unknown): Said {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return said('autosave.full');
  if (message === 'unavailable' || name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') return said('autosave.unavailable');
  return said('autosave.failed', { reason: message });
}
