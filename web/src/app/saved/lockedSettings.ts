// A lesson that locks settings must not have them changed behind its back by a model file, which brings
// its own network and training settings. Before a file opens, its metadata is compared with every locked
// setting; a file that disagrees is refused with the reason.
import { said, t, tDynamic, type Said } from '../../i18n';
import { CONTROLS, type Lesson } from '../../state/lesson';
import { resumedSettings, shortFloat } from './modelFile';
import type { PlaygroundState } from '../../state/settings';

// The network settings a file always carries (metadata written by core/io/model_file.cpp).
const NETWORK: [keyof PlaygroundState, string][] = [
  ['cell', 'cell'], ['nonlinearity', 'nonlinearity'], ['hiddenSize', 'hidden_size'], ['numLayers', 'num_layers'],
];  // nonlinearity: RNN files only

// Why the lesson refuses a model file with this metadata, or null when nothing locked would change.
export function lockedSettingsRefusal(lesson: Lesson, state: PlaygroundState, meta: Record<string, string> | null): Said | null {
  if (meta === null || lesson.lock.length === 0) return null;  // not a model: the core names the problem
  const fromFile: Partial<Record<keyof PlaygroundState, string>> = { ...resumedSettings(meta) };
  for (const [key, name] of NETWORK) if (meta[name] !== undefined) fromFile[key] = meta[name];
  const changed: string[] = [];
  for (const c of CONTROLS) {
    if (!c.key || !lesson.lock.includes(c.id)) continue;
    const value = fromFile[c.key];
    if (value !== undefined && shortFloat(value) !== shortFloat(String(state[c.key]))) {
      changed.push(t('lesson.refuseSetting', { setting: tDynamic(c.label).toLowerCase(), value, fixed: String(state[c.key]) }));
    }
  }
  return changed.length === 0 ? null : said('lesson.refuseFile', { changes: changed.join('; ') });
}
