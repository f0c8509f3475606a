// A preset's text in node (Vitest, Playwright's runner): the very file the page fetches, read from
// disk — the page's `?url` import resolves to a path from the repository's root here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { presetById, PRESETS } from '../../../web/src/presets';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export async function presetText(id: string): Promise<string> {
  const preset = presetById(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return 'url' in preset.source ? readFileSync(join(ROOT, preset.source.url), 'utf-8') : preset.source.generate();
}

export const PRESET_IDS = PRESETS.map((p) => p.id);
