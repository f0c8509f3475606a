// The memory tasks' feed (a language model on the copy, bracket or parity text): after every held-out
// measurement it asks the worker to score the model at the probe positions of a held-out memory text
// (same task and distance, another seed), and draws accuracy against distance.
import { memoryScore, probeTargets, type MemoryScore } from '../../../presets/memory/memoryScore';
import type { MemoryText } from '../../../presets/memory/memoryTask';
import { MemoryPanel } from '../../../ui/tasks/memory/memoryPanel';
import { RequestSlot } from '../../live/requestSlot';
import { heldOutMemory } from './heldOutMemory';
import type { TaskContext, TaskFeed } from '../taskFeed';

interface HeldOut {
  memory: MemoryText;
  maxDistance: number;
  positions: Int32Array;
  targets: Int32Array;
}

export function memoryFeed(ctx: TaskContext): TaskFeed {
  return new MemoryFeed(ctx);
}

class MemoryFeed implements TaskFeed {
  private readonly panel = new MemoryPanel();
  private held: HeldOut | null = null;
  private score: MemoryScore | null = null;
  private readonly slot = new RequestSlot(
    (h: HeldOut) => {
      // Typed arrays are transferred: send copies, the held-out text is asked about again and again.
      const positions = h.positions.slice();
      const targets = h.targets.slice();
      return this.ctx.worker.request('memoryProbe', { text: h.memory.text, positions, targets }, { handleErrors: true, transfer: [positions.buffer, targets.buffer] });
    },
    (r, h) => {
      this.score = memoryScore(r.step, h.memory, r.hits, h.maxDistance);
      this.ctx.changed();
    },
  );

  constructor(private readonly ctx: TaskContext) {}

  get element(): HTMLElement {
    return this.panel.element;
  }

  modelChanged(): void {
    this.slot.reset();
    this.score = null;
    this.held = null;
    const vocab = this.ctx.summary()?.vocab;
    const held = heldOutMemory(this.ctx.state());
    if (!vocab || !held) return;
    this.held = { ...held, ...probeTargets(held.memory.text, held.memory.probes, vocab) };
  }

  validated(): void {
    if (this.held) this.slot.request(this.held);
  }

  draw(): void {
    this.panel.render({ score: this.score, maxDistance: this.held?.maxDistance ?? this.ctx.state().distance });
  }

  dispose(): void {
    this.slot.reset();
  }
}
