// Why a text cannot be trained on, said by the page itself from what it counted (textStats.ts follows
// the core's rules exactly: characters, split, the batcher's minimum), so the learner reads it in the
// page's language. The English sentences are the core's own (core/api/session.cpp). When the counts
// see no problem, whatever the core says stands.
import { said, type Said } from '../i18n';
import { minimumTrainCharacters, type TextStats } from './textStats';

export function textProblem(stats: TextStats, batch: number, seqLen: number): Said | null {
  if (stats.characters === 0) return said('problem.empty');
  if (stats.vocab.length < 2) return said('problem.oneCharacter', { char: coreCharacter(stats.vocab[0]) });
  const need = minimumTrainCharacters(batch, seqLen);
  const have = stats.trainCharacters;
  if (have >= need) return null;
  // Digits as the core writes them (no grouping): the same numbers the fixes below it name.
  const numbers = { have: String(have), batch: String(batch), seqLen: String(seqLen), need: String(need) };
  return stats.validationCharacters > 0
    ? said('problem.tooShortHeld', { ...numbers, held: String(stats.validationCharacters) })
    : said('problem.tooShort', numbers);
}

// A character as the core names it: 'a' (U+0061), or the code alone for one that does not print.
export function coreCharacter(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
  return printable ? `'${c}' (${code})` : code;
}
