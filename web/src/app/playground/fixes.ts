// Ways out of "can't train on this text" that a person can take with one click: a shorter window, a
// smaller batch, or both, keeping the text; for a text with nothing to learn, a preset. Each fix is an
// id the playground applies: "preset=story", or settings such as "batch=1,seqLen=10".
import { said, tDynamic, type MessageKey, type Said } from '../../i18n';
import type { TextStats } from '../../state/textStats';
import { minimumTrainCharacters } from '../../state/textStats';

export interface Fix {
  id: string;
  label: Said;
}

export function fixesFor(stats: TextStats, batch: number, seqLen: number, fallbackPreset: { id: string }): Fix[] {
  if (stats.vocab.length < 2) {
    const preset = tDynamic(`preset.${fallbackPreset.id}.inSentence` as MessageKey);
    return [{ id: `preset=${fallbackPreset.id}`, label: said('fix.preset', { preset }) }];
  }
  const train = stats.trainCharacters;
  if (train >= minimumTrainCharacters(batch, seqLen)) return [];
  const fixes: Fix[] = [];
  const seq = Math.floor(train / batch) - 1;
  if (seq >= 4) fixes.push({ id: `seqLen=${seq}`, label: said('fix.seqLen', { n: seq }) });
  const b = Math.floor(train / (seqLen + 1));
  if (b >= 1) fixes.push({ id: `batch=${b}`, label: said('fix.batch', { n: b }) });
  if (fixes.length === 0 && train >= 3) {
    const s = Math.min(seqLen, train - 1);
    fixes.push({ id: `batch=1,seqLen=${s}`, label: said('fix.both', { n: s }) });
  }
  return fixes;
}

// A fix id as settings to apply (key → raw value), or the preset to load.
export function parseFix(id: string): { preset: string } | { settings: [string, string][] } {
  const pairs = id.split(',').map((p) => p.split('=') as [string, string]);
  return pairs[0][0] === 'preset' ? { preset: pairs[0][1] } : { settings: pairs };
}
