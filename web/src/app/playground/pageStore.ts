// What the playground page holds between the panels and the model: the settings (mirrored in the URL),
// the text on the page and its counts, a problem with the text, and what is wrong with a typed value.
// Every change goes through here, so it is remembered (URL, local storage) and redrawn in one way.
import type { Said } from '../../i18n';
import type { TextProblem } from '../../ui/text/textPanel';
import type { PlaygroundState } from '../../state/settings';
import { textStats, type TextStats } from '../../state/textStats';

export type PagePart = 'run' | 'text' | 'controls' | 'chart' | 'samples' | 'probe' | 'heat' | 'validation' | 'notices' | 'engine';

// Where the state goes to be remembered (URL, local storage); main.ts decides.
export interface Persistence {
  save(state: PlaygroundState, text: string): void;
  storedText(): string | null;  // the person's own text, as last remembered
}

export class PageStore {
  stats: TextStats;
  problem: TextProblem | null = null;
  fieldErrors: Partial<Record<keyof PlaygroundState, Said>> = {};
  private readonly listeners = new Set<() => void>();

  constructor(
    private current: PlaygroundState,
    private pageText: string,
    private readonly persistence: Persistence,
    readonly mark: (...parts: PagePart[]) => void,
  ) {
    this.stats = textStats(pageText, current.valFrac);
  }

  get state(): PlaygroundState {
    return this.current;
  }

  get text(): string {
    return this.pageText;
  }

  get storedText(): string | null {
    return this.persistence.storedText();
  }

  // New settings (remembered at once).
  set(next: PlaygroundState): void {
    const splitChanged = next.valFrac !== this.current.valFrac;
    this.current = next;
    if (splitChanged) this.stats = textStats(this.pageText, next.valFrac);
    this.save();
  }

  update(patch: Partial<PlaygroundState>): void {
    this.set({ ...this.current, ...patch });
  }

  // A new text on the page (typed, pasted, dropped, a preset): counted and remembered.
  setText(text: string): void {
    this.pageText = text;
    this.stats = textStats(text, this.current.valFrac);
    this.save();
    this.mark('text');
  }

  fieldError(key: keyof PlaygroundState, message: Said | null): void {
    const { [key]: _gone, ...rest } = this.fieldErrors;
    this.fieldErrors = message === null ? rest : { ...rest, [key]: message };
    this.mark('controls', 'text');
  }

  // Called after every change of the settings or the text (views outside the playground redraw).
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  save(): void {
    this.persistence.save(this.current, this.pageText);
    for (const listener of this.listeners) listener();
  }
}
