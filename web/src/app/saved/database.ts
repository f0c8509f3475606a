// The page's one IndexedDB database: the saved models (a small list and the model bytes, apart so
// listing reads no weights) and the runs table. One definition, so every store opens the same version.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CheckpointMeta } from './checkpointStore';
import type { RunRecord } from '../runs/runRecord';

export interface PlaygroundDb extends DBSchema {
  meta: { key: string; value: CheckpointMeta; indexes: { textKey: string } };
  files: { key: string; value: { id: string; bytes: ArrayBuffer } };
  runs: { key: string; value: RunRecord };  // version 2
}

export const DB_NAME = 'charrnn-playground';
const VERSION = 2;

let opened: Promise<IDBPDatabase<PlaygroundDb>> | null = null;

// Opened once per page; every store shares the connection.
export function openPlaygroundDb(): Promise<IDBPDatabase<PlaygroundDb>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('unavailable'));
  opened ??= openDB<PlaygroundDb>(DB_NAME, VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('meta', { keyPath: 'id' }).createIndex('textKey', 'textKey');
        d.createObjectStore('files', { keyPath: 'id' });
      }
      if (oldVersion < 2) d.createObjectStore('runs', { keyPath: 'id' });
    },
    // A newer page in another tab needs a newer version: let it upgrade rather than wait for this one.
    blocking() {
      const closing = opened;
      opened = null;
      void closing?.then((db) => db.close());
    },
  });
  return opened;
}
