// Each panel's view, built from what the page holds: the settings and text (PageStore), the model's
// lifecycle and run, the live answers and the notices. frames.ts decides when a part is drawn.
import { hasMessage, t, tDynamic } from '../../i18n';
import { assertNever } from '../../protocol';
import { CUSTOM, presetById, presetFits, PRESETS } from '../../presets';
import { primeSuggestions } from '../../state/panelTexts';
import type { LossChart } from '../../ui/chart/lossChart';
import type { ControlsPanel } from '../../ui/controls/controlsPanel';
import type { EngineBadge } from '../../ui/header/engineBadge';
import type { HeatmapPanel } from '../../ui/heatmap/heatmapPanel';
import type { NoticeList } from '../../ui/notices/noticeList';
import type { ProbePanel } from '../../ui/probe/probePanel';
import type { RunBar } from '../../ui/runbar/runBar';
import type { SamplePanel } from '../../ui/samples/samplePanel';
import type { TextPanel } from '../../ui/text/textPanel';
import type { LiveRequests } from '../live/liveRequests';
import type { ModelLifecycle } from '../model/modelLifecycle';
import type { NoticeBoard } from '../notices/noticeBoard';
import type { PagePart, PageStore } from './pageStore';
import { statusLine } from './status';

export interface PlaygroundPanels {
  engine: EngineBadge;
  runBar: RunBar;
  text: TextPanel;
  controls: ControlsPanel;
  chart: LossChart;
  samples: SamplePanel;
  probe: ProbePanel;
  heatmap: HeatmapPanel;
  notices: NoticeList;
}

export class PanelDrawing {
  private suggestionsFor = { text: '', suggestions: [] as string[] };

  constructor(
    private readonly panels: PlaygroundPanels,
    private readonly store: PageStore,
    private readonly model: ModelLifecycle,
    private readonly live: LiveRequests,
    private readonly notices: NoticeBoard,
  ) {}

  draw(part: PagePart): void {
    const p = this.panels;
    const s = this.store.state;
    const m = this.model;
    switch (part) {
      case 'run':
      case 'validation':
        return this.drawRun();
      case 'engine':
        return p.engine.render(m.engine);
      case 'notices':
        return p.notices.render(this.notices.notices);
      case 'text': {
        const preset = presetById(s.preset);
        return p.text.render({
          preset: preset ? preset.id : CUSTOM,
          presets: [...PRESETS.filter((x) => presetFits(x.id, s.task)).map((x) => ({ id: x.id, title: presetText(x.id, '', x.title) })), { id: CUSTOM, title: t('text.ownTitle') }],
          about: preset ? presetText(preset.id, '.about', preset.about) : t('text.ownAbout'),
          stats: this.store.stats,
          valFrac: s.valFrac,
          problem: this.store.problem ?? (this.store.fieldErrors.valFrac ? { message: this.store.fieldErrors.valFrac, fixes: [] } : null),
          pending: m.summary !== null && m.step > 0 && this.store.text !== m.modelText && m.phase !== 'blocked',
        });
      }
      case 'controls':
        return p.controls.render({
          state: s, parameters: m.summary?.parameters ?? null, enabled: m.engine.state === 'running',
          canSave: m.summary !== null, errors: this.store.fieldErrors,
        });
      case 'chart':
        return p.chart.render({
          data: m.history.chartData(600),
          // A guess among what the task chooses from: the next character, space or not, a label.
          uniformBits: Math.log2(Math.max(2, s.task === 'spacing' ? 2 : s.task === 'classify' ? m.summary?.labels.length ?? 2 : m.summary?.vocab.length ?? this.store.stats.vocab.length)),
          unigramBits: s.task === 'lm' ? this.store.stats.unigramBits : Number.NaN,
          perDecision: s.task !== 'lm',
        });
      case 'samples':
        return p.samples.render({
          samples: this.live.samples, temperature: s.temperature, length: s.sampleLength, prime: s.prime,
          primeSuggestions: this.primeSuggestions(), canSample: m.summary !== null, ignored: this.live.ignoredIn(s.prime),
          auto: m.phase === 'training', untrained: m.step === 0,
        });
      case 'probe': {
        const answered = this.live.probeFor;
        return p.probe.render({
          text: s.probeText, bars: this.live.probeBars, entropyBits: this.live.probeEntropy,
          ignored: this.live.ignoredIn(s.probeText), canProbe: m.summary !== null,
          lastChar: answered ? [...answered].pop() ?? null : null,
        });
      }
      case 'heat':
        return p.heatmap.render({
          canInspect: m.summary !== null, inputText: s.heatText, ignored: this.live.ignoredIn(s.heatText),
          inspection: this.live.inspection, layer: s.layer, unit: s.unit, gate: s.gate, vocab: m.summary?.vocab ?? [],
        });
      default:
        assertNever(part);
    }
  }

  private drawRun(): void {
    const m = this.model;
    const trainChars = m.summary?.trainCharacters ?? this.store.stats.trainCharacters;
    this.panels.runBar.render({
      phase: m.phase,
      status: statusLine(m.phase, m.summary, m.step, m.building),
      step: m.step,
      epoch: trainChars > 0 ? m.throughput.charsTrained / trainChars : Number.NaN,
      trainBits: m.history.lastSmoothed,
      validationBits: m.history.lastValidation?.bits ?? Number.NaN,
      charsPerSecond: m.throughput.charsPerSecond,  // paused: the pace it last had
      trainShare: m.phase === 'training' ? m.throughput.trainShare : Number.NaN,
      elapsedMs: m.throughput.elapsedMs,
      canStep: m.summary !== null && !m.building,
      building: m.building,
    });
  }

  // Ways to begin a sample, from the model's text (worked out once per text).
  private primeSuggestions(): string[] {
    const text = this.model.modelText;
    if (this.suggestionsFor.text !== text) this.suggestionsFor = { text, suggestions: text ? primeSuggestions(text) : [] };
    return this.suggestionsFor.suggestions;
  }
}

// A preset's name or description in the page's language (the catalogue's `preset.<id>`), else as the
// preset itself gives it.
function presetText(id: string, part: '' | '.about', fallback: string): string {
  const key = `preset.${id}${part}`;
  return hasMessage(key) ? tDynamic(key) : fallback;
}
