// The state mirrored in the URL's fragment (#cell=gru&hidden=64…), so a link reproduces a setup, seed
// included. Only values that differ from the defaults are written, and anything unreadable in a link
// falls back to its default instead of breaking the page. A preset's id is in the link; a person's own
// text only when it is short (compressed, at most LINK_TEXT_MAX characters): it can be megabytes.
// The free texts (probe, prime, heatmap text) go in when they differ from what the text starts with.
// The language (lang=ko|en) is in the link once a person chose it, and in every link the Share dialog writes.
import { defaultState, FIELDS, parseField, type PlaygroundState } from './settings';

// Free-text fields: URL name, and the most characters a link carries (longer ones stay out).
const FREE_TEXTS = [
  { key: 'probeText', url: 'probe', max: 500 },
  { key: 'heatText', url: 'heat', max: 500 },
  { key: 'prime', url: 'prime', max: 200 },
] as const;

export const LINK_TEXT_MAX = 2048;    // characters of the encoded text in a link
const LINK_TEXT_DECODED_MAX = 200_000;  // a hostile link must not inflate to gigabytes

// `defaults` overrides what counts as "unchanged" (the probe and heatmap texts depend on the text).
export function stateToHash(s: PlaygroundState, defaults: Partial<PlaygroundState> = {}): string {
  return stateParams(s, defaults).toString().replace(/^(.)/, '#$1');
}

export function stateParams(s: PlaygroundState, defaults: Partial<PlaygroundState> = {}): URLSearchParams {
  const d = { ...defaultState(), ...defaults };
  const params = new URLSearchParams();
  if (s.preset !== d.preset) params.set('preset', s.preset);
  for (const f of FIELDS) {
    const v = s[f.key];
    if (v === d[f.key]) continue;
    params.set(f.url, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  if (s.gate !== d.gate) params.set('gate', s.gate);
  if (s.view !== d.view) params.set('view', s.view);
  if (s.lang !== d.lang && (s.lang === 'ko' || s.lang === 'en')) params.set('lang', s.lang);
  for (const t of FREE_TEXTS) {
    const v = s[t.key];
    if (v !== d[t.key] && v !== '' && [...v].length <= t.max) params.set(t.url, v);
  }
  return params;
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
  const lang = params.get('lang');
  if (lang === 'ko' || lang === 'en') s.lang = lang;
  for (const f of FIELDS) {
    const raw = params.get(f.url);
    if (raw === null) continue;
    const parsed = parseField(f, raw);
    if (parsed.ok) s[f.key] = parsed.value;
  }
  for (const t of FREE_TEXTS) {
    const raw = params.get(t.url);
    if (raw !== null && [...raw].length <= t.max) s[t.key] = raw.replace(/[\u0000-\u0008\u000b-\u001f]/g, '');
  }
  return s as unknown as PlaygroundState;
}

// ---- a short text in the link: UTF-8, deflate-raw, base64url ----

export async function encodeLinkText(text: string): Promise<string | null> {
  if (text.length > LINK_TEXT_DECODED_MAX) return null;  // a link could not bring it back anyway; skip compressing megabytes
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'), Infinity);
  const encoded = toBase64Url(packed);
  return encoded.length <= LINK_TEXT_MAX ? encoded : null;
}

// The text a link carries, or null when there is none or it is damaged.
export async function decodeLinkText(hash: string): Promise<string | null> {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('text');
  if (raw === null || raw.length > LINK_TEXT_MAX || !/^[A-Za-z0-9_-]*$/.test(raw)) return null;
  try {
    const bytes = await pipe(fromBase64Url(raw), new DecompressionStream('deflate-raw'), LINK_TEXT_DECODED_MAX * 4);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error('too long');
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
