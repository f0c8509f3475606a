// Where the probe box and the heatmaps start for a given text: a short beginning for the probe, and a
// line of real prose (not a title) for the heatmaps, so both show something meaningful at once.
// Both look only at the text's beginning: they run on every change of state, and texts can be megabytes.

// The first `n` code points of `text`, reading no more than the 2n UTF-16 units they can span.
function firstCodePoints(text: string, n: number, from = 0): string {
  return [...text.slice(from, from + 2 * n)].slice(0, n).join('');
}

export function defaultProbeText(text: string): string {
  const head = firstCodePoints(text, 24);
  const cut = head.lastIndexOf(' ');
  return cut >= 8 ? head.slice(0, cut + 1) : head;
}

export const HEAT_CHARACTERS = 64;
const SEARCHED = 200_000;  // UTF-16 units searched for a line of prose before falling back to the start

export function defaultHeatText(text: string): string {
  let offset = 0;
  while (offset < Math.min(text.length, SEARCHED)) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end < 0 ? text.length : end;
    if ([...text.slice(offset, Math.min(lineEnd, offset + 80))].length >= 40) break;  // 40+ code points
    offset = lineEnd + 1;
  }
  if (offset >= Math.min(text.length, SEARCHED)) offset = 0;
  return firstCodePoints(text, HEAT_CHARACTERS, offset);
}
