// The one sentence under the Train button: what the playground is doing right now.
import type { ModelSummary } from '../../../generated/core.mjs';
import { formatCount } from '../../format';
import { t } from '../../i18n';
import { assertNever } from '../../protocol';
import type { RunPhase } from '../../ui/runbar/runBar';

export function statusLine(phase: RunPhase, summary: ModelSummary | null, step: number, building: boolean): string {
  const s = summary;
  const model = s ? `${s.cell.toUpperCase()} ${s.numLayers > 1 ? `${s.numLayers} × ` : ''}${s.hiddenSize}` : '';
  if (building) return t('status.building');
  switch (phase) {
    case 'starting': return t('status.starting');
    case 'failed': return t('status.failed');
    case 'blocked': return t('status.blocked');
    case 'training': return t('status.training', { model, characters: formatCount(s?.trainCharacters ?? 0) });
    case 'ready': return step === 0 ? t('status.ready', { model }) : t('status.paused', { step: formatCount(step) });
    default: return assertNever(phase);
  }
}
