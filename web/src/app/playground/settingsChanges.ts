// What changing a setting does to a model that has trained (state/settings.ts names each setting's
// effect): a view setting redraws; a live one reaches the running training at once; a trainer one
// rebuilds the trainer around the same weights (and goes back if the core refuses, e.g. memory); a
// model one needs a new network, so it asks before throwing training away.
import { assertNever } from '../../protocol';
import { engineSaid, said, t, tDynamic } from '../../i18n';
import { coreSettings, field, fieldLabel, parseField, type PlaygroundState } from '../../state/settings';
import { minimumTrainCharacters } from '../../state/textStats';
import type { ModelLifecycle } from '../model/modelLifecycle';
import { parseFix } from './fixes';
import type { PageStore } from './pageStore';

export class SettingsChanges {
  constructor(
    private readonly store: PageStore,
    private readonly model: ModelLifecycle,
    // Asks before a change that throws training away (resolves false when the person keeps the model).
    private readonly mayDiscard: (what: string) => Promise<boolean>,
    // The memory tasks' distance shapes their text: a new text, so the text's own path decides.
    private readonly distanceChanged: (distance: number) => void,
  ) {}

  async change(key: keyof PlaygroundState, raw: string | boolean): Promise<void> {
    const f = field(key);
    const parsed = parseField(f, raw);
    if (!parsed.ok) return this.store.fieldError(key, parsed.error);
    this.store.fieldError(key, null);
    const before = this.store.state;
    const next = { ...before, [key]: parsed.value } as PlaygroundState;
    if (next[key] === before[key]) return;
    switch (f.effect) {
      case 'view':
        if (key === 'distance') return this.distanceChanged(next.distance);
        this.store.set(next);
        this.store.mark(key === 'temperature' || key === 'sampleLength' ? 'samples' : 'heat');
        return;
      case 'live':
        this.store.set(next);
        if (key === 'workers') this.model.workersChanged();
        else this.model.updateTraining(next.learningRate, next.clip, next.dropout);
        this.store.mark('controls');
        return;
      case 'trainer':
        return this.trainerChange(key, before, next);
      case 'model':
        if (!(await this.mayDiscard(t('discard.setting', { setting: tDynamic(fieldLabel(f)) })))) return this.store.mark('controls');
        this.store.set(next);
        this.model.build(this.model.phase === 'training');
        this.store.mark('controls', 'text');
        return;
      default:
        assertNever(f.effect);
    }
  }

  newSeed(): void {
    void this.change('seed', String(Math.floor(Math.random() * 1_000_000)));
  }

  // A quick fix offered under a problem with the text (fixes.ts): settings, then a fresh model; or the
  // preset to load (returned for the caller, who loads texts).
  fix(id: string): string | null {
    const f = parseFix(id);
    if ('preset' in f) return f.preset;
    let next = this.store.state;
    for (const [key, raw] of f.settings) {
      const parsed = parseField(field(key as keyof PlaygroundState), raw);
      if (parsed.ok) next = { ...next, [key]: parsed.value };
    }
    this.store.set(next);
    this.model.build(false);
    this.store.mark('controls', 'text');
    return null;
  }

  private trainerChange(key: keyof PlaygroundState, before: PlaygroundState, next: PlaygroundState): void {
    if (this.model.canRebuildFreely) {
      this.store.set(next);
      this.model.build(this.model.phase === 'training');
      return this.store.mark('controls');
    }
    const needed = minimumTrainCharacters(next.batch, next.seqLen);
    if (this.store.stats.trainCharacters < needed) {
      return this.store.fieldError(key, said('field.tooLargeForText', { needed, have: this.store.stats.trainCharacters }));
    }
    this.store.set(next);
    this.store.mark('controls');
    this.model.reconfigure(coreSettings(next)).catch((e: unknown) => {
      // The core refused (memory): the trainer stays as it was, and so do its settings.
      this.store.update({ seqLen: before.seqLen, batch: before.batch, optimizer: before.optimizer });
      this.store.fieldError(key, engineSaid(e instanceof Error ? e.message : String(e)));
    });
  }
}
