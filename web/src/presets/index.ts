// The texts that come with the page. Each is large enough that the default model learns the language
// rather than memorising it within a few minutes (issue "presets big enough to learn from"), so none is
// part of the first download: a text is fetched (a static file of the build, no other origin) when it
// is first chosen, then kept.
import codeUrl from './texts/code.txt?url';
import koreanUrl from './texts/korean.txt?url';
import storyUrl from './texts/story.txt?url';
import voicesEnUrl from './texts/voices-en.tsv?url';
import voicesKoUrl from './texts/voices-ko.tsv?url';
import type { Task } from '../../generated/core.mjs';
import { isMemoryPreset, MEMORY_TRAIN_CHARACTERS, memoryTaskOf, type MemoryPresetId } from './memory/memoryPresets';

export interface Preset {
  id: string;
  title: string;
  about: string;
  characters: number;  // about how long it is (code points), for the description
  tasks: readonly Task[];  // what it can teach: prose for next characters and spacing; labelled lines to classify
  // A static file of the build (fetched from this page's own origin), or a text made on the spot (the
  // memory tasks' texts depend on the distance setting).
  source: { url: string } | { generate(distance: number): Promise<string> };
}

const fetchText = async (url: string): Promise<string> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the text could not be loaded (${response.status} ${response.statusText})`);
  return response.text();
};

// The bracket corpus is generated, so it is as long as asked; its module is only loaded with it.
const BRACKET_CHARACTERS = 200_000;
const TEXT_TASKS: readonly Task[] = ['lm', 'spacing'];

export const PRESETS: readonly Preset[] = [
  { id: 'story', tasks: TEXT_TASKS, title: 'English story', characters: 152_000, source: { url: storyUrl },
    about: 'Eleven connected chapters written for this playground, about Harrow Street, its forty-one named lamps and the people of a river town. The text is far larger than what a small model can memorise in a few minutes: watch training and validation loss fall together while the samples go from letter soup to words, recurring names like Edith Marrow, and sentence-shaped dialogue.' },
  { id: 'code', tasks: TEXT_TASKS, title: 'Python code', characters: 266_000, source: { url: codeUrl },
    about: 'A small program written for this playground, then modules of Python’s standard library (PSF License). Indentation, brackets, names that come back: watch it learn to indent after a colon and to close what it opened.' },
  { id: 'korean', tasks: TEXT_TASKS, title: 'Korean story', characters: 84_000, source: { url: koreanUrl },
    about: 'Twenty-five connected Korean stories written for this playground, about a bookshop in a seaside village and the people around it. Hangul makes a vocabulary of almost a thousand syllables: watch the model learn which syllables follow which, then word endings such as -었다 and -습니다, then spacing between words.' },
  { id: 'brackets', tasks: ['lm'], title: 'Brackets & quotes (diagnostic)', characters: BRACKET_CHARACTERS,
    source: { generate: async () => (await import('./brackets')).bracketCorpus({ seed: 7, characters: BRACKET_CHARACTERS, maxDepth: 7 }) },
    about: 'Generated lines of nested (), [], {}, <> and quotes. Closing the right bracket needs memory: compare RNN with LSTM, and look for a depth-counting unit.' },
  // "Who wrote this line?": two voices written for this playground, a line each, label<TAB>text.
  { id: 'voices', tasks: ['classify'], title: 'Who wrote this line? (English)', characters: 15711, source: { url: voicesEnUrl },
    about: 'Lines from two voices written for this playground: a ship captain\'s terse log and an aunt\'s chatty letters. The classifier reads a line and says who wrote it.' },
  { id: 'voices-ko', tasks: ['classify'], title: 'Who wrote this line? (Korean)', characters: 5142, source: { url: voicesKoUrl },
    about: 'Lines from two Korean voices written for this playground: a grandmother talking and a news reporter writing. The classifier reads a line and says who wrote it.' },
  ...(['copy', 'nesting', 'parity'] as const).map(memoryPreset),
];

// A memory task (presets/memory): generated for the distance setting, its training seed fixed.
function memoryPreset(id: MemoryPresetId): Preset {
  const generate = async (distance: number) => {
    const { memoryText, TRAIN_SEED } = await import('./memory/memoryScore');
    return memoryText(memoryTaskOf(id), distance, TRAIN_SEED, MEMORY_TRAIN_CHARACTERS).text;
  };
  const title = { copy: 'Memory: copy', nesting: 'Memory: matching brackets', parity: 'Memory: parity' }[id];
  return { id, tasks: ['lm'], title, characters: MEMORY_TRAIN_CHARACTERS, source: { generate }, about: '' };
}

export const CUSTOM = 'custom';

// Whether a preset (or the person's own text) suits a task.
export function presetFits(id: string, task: Task): boolean {
  const p = presetById(id);
  return !p || p.tasks.includes(task);
}

// The preset a task needs when the one in use does not suit it (null: it does): the first that suits,
// the Korean one on a Korean page.
export function presetForTask(task: Task, current: string, language: string): string | null {
  if (presetFits(current, task)) return null;
  const fitting = PRESETS.filter((p) => p.tasks.includes(task));
  const korean = fitting.find((p) => p.id.includes('korean') || p.id.endsWith('-ko'));
  return (language === 'ko' && korean ? korean : fitting[0]).id;
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

const loading = new Map<string, Promise<string>>();
const loaded = new Map<string, string>();

// A memory task's text differs with the distance; any other preset has one text.
const textKey = (id: string, distance: number) => (isMemoryPreset(id) ? `${id}@${distance}` : id);

// A preset's text, fetched once. A failed fetch is forgotten, so a later try fetches again.
export function loadPresetText(id: string, distance: number): Promise<string> {
  const preset = presetById(id) ?? PRESETS[0];
  const key = textKey(preset.id, distance);
  let text = loading.get(key);
  if (!text) {
    text = ('url' in preset.source ? fetchText(preset.source.url) : preset.source.generate(distance)).then((t) => {
      loaded.set(key, t);
      return t;
    });
    loading.set(key, text);
    text.catch(() => loading.delete(key));
  }
  return text;
}

// The text of a preset that has been loaded already, else undefined (a text on the page that came
// from a preset was loaded, so "is this still the preset?" never needs to wait).
export function loadedPresetText(id: string, distance: number): string | undefined {
  return loaded.get(textKey(id, distance));
}
