// Why labelled lines (label<TAB>text, the classification task's text) cannot train a classifier, said
// by the page in its own language. The rules and their order are the core's exactly
// (core/tasks/classify/labelled_lines.cpp); when they see no problem, whatever the core says stands.
import { said, type Said } from '../i18n';

export const MAX_LINE_CHARACTERS = 1024;
export const MAX_LABELS = 32;
export const MIN_LINES_PER_LABEL = 5;

export function labelledLinesProblem(text: string): Said | null {
  const counts = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (/^[ \t]*$/.test(line)) continue;  // blank
    const at = i + 1;
    const tab = line.indexOf('\t');
    if (tab < 0) return said('labels.noTab', { line: at });
    const label = line.slice(0, tab);
    const body = line.slice(tab + 1);
    if (label === '') return said('labels.emptyLabel', { line: at });
    if (body === '') return said('labels.noText', { line: at, label });
    const length = [...body].length;
    if (length > MAX_LINE_CHARACTERS) return said('labels.tooLong', { line: at, characters: String(length), max: String(MAX_LINE_CHARACTERS) });  // digits as the core writes them
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (counts.size === 0) return said('labels.none');
  const labels = [...counts.keys()].sort(byCodePoints);
  if (labels.length === 1) return said('labels.oneLabel', { label: labels[0] });
  if (labels.length > MAX_LABELS) return said('labels.tooMany', { labels: labels.length, max: MAX_LABELS });
  for (const label of labels) {
    const n = counts.get(label)!;
    if (n < MIN_LINES_PER_LABEL) return said('labels.tooFew', { label, lines: n, min: MIN_LINES_PER_LABEL });
  }
  return null;
}

// The core indexes labels in code-point order (UTF-8 byte order); JavaScript's default sorts UTF-16 units.
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
