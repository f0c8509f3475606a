// Models kept in this browser, wired to the page: autosave follows the run's events, the
// Saved dialog lists, restores and deletes, and after a reload a notice offers to continue the model
// of the text the page opened with.
import { formatDateTime } from '../../format';
import { hasMessage, onLanguageChange, said, t, tDynamic, type Said } from '../../i18n';
import { presetById } from '../../presets';
import type { SavesDialog } from '../../ui/saves/savesDialog';
import { Autosave, textKey } from './autosave';
import { CheckpointStore, storageErrorMessage, type CheckpointMeta } from './checkpointStore';
import type { RunEvent } from '../model/modelLifecycle';
import type { Playground } from '../playground/playground';

export class SavedModels {
  private readonly store: Promise<CheckpointStore> = CheckpointStore.open();
  private readonly autosave: Autosave;
  private failure: Said | null = null;
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
          id: 'autosave', tone: 'info', title: said('autosave.tooLargeTitle'),
          body: [said('autosave.tooLarge', { megabytes: Math.round(bytes / (1 << 20)) })],
          actions: [], dismissible: true,
        }),
        failed: (e) => {
          this.autosave.stop();
          this.failure = storageErrorMessage(e);
          app.showNotice({ id: 'autosave', tone: 'warning', title: said('autosave.failedTitle'), body: [this.failure], actions: [], dismissible: true });
        },
      },
    );
  }

  attach(dialog: SavesDialog): void {
    this.dialog = dialog;
    onLanguageChange(() => {
      if (dialog.isOpen) void this.refresh();
    });
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
        this.failure = said('autosave.gone');
        return void this.refresh();
      }
      this.dialog?.close();
      this.app.openModelBytes(t(meta.kind === 'best' ? 'autosave.restoredBest' : 'autosave.restoredLatest', { step: meta.step }), bytes);
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
    const shown = items.map((m) => ({ ...m, textTitle: savedTextTitle(m.textTitle) }));
    this.dialog?.render({ items: shown, currentTextKey: textKey(this.app.snapshot().text), message: this.failure, busy: false });
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
    const describe = (m: CheckpointMeta, which: 'Latest' | 'Best'): Said => {
      const facts = { step: m.step, date: formatDateTime(m.savedAt) };
      return m.validationBits === null
        ? said(`autosave.offer${which}`, facts)
        : said(`autosave.offer${which}Validation`, { ...facts, bits: m.validationBits.toFixed(3) });
    };
    this.app.showNotice({
      id: 'autosave-restore', tone: 'info', title: said('autosave.offerTitle'),
      body: [...(latest ? [describe(latest, 'Latest')] : []), ...(best ? [describe(best, 'Best')] : [])],
      actions: [
        ...(latest ? [{ id: `restore:${latest.id}`, label: said('autosave.continueLatest'), primary: true }] : []),
        ...(best ? [{ id: `restore:${best.id}`, label: said('autosave.continueBest') }] : []),
        { id: 'saves', label: said('autosave.openList') },
      ],
      dismissible: true,
    });
  }

  // What the list calls the text, kept in a form any language can say (savedTextTitle).
  private textTitle(): string {
    const snap = this.app.snapshot();
    const preset = presetById(snap.state.preset);
    if (preset) return `preset:${preset.id}`;
    const start = [...snap.text.replace(/\s+/g, ' ').trim()].slice(0, 40).join('');
    return `text:${start}${[...snap.text].length > 40 ? '…' : ''}`;
  }
}

// A kept text title in the page's language: "preset:story" → the preset's name, "text:Once…" → "Your
// text: “Once…”"; titles kept before the page spoke two languages are English already.
export function savedTextTitle(kept: string): string {
  const preset = `preset.${kept.slice('preset:'.length)}`;
  if (kept.startsWith('preset:') && hasMessage(preset)) return tDynamic(preset);
  if (kept.startsWith('text:')) return t('autosave.ownText', { start: kept.slice('text:'.length) });
  return kept;
}
