// The texts the panels read — the probe box, the heatmap (and cell anatomy) text, the sample prime's
// suggestions — start as a short piece of the training text, so every panel shows the text the model
// learns, in whatever script. When the training text changes, a panel text that still shows what the
// old text suggested follows the new one; a text the person typed, or that a link set, is kept.
// Everything looks only at the text's beginning: this runs on every change, and texts can be megabytes.

import { mostlyWide } from './wideCharacters';

// The first `n` code points of `text` from `from`, reading no more than the 2n UTF-16 units they can span.
function firstCodePoints(text: string, n: number, from = 0): string {
  return [...text.slice(from, from + 2 * n)].slice(0, n).join('');
}

// The probe starts on the text's first words, ending after a space when there is one, so the first
// guess is the start of the next word.
export function defaultProbeText(text: string): string {
  const head = firstCodePoints(text, 24);
  const cut = head.lastIndexOf(' ');
  return cut >= 8 ? head.slice(0, cut + 1) : head;
}

export const HEAT_CHARACTERS = 64;
// Hangul, CJK and emoji take two columns' width each in the grids: fewer of them fit a column of the
// page, and each carries more of the text's meaning.
export const WIDE_HEAT_CHARACTERS = 36;
const SEARCHED = 200_000;  // UTF-16 units searched for a line of prose before falling back to the start

// The heatmaps start on a line of real prose (40+ code points), not a title, and stay on that line;
// a text without such a line shows its beginning.
export function defaultHeatText(text: string): string {
  const line = firstProseLine(text);
  const piece = line ? text.slice(line.start, line.end) : text;
  const head = firstCodePoints(piece, HEAT_CHARACTERS);
  return mostlyWide(head) ? firstCodePoints(piece, WIDE_HEAT_CHARACTERS) : head;
}

function firstProseLine(text: string): { start: number; end: number } | null {
  let offset = 0;
  const end = Math.min(text.length, SEARCHED);
  while (offset < end) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    if ([...text.slice(offset, Math.min(lineEnd, offset + 80))].length >= 40) return { start: offset, end: lineEnd };
    offset = lineEnd + 1;
  }
  return null;
}

// A few ways a sample could begin: the first words of the text's first lines, each once.
export function primeSuggestions(text: string, count = 4): string[] {
  const out: string[] = [];
  let offset = 0;
  const end = Math.min(text.length, SEARCHED);
  while (offset < end && out.length < count) {
    const newline = text.indexOf('\n', offset);
    const line = text.slice(offset, newline < 0 ? Math.min(text.length, offset + 200) : Math.min(newline, offset + 200)).trim();
    offset = newline < 0 ? end : newline + 1;
    const words = line.split(/\s+/).filter((w) => w !== '');
    const start = words.length >= 2 ? `${words[0]} ${words[1]} ` : firstCodePoints(line, 6);
    if (start.trim() !== '' && !out.includes(start)) out.push(start);
  }
  return out;
}

export interface PanelTexts {
  probeText: string;
  heatText: string;
}

// The panel texts after the training text changed from `before` to `after`: each one that was still
// the piece `before` suggested (or empty) becomes the piece `after` suggests; the others stay.
export function followText<S extends PanelTexts>(s: S, before: string, after: string): S {
  const probeFollows = s.probeText === '' || s.probeText === defaultProbeText(before);
  const heatFollows = s.heatText === '' || s.heatText === defaultHeatText(before);
  return {
    ...s,
    probeText: probeFollows ? defaultProbeText(after) : s.probeText,
    heatText: heatFollows ? defaultHeatText(after) : s.heatText,
  };
}

// Every panel text back to what `text` suggests (a preset was chosen; "use a piece of the text").
export function suggestedTexts<S extends PanelTexts>(s: S, text: string): S {
  return { ...s, probeText: defaultProbeText(text), heatText: defaultHeatText(text) };
}
