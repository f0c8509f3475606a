// The one sentence under the Train button: what the playground is doing right now.
import type { ModelSummary } from '../../../generated/core.mjs';
import { formatCount } from '../../format';
import { assertNever } from '../../protocol';
import type { RunPhase } from '../../ui/runbar/runBar';

export function statusLine(phase: RunPhase, summary: ModelSummary | null, step: number, building: boolean): string {
  const s = summary;
  const model = s ? `${s.cell.toUpperCase()} ${s.numLayers > 1 ? `${s.numLayers} × ` : ''}${s.hiddenSize}` : '';
  if (building) return 'Building the model…';
  switch (phase) {
    case 'starting': return 'Starting the engine…';
    case 'failed': return 'The engine stopped.';
    case 'blocked': return 'Can’t train yet: see the text panel.';
    case 'training': return `Training ${model} on ${formatCount(s?.trainCharacters ?? 0)} characters`;
    case 'ready': return step === 0 ? `${model} ready: press Train` : `Paused at step ${formatCount(step)}`;
    default: return assertNever(phase);
  }
}
