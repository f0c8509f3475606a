// Texts of megabytes: a browser lays out every line of a textarea, and 10 MB takes it many seconds with
// the page frozen. So a paste that makes the text larger than LARGE_TEXT never reaches the textarea: the
// panel keeps the whole text, trains on all of it, and shows only its beginning, read-only.

export const LARGE_TEXT = 500_000;  // UTF-16 units: about half a second of textarea layout at most
export const PREVIEW = 20_000;

// The text after pasting `pasted` over the selection [start, end) of `current`.
export function afterPaste(current: string, start: number, end: number, pasted: string): string {
  return current.slice(0, start) + pasted + current.slice(end);
}

// The first `units` UTF-16 units of `text`, never ending in the middle of a surrogate pair.
export function preview(text: string, units = PREVIEW): string {
  if (text.length <= units) return text;
  const last = text.charCodeAt(units - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? units - 1 : units);
}
