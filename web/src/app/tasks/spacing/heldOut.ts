// The piece of held-out text the spacing panel shows as the model spaces it: from the validation part
// (the text's last valFrac, README "Tasks"), beginning at a line and ending at a word, so the learner
// judges the model on text it never trained on. With nothing held out, the text's end (said so).
export function heldOutPiece(text: string, valFrac: number, maxChars: number): string {
  const from = Math.floor(text.length * (1 - Math.max(0, valFrac)));
  let start = Math.min(from, Math.max(0, text.length - maxChars));
  const lineStart = text.indexOf('\n', start);
  if (lineStart >= 0 && lineStart < start + maxChars / 2) start = lineStart + 1;
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start++;  // never half a character
  const chars = [...text.slice(start, start + maxChars * 2)].slice(0, maxChars);
  let piece = chars.join('');
  if (start + piece.length < text.length) {
    const cut = Math.max(piece.lastIndexOf(' '), piece.lastIndexOf('\n'));
    if (cut > maxChars / 2) piece = piece.slice(0, cut);
  }
  return piece.replace(/^\s+|\s+$/g, '');
}
