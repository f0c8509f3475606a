// The runs table in this browser: beside the saved models in the page's IndexedDB database, the newest
// KEEP_RUNS kept (each a few kilobytes: its curves are thinned).
import type { IDBPDatabase } from 'idb';
import { openPlaygroundDb, type PlaygroundDb } from '../saved/database';
import { KEEP_RUNS, beyondNewest, type RunRecord } from './runRecord';

export class RunStore {
  private constructor(private readonly db: IDBPDatabase<PlaygroundDb>) {}

  static async open(): Promise<RunStore> {
    return new RunStore(await openPlaygroundDb());
  }

  // Puts the run in and deletes the oldest beyond KEEP_RUNS, in one transaction.
  async put(record: RunRecord): Promise<void> {
    const tx = this.db.transaction('runs', 'readwrite');
    const runs = tx.objectStore('runs');
    await runs.put(record);
    const kept = (await runs.getAll()).map((r) => ({ id: r.id, startedAt: r.startedAt }));
    await Promise.all([...beyondNewest(kept, KEEP_RUNS).map((id) => runs.delete(id)), tx.done]);
  }

  // Newest first.
  async list(): Promise<RunRecord[]> {
    return (await this.db.getAll('runs')).sort((a, b) => b.startedAt - a.startedAt);
  }

  async clear(): Promise<void> {
    await this.db.clear('runs');
  }
}
