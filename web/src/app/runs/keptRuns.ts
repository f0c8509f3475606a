// The runs of this browser, wired to the page: the recorder follows the run's events, the store keeps
// the newest runs beside the saved models (and is cleared with them), and the Runs dialog lists them and
// draws the pinned ones together. A lesson that hides the saves (hide=saves: no autosave) keeps no
// runs either, since they are kept with the saves; its page has no Runs button (ui/lesson).
import { onLanguageChange, type Said } from '../../i18n';
import { coreSettings } from '../../state/settings';
import { MAX_PINNED, type RunsDialog } from '../../ui/runs/runsDialog';
import type { RunEvent } from '../model/modelLifecycle';
import type { Playground } from '../playground/playground';
import { storageErrorMessage } from '../saved/checkpointStore';
import { nextRunNumber, withRun, type RunRecord } from './runRecord';
import { RunRecorder } from './runRecorder';
import { RunStore } from './runStore';

export class KeptRuns {
  private readonly store: Promise<RunStore> = RunStore.open();
  private readonly recorder: RunRecorder;
  private runs: RunRecord[] = [];
  private pinned: string[] = [];
  private failure: Said | null = null;
  private dialog: RunsDialog | null = null;
  // Reads and writes one after another, the list read first: a run's number follows the ones kept.
  private queue: Promise<void>;

  constructor(app: Playground, private readonly enabled: boolean) {
    this.queue = this.store.then(async (s) => {
      this.runs = await s.list();
    }).catch((e) => this.failed(e));
    this.recorder = new RunRecorder({
      settings: () => ({ ...coreSettings(app.store.state) }),
      now: () => performance.now(),
      date: () => Date.now(),
      save: (record) => this.keep(record),
    });
  }

  attach(dialog: RunsDialog): void {
    this.dialog = dialog;
    onLanguageChange(() => this.refresh());
  }

  signal(s: RunEvent): void {
    if (this.enabled) this.recorder.onSignal(s);
  }

  open(): void {
    this.recorder.flush();  // the table shows the run training now as it is
    this.dialog?.open();
    void this.queue.then(() => this.refresh());
  }

  pin(id: string, on: boolean): void {
    this.pinned = on ? [...this.pinned.filter((p) => p !== id), id].slice(-MAX_PINNED) : this.pinned.filter((p) => p !== id);
    this.refresh();
  }

  // With the saved models ("Delete all"): every run, the one training now included, is forgotten.
  async clear(): Promise<void> {
    this.recorder.forget();
    this.runs = [];
    this.pinned = [];
    this.queue = this.queue.then(async () => (await this.store).clear()).catch((e) => this.failed(e));
    await this.queue;
    this.refresh();
  }

  private keep(record: RunRecord): void {
    this.queue = this.queue.then(async () => {
      const current = this.recorder.current;
      if (!record.number) record.number = this.runs.find((r) => r.id === record.id)?.number ?? nextRunNumber(this.runs);
      if (current?.id === record.id) current.number = record.number;
      this.runs = withRun(this.runs, record);
      this.pinned = this.pinned.filter((id) => this.runs.some((r) => r.id === id));
      this.refresh();
      if (!this.failure) await (await this.store).put(record);
    }).catch((e) => this.failed(e));
  }

  // Without storage the table still lists this page's runs, and says why they are not kept.
  private failed(e: unknown): void {
    this.failure = storageErrorMessage(e);
    this.refresh();
  }

  private refresh(): void {
    if (!this.dialog?.isOpen) return;
    this.dialog.render({ runs: this.runs, pinned: this.pinned, currentId: this.recorder.current?.id ?? null, message: this.failure });
  }
}
