// The identifiers an engine sentence names (a tensor `decoder.weight`, a metadata key `hidden_size`, a
// tensor's field): the page sets them as code, so inside a sentence of another language they read as
// names, not as words (ui/said.ts).
import type { Said } from '.';

export function namesIn(s: Said): string[] {
  if ('raw' in s || !s.key.startsWith('engine.')) return [];
  return ['name', 'key', 'field'].map((n) => s.params?.[n]).filter((v): v is string => typeof v === 'string' && v !== '');
}

// The sentence in pieces, each a name or the words between. A name counts only where it stands alone
// (not the "w" inside "unknown"); a Korean particle right after it ("hidden_size가") still leaves it whole.
export function splitNames(text: string, names: readonly string[]): { text: string; name: boolean }[] {
  if (names.length === 0) return [{ text, name: false }];
  const alternatives = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![A-Za-z0-9_.])(${alternatives.join('|')})(?![A-Za-z0-9_])`);
  return text.split(pattern).flatMap((piece, i) => (piece === '' ? [] : [{ text: piece, name: i % 2 === 1 }]));
}
