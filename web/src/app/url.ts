// The state mirrored in the URL's fragment (#cell=gru&hidden=64…), so a link reproduces a setup, seed
// included. Only values that differ from the defaults are written, and anything unreadable in a link
// falls back to its default instead of breaking the page. The text itself is not in the link (it can
// be megabytes); a preset's id is.
import { defaultState, FIELDS, parseField, type PlaygroundState } from './settings';

export function stateToHash(s: PlaygroundState): string {
  const d = defaultState();
  const params = new URLSearchParams();
  if (s.preset !== d.preset) params.set('preset', s.preset);
  for (const f of FIELDS) {
    const v = s[f.key];
    if (v === d[f.key]) continue;
    params.set(f.url, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  if (s.gate !== d.gate) params.set('gate', s.gate);
  if (s.view !== d.view) params.set('view', s.view);
  const q = params.toString();
  return q ? `#${q}` : '';
}

export function stateFromHash(hash: string, presetIds: readonly string[]): PlaygroundState {
  const s = defaultState() as unknown as Record<string, unknown>;
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const preset = params.get('preset');
  if (preset !== null && presetIds.includes(preset)) s.preset = preset;
  const gate = params.get('gate');
  if (gate !== null && /^[a-z]$/.test(gate)) s.gate = gate;
  const view = params.get('view');
  if (view !== null && /^[a-z][a-z-]{0,31}$/.test(view)) s.view = view;
  for (const f of FIELDS) {
    const raw = params.get(f.url);
    if (raw === null) continue;
    const parsed = parseField(f, raw);
    if (parsed.ok) s[f.key] = parsed.value;
  }
  return s as unknown as PlaygroundState;
}
