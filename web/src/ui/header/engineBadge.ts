// The engine's state in the header: loading, running (with its SIMD set and memory), or stopped.
import { formatBytes } from '../../format';
import { t } from '../../i18n';
import { setText } from '../dom';

export interface EngineView {
  state: 'loading' | 'running' | 'failed';
  simd: string;
  heapBytes: number;
}

export class EngineBadge {
  constructor(private readonly root: HTMLElement) {}

  render(v: EngineView): void {
    this.root.dataset.state = v.state;
    const memory = formatBytes(v.heapBytes);
    setText(
      this.root,
      v.state === 'loading' ? t('engine.starting')
        : v.state === 'failed' ? t('engine.failed')
        : v.simd === 'wasm-simd128' ? t('engine.runningSimd', { memory }) : t('engine.running', { memory }),
    );
    this.root.title = v.state === 'running' ? t('engine.help', { simd: v.simd, memory }) : '';
  }
}
