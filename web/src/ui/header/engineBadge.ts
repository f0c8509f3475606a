// The engine's state in the header: loading, running (with its SIMD set and memory), or stopped.
import { formatBytes } from '../../format';
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
    setText(
      this.root,
      v.state === 'loading' ? 'Starting the engine…'
        : v.state === 'failed' ? 'Engine stopped'
        : `WebAssembly${v.simd === 'wasm-simd128' ? ' SIMD' : ''} · ${formatBytes(v.heapBytes)}`,
    );
    this.root.title = v.state === 'running' ? `Training runs in a background worker (${v.simd}); memory in use: ${formatBytes(v.heapBytes)}` : '';
  }
}
