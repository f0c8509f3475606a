// A preset's text in node (Vitest, Playwright's runner): the very file the page fetches, read from
// disk — the page's `?url` import resolves to a path from the repository's root here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { presetById, PRESETS } from '../../../web/src/presets';
import { defaultState } from '../../../web/src/state/settings';

const ROOT = join(import.meta.dirname, '..', '..', '..');

// distance: the memory tasks' setting (their text depends on it), the page's default unless given.
export async function presetText(id: string, distance = defaultState().distance): Promise<string> {
  const preset = presetById(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return 'url' in preset.source ? readFileSync(join(ROOT, preset.source.url), 'utf-8') : preset.source.generate(distance);
}

export const PRESET_IDS = PRESETS.map((p) => p.id);
