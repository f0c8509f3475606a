// What a model of each task actually reads from a text the page shows (the gate views' text): the
// teaching views send and label exactly these characters, so step t of an inspection is character t.
// The rules are the core's (core/tasks/task.cpp encode_for_task, tasks/spacing/spaced_text.cpp).

// spaced_text.cpp is_space_character: these are removed, and what the tagger predicts is where they were.
const SPACE = /[ \t\u000B\u000C\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

export type ModelTask = 'lm' | 'spacing' | 'classify' | string;

export function modelInput(task: ModelTask, text: string): string {
  if (task === 'spacing') return text.replace(SPACE, '').replace(/\r\n/g, '\n').replace(/[\r\u2028\u2029]/g, '\n');
  if (task === 'classify') return lineText(text);
  return text;
}

// A classifier reads one line's text: a labelled line ("label<TAB>text") without its label, the first
// non-blank line of a longer text, at most the core's 1,024 characters.
function lineText(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const tab = line.indexOf('\t');
  return [...(tab >= 0 ? line.slice(tab + 1) : line)].slice(0, 1024).join('');
}

// What a language model trained beside the learner's (the forget-bias pair) learns from the page's
// text: a classifier's labelled lines without their labels; other texts as they are.
export function languageModelText(task: ModelTask, text: string): string {
  if (task !== 'classify') return text;
  return text.split('\n').map((l) => {
    const tab = l.indexOf('\t');
    return tab >= 0 ? l.slice(tab + 1) : l;
  }).join('\n');
}
