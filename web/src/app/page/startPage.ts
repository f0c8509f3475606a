// What the page opens with: the settings and lesson from the link, and the text — the link's own short
// text, else the one this browser remembers (for "your own text"), else the preset's.
import { setLanguage, type Language } from '../../i18n';
import { browserLanguages, chooseLanguage } from '../../i18n/choose';
import { CUSTOM, loadPresetText, presetForTask, PRESETS } from '../../presets';
import { parseLesson, type Lesson } from '../../state/lesson';
import type { PlaygroundState } from '../../state/settings';
import { decodeLinkText, stateFromHash } from '../../state/url';

export const PRESET_IDS = [...PRESETS.map((p) => p.id), CUSTOM];
const TEXT_KEY = 'charrnn-playground.text';

// The text a Korean page opens with when the link names none.
const KOREAN_PRESET = 'korean';

export interface StartPage {
  state: PlaygroundState;
  lesson: Lesson;
  text: string;
  language: Language;
}

export async function startPage(hash: string, preferred: readonly string[] = browserLanguages()): Promise<StartPage> {
  const state = stateFromHash(hash, PRESET_IDS);
  const lesson = parseLesson(hash);
  // The link's lang=, else the reader's preferred languages, else English; set before any panel is built.
  const language = chooseLanguage(state.lang, preferred);
  setLanguage(language);
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (language === 'ko' && !params.has('preset') && !params.has('text') && PRESET_IDS.includes(KOREAN_PRESET)) state.preset = KOREAN_PRESET;
  state.preset = presetForTask(state.task, state.preset, language) ?? state.preset;  // #task=classify brings labelled lines
  const own = state.preset === CUSTOM ? (await decodeLinkText(hash)) ?? readStoredText() : null;
  if (state.preset === CUSTOM && own === null) state.preset = PRESETS[0].id;
  return { state, lesson, language, text: own ?? (await loadPresetText(state.preset, state.distance)) };
}

export function readStoredText(): string | null {
  try {
    return localStorage.getItem(TEXT_KEY);
  } catch {
    return null;  // storage may be off (private windows, file://): the text just is not remembered
  }
}

// The person's own text goes to local storage once typing settles (it can be megabytes).
let timer: ReturnType<typeof setTimeout> | undefined;
export function rememberText(text: string): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    try {
      localStorage.setItem(TEXT_KEY, text);
    } catch {
      // Full or unavailable: not worth bothering a person about.
    }
  }, 500);
}
