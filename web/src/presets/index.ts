// The texts bundled with the page (no network at run time). Each says what a learner can watch for.
import { BRACKETS } from './brackets';
import { CODE } from './code';
import { KOREAN } from './korean';
import { STORY } from './story';

export interface Preset {
  id: string;
  title: string;
  text: string;
  about: string;
}

export const PRESETS: readonly Preset[] = [
  { id: 'story', title: 'English story', text: STORY,
    about: 'A short story written for this playground. Watch the samples go from noise to letters, to words, to sentences.' },
  { id: 'code', title: 'Python code', text: CODE,
    about: 'A small program: indentation, brackets, names that come back. Watch it learn to indent after a colon.' },
  { id: 'korean', title: 'Korean story', text: KOREAN,
    about: 'A Korean story written for this playground. Hundreds of Hangul syllables from a short text.' },
  { id: 'brackets', title: 'Brackets & quotes (diagnostic)', text: BRACKETS,
    about: 'Generated lines of nested (), [], {}, <> and quotes. Closing the right bracket needs memory: compare RNN with LSTM, and look for a depth-counting unit.' },
];

export const CUSTOM = 'custom';

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
