// The text on the page: typed (a fresh model follows once typing pauses, if nothing learned would be
// lost), pasted or dropped, applied or reverted, or a preset chosen (its text fetched the first time).
import { t, tDynamic, type MessageKey } from '../../i18n';
import { CUSTOM, loadedPresetText, loadPresetText, presetById } from '../../presets';
import { suggestedTexts } from '../../state/panelTexts';
import type { PlaygroundState } from '../../state/settings';
import { wellFormed } from '../../state/textStats';
import type { ModelLifecycle } from '../model/modelLifecycle';
import type { NoticeBoard } from '../notices/noticeBoard';
import { presetFailedNotice } from '../notices/notices';
import type { PageStore } from './pageStore';
import type { PlaygroundPanels } from './panelDrawing';

const TEXT_SETTLE_MS = 350;     // typing pauses this long before a fresh model is built from the text
const LONG_TEXT = 100_000;      // UTF-16 units above which even counting waits for typing to pause

export class TextChanges {
  private textTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: PageStore,
    private readonly model: ModelLifecycle,
    private readonly notices: NoticeBoard,
    private readonly panels: () => PlaygroundPanels | null,
    private readonly mayDiscard: (what: string) => Promise<boolean>,
  ) {}

  input(raw: string): void {
    clearTimeout(this.textTimer);
    // Counting a long text on every keystroke would make typing in it lag: wait until typing pauses.
    if (raw.length > LONG_TEXT) this.textTimer = setTimeout(() => this.takeText(raw), TEXT_SETTLE_MS);
    else this.takeText(raw);
  }

  // A text file dropped on the page: as if pasted.
  drop(text: string): void {
    this.panels()?.text.setText(text);
    this.input(text);
  }

  apply(): void {
    clearTimeout(this.textTimer);
    this.model.build(this.model.phase === 'training');
  }

  revert(): void {
    this.store.setText(this.model.modelText);
    this.panels()?.text.setText(this.store.text);
  }

  // `settings`: changed with the text, in one new model (a task that needs a text of its own: app/tasks).
  async choosePreset(id: string, settings: Partial<PlaygroundState> = {}): Promise<void> {
    const preset = presetById(id);
    if (!preset && id !== CUSTOM) return;
    // "Your own text": the one this browser remembers, or the text as it is, ready to edit.
    const text = preset ? await this.loadPreset(preset.id, settings.distance ?? this.store.state.distance) : this.store.storedText;
    if (preset && text === null) return this.store.mark('text');  // the choice goes back to the text in use
    if (text === null || text === this.store.text) {
      this.store.update({ preset: id, ...settings });
      if (Object.keys(settings).length > 0) this.model.build(this.model.phase === 'training');
      return this.store.mark('text', 'controls');
    }
    const what = preset ? t('discard.preset', { preset: tDynamic(`preset.${preset.id}` as MessageKey) }) : t('discard.ownText');
    if (!(await this.mayDiscard(what))) return this.store.mark('text');
    clearTimeout(this.textTimer);
    // A preset brings its own panel texts back, whatever the person had typed for the text before.
    this.store.set({ ...suggestedTexts(this.store.state, wellFormed(text)), preset: id, unit: -1, ...settings });
    this.store.setText(wellFormed(text));
    this.panels()?.text.setText(this.store.text);
    this.panels()?.probe.setText(this.store.state.probeText);
    this.model.build(this.model.phase === 'training');
    this.store.mark('controls');
  }

  // A text made on the page (the learner's own texts, labelled: app/tasks/classify/ownTexts.ts) replaces
  // the text in one new model, as a preset does, and is the learner's own (in a link when short,
  // remembered in this browser). False when the learner kept the trained model instead.
  async replaceWith(text: string): Promise<boolean> {
    if (!(await this.mayDiscard(t('discard.labelledTexts')))) return false;
    clearTimeout(this.textTimer);
    const well = wellFormed(text);
    this.store.set({ ...suggestedTexts(this.store.state, well), preset: CUSTOM, unit: -1 });
    this.store.setText(well);
    this.panels()?.text.setText(this.store.text);
    this.panels()?.probe.setText(this.store.state.probeText);
    this.model.build(this.model.phase === 'training');
    this.store.mark('text', 'controls');
    return true;
  }

  private takeText(raw: string): void {
    this.store.setText(wellFormed(raw));
    if (loadedPresetText(this.store.state.preset, this.store.state.distance) !== this.store.text) this.store.update({ preset: CUSTOM });
    clearTimeout(this.textTimer);
    if (this.model.canRebuildFreely) {
      // A model of the old text must not be trained in the meantime: the page counts as building.
      this.model.rebuildScheduled = true;
      this.textTimer = setTimeout(() => this.model.build(this.model.phase === 'training'), TEXT_SETTLE_MS);
    }
  }

  // A preset's text (fetched the first time), or null after saying why it could not be had.
  private async loadPreset(id: string, distance: number): Promise<string | null> {
    try {
      return await loadPresetText(id, distance);
    } catch (e) {
      this.notices.show(presetFailedNotice(e instanceof Error ? e.message : String(e)));
      return null;
    }
  }
}
