// When the model changes, the page follows it: a model file's network (and, resuming its own run, its
// training settings) become the page's settings; the probe and heatmap texts follow the model's text
// unless a person chose them; the live panels forget the old model and ask the new one.
import { engineSaid } from '../../i18n';
import { followText } from '../../state/panelTexts';
import { field, parseField, type PlaygroundState } from '../../state/settings';
import type { LiveRequests } from '../live/liveRequests';
import type { ModelLifecycle } from '../model/modelLifecycle';
import type { NoticeBoard } from '../notices/noticeBoard';
import { openedNotice, openFailedNotice, workerLostNotice } from '../notices/notices';
import { resumedSettings } from '../saved/modelFile';
import type { PageStore } from './pageStore';

export class ModelFollower {
  private modelText = '';

  constructor(
    model: ModelLifecycle,
    private readonly store: PageStore,
    live: LiveRequests,
    notices: NoticeBoard,
    private readonly showProbeText: (text: string) => void,
  ) {
    model.events.on('model', (e) => {
      notices.dismiss('stop');
      notices.dismiss('overfitting');
      store.problem = null;
      if (e.file) {
        this.followFile(e.summary, e.file.meta);
        notices.show(openedNotice(e.file.name, e.summary));
      }
      this.followText(e.text);
      live.modelChanged(e.summary.vocab);
      live.refreshAll(true);
      store.mark('run', 'text', 'controls', 'chart', 'samples', 'probe', 'heat', 'engine');
    });
    model.events.on('buildFailed', (e) => {
      if (e.file) {
        notices.show(openFailedNotice(e.file.name, engineSaid(e.error)));
        live.refreshAll(false);
      } else {
        live.modelChanged(null);
      }
    });
    model.events.on('crashed', () => live.modelChanged(null));
    model.events.on('workerLost', (e) => notices.show(workerLostNotice(e.message, e.workers)));
  }

  // The file decides the network (and, resuming its own run, the training settings too).
  private followFile(summary: Pick<PlaygroundState, 'task' | 'bidirectional' | 'cell' | 'nonlinearity' | 'hiddenSize' | 'numLayers'> & { resumedExactly: boolean }, meta: Record<string, string> | null): void {
    const { task, bidirectional, cell, hiddenSize, numLayers } = summary;  // the file's task brings its panel (app/tasks)
    let next: PlaygroundState = { ...this.store.state, task, bidirectional, cell, hiddenSize, numLayers };
    if (summary.cell === 'rnn') next = { ...next, nonlinearity: summary.nonlinearity };
    if (summary.resumedExactly && meta) {
      for (const [key, raw] of Object.entries(resumedSettings(meta))) {
        const parsed = parseField(field(key as keyof PlaygroundState), raw);
        if (parsed.ok) next = { ...next, [key]: parsed.value };
      }
    }
    this.store.set(next);
  }

  // A model of another text: the panel texts that followed the old text follow the new one (the probe,
  // the heatmaps, the teaching views), so they show what this model learns; what the person typed
  // there, or a link set, stays.
  private followText(text: string): void {
    const before = this.modelText;
    this.modelText = text;
    if (before === text) return;
    const followed = followText(this.store.state, before, text);
    if (followed.probeText === this.store.state.probeText && followed.heatText === this.store.state.heatText) return;
    this.store.set(followed);
    this.showProbeText(followed.probeText);
  }
}
