// "Who wrote this line?" from the learner's own texts: each text is named, and every line of it gets
// that name as its label (the core's labelLines). Before asking the core, the page checks what would
// make the labelled text unusable and says it in the learner's words: fewer than two texts, a text with
// too few lines (the core's minimum a label, labelledLines.ts), a line too long, two texts that are the
// same, two texts under one name.
import { said, type Said } from '../i18n';
import { MAX_LABELS, MAX_LINE_CHARACTERS, MIN_LINES_PER_LABEL } from './labelledLines';

export interface OwnText {
  name: string;  // as typed: may be empty (the default name is used)
  text: string;
}

export const MAX_OWN_TEXTS = 8;  // well under the core's 32 labels: each text is a form of its own

// The name a line will carry: tabs and line breaks cannot be part of a label, so they become spaces.
export function labelName(name: string, index: number, defaultName: (n: number) => string): string {
  const cleaned = name.replace(/[\t\r\n]+/g, ' ').trim();
  return cleaned === '' ? defaultName(index + 1) : cleaned;
}

// The non-blank lines of a text, as the core reads them (\r\n is one break; blank: spaces and tabs only).
export function textLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => !/^[ \t]*$/.test(l));
}

// Why these texts cannot train "who wrote this line?", or null. `names` are the labels already made
// (labelName). Empty texts are left out before: they are boxes not used.
export function ownTextsProblem(texts: readonly OwnText[], names: readonly string[]): Said | null {
  if (texts.length < 2) return said('ownTexts.oneText', { min: 2 });
  if (texts.length > Math.min(MAX_OWN_TEXTS, MAX_LABELS)) return said('ownTexts.tooMany', { max: MAX_OWN_TEXTS });
  const seenNames = new Map<string, number>();
  const seenTexts = new Map<string, number>();
  for (let i = 0; i < texts.length; i++) {
    const name = names[i];
    const earlier = seenNames.get(name);
    if (earlier !== undefined) return said('ownTexts.sameName', { name, first: earlier + 1, second: i + 1 });
    seenNames.set(name, i);
    const lines = textLines(texts[i].text);
    if (lines.length < MIN_LINES_PER_LABEL) return said('ownTexts.tooFewLines', { name, lines: lines.length, min: MIN_LINES_PER_LABEL });
    const raw = texts[i].text.split('\n');  // numbered as the learner sees them, blank lines counted
    const long = raw.findIndex((l) => [...l.replace(/\r$/, '')].length > MAX_LINE_CHARACTERS);
    if (long >= 0) return said('ownTexts.lineTooLong', { name, line: long + 1, characters: String([...raw[long].replace(/\r$/, '')].length), max: String(MAX_LINE_CHARACTERS) });
    // The same lines (in any order, spaces at their ends aside) give the classifier nothing to tell apart.
    const key = lines.map((l) => l.trim()).sort().join('\n');
    const same = seenTexts.get(key);
    if (same !== undefined) return said('ownTexts.identical', { first: names[same], second: name });
    seenTexts.set(key, i);
  }
  return null;
}
