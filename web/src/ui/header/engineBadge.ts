// The engine's state in the header: loading, running (with its SIMD set and memory), or stopped.
import { formatBytes } from '../../format';
import { t } from '../../i18n';
import { setText } from '../dom';

export interface EngineView {
  state: 'loading' | 'running' | 'failed';
  simd: string;
  heapBytes: number;         // every worker's wasm heap together
  workerHeapBytes?: number[];  // each worker's, when several share the training (the coordinating one first)
}

export class EngineBadge {
  constructor(private readonly root: HTMLElement) {}

  render(v: EngineView): void {
    this.root.dataset.state = v.state;
    const memory = formatBytes(v.heapBytes);
    const each = v.workerHeapBytes ?? [];
    // Several workers: how many, on the badge itself (each one's heap in its help).
    setText(
      this.root,
      v.state === 'loading' ? t('engine.starting')
        : v.state === 'failed' ? t('engine.failed')
        : v.simd !== 'wasm-simd128' ? t('engine.running', { memory })
        : each.length > 1 ? t('engine.runningWorkers', { count: each.length, memory }) : t('engine.runningSimd', { memory }),
    );
    this.root.title = v.state !== 'running' ? ''
      : each.length > 1 ? t('engine.helpWorkers', { count: each.length, simd: v.simd, memory, each: each.map(formatBytes).join(', ') })
      : t('engine.help', { simd: v.simd, memory });
  }
}
