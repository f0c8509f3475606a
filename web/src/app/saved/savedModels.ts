// Models kept in this browser, wired to the page: autosave follows the run's events, the
// Saved dialog lists, restores and deletes, and after a reload a notice offers to continue the model
// of the text the page opened with.
import { presetById } from '../../presets';
import type { SavesDialog } from '../../ui/saves/savesDialog';
import { Autosave, textKey } from './autosave';
import { CheckpointStore, storageErrorMessage, type CheckpointMeta } from './checkpointStore';
import type { RunEvent } from '../model/modelLifecycle';
import type { Playground } from '../playground/playground';

export class SavedModels {
  private readonly store: Promise<CheckpointStore> = CheckpointStore.open();
  private readonly autosave: Autosave;
  private failure: string | null = null;
  private offered = false;
  private dialog: SavesDialog | null = null;

  constructor(private readonly app: Playground, private readonly enabled: boolean) {
    this.store.catch(() => undefined);  // each use says what went wrong
    this.autosave = new Autosave(
      {
        put: async (meta, bytes) => (await this.store).put(meta, bytes),
        forText: async (key) => (await this.store).forText(key),
      },
      {
        checkpoint: () => app.checkpoint(),
        snapshot: () => app.snapshot(),
        textTitle: () => this.textTitle(),
        now: () => performance.now(),
        saved: () => {
          if (this.dialog?.isOpen) void this.refresh();
        },
        tooLarge: (bytes) => app.showNotice({
          id: 'autosave', tone: 'info', title: 'Not saved in the browser automatically',
          body: `This model is large (about ${Math.round(bytes / (1 << 20))} MB with its optimizer state), too large to keep every 30 seconds. Use Download model to keep it.`,
          actions: [], dismissible: true,
        }),
        failed: (e) => {
          this.autosave.stop();
          this.failure = storageErrorMessage(e);
          app.showNotice({ id: 'autosave', tone: 'warning', title: 'Not saved in the browser', body: this.failure, actions: [], dismissible: true });
        },
      },
    );
  }

  attach(dialog: SavesDialog): void {
    this.dialog = dialog;
  }

  signal(s: RunEvent): void {
    if (!this.enabled) return;
    if (s.type === 'restarted') {
      this.offered = false;  // the crash took the model: offer what was kept, as after a reload
      return;
    }
    void this.autosave.onSignal(s);
    if (s.type === 'model' && s.file === null && !this.offered) {
      this.offered = true;
      void this.offerRestore();
    }
  }

  open(): void {
    this.dialog?.open();
    void this.refresh();
  }

  async restore(id: string): Promise<void> {
    try {
      const store = await this.store;
      const meta = (await store.list()).find((m) => m.id === id);
      const bytes = await store.bytes(id);
      if (!meta || !bytes) {
        this.failure = 'That saved model is gone (deleted in another tab?).';
        return void this.refresh();
      }
      this.dialog?.close();
      this.app.openModelBytes(`${meta.kind} saved model (step ${meta.step})`, bytes);
    } catch (e) {
      this.failure = storageErrorMessage(e);
      void this.refresh();
    }
  }

  async delete(id: string | null): Promise<void> {
    try {
      const store = await this.store;
      await (id === null ? store.clear() : store.delete(id));
    } catch (e) {
      this.failure = storageErrorMessage(e);
    }
    await this.refresh();
  }

  // A button of the notice this offers (restore one, or open the list); false for anyone else's.
  action(actionId: string): boolean {
    if (actionId.startsWith('restore:')) void this.restore(actionId.slice('restore:'.length));
    else if (actionId === 'saves') this.open();
    else return false;
    return true;
  }

  private async refresh(): Promise<void> {
    let items: CheckpointMeta[] = [];
    try {
      items = await (await this.store).list();
    } catch (e) {
      this.failure = storageErrorMessage(e);
    }
    this.dialog?.render({ items, currentTextKey: textKey(this.app.snapshot().text), message: this.failure, busy: false });
  }

  // After a reload: a model of this text was kept before; offer to continue it.
  private async offerRestore(): Promise<void> {
    let kept: CheckpointMeta[];
    try {
      kept = (await (await this.store).forText(textKey(this.app.snapshot().text))).filter((m) => m.step > 0);
    } catch {
      return;  // no storage: nothing to offer (a save attempt says so)
    }
    if (kept.length === 0 || this.app.snapshot().step > 0) return;
    const latest = kept.find((m) => m.kind === 'latest');
    const best = kept.find((m) => m.kind === 'best');
    const describe = (m: CheckpointMeta) =>
      `step ${m.step.toLocaleString('en-US')}${m.validationBits !== null ? `, validation ${m.validationBits.toFixed(3)} bits/char` : ''}, saved ${new Date(m.savedAt).toLocaleString()}`;
    this.app.showNotice({
      id: 'autosave-restore', tone: 'info', title: 'This browser kept a model of this text',
      body: [latest ? `Latest: ${describe(latest)}.` : '', best ? `Best: ${describe(best)}.` : ''].filter(Boolean).join(' '),
      actions: [
        ...(latest ? [{ id: `restore:${latest.id}`, label: 'Continue the latest', primary: true }] : []),
        ...(best ? [{ id: `restore:${best.id}`, label: 'Continue the best' }] : []),
        { id: 'saves', label: 'Saved models…' },
      ],
      dismissible: true,
    });
  }

  private textTitle(): string {
    const snap = this.app.snapshot();
    const preset = presetById(snap.state.preset);
    if (preset) return preset.title;
    const start = [...snap.text.replace(/\s+/g, ' ').trim()].slice(0, 40).join('');
    return `Your text: “${start}${[...snap.text].length > 40 ? '…' : ''}”`;
  }
}
