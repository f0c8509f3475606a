// Where the probe box and the heatmaps start for a given text: a short beginning for the probe, and a
// line of real prose (not a title) for the heatmaps, so both show something meaningful at once.

export function defaultProbeText(text: string): string {
  const head = [...text].slice(0, 24).join('');
  const cut = head.lastIndexOf(' ');
  return cut >= 8 ? head.slice(0, cut + 1) : head;
}

export const HEAT_CHARACTERS = 64;

export function defaultHeatText(text: string): string {
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    if ([...line].length >= 40) break;
    offset += line.length + 1;
  }
  if (offset >= text.length) offset = 0;
  return [...text.slice(offset)].slice(0, HEAT_CHARACTERS).join('');
}
