// The page in Korean and English: one catalogue per language (catalogs/), whole sentences with named
// placeholders (message.ts), and the language in use. Everything a person can read or hear goes
// through t(); text set with i18n/dom.ts follows a change of language on its own, and whatever renders
// from state redraws when onLanguageChange fires.
import { pageLanguage, setPageLanguage } from '../locale';
import { en } from './catalogs/en';
import { ko } from './catalogs/ko';
import { formatMessage, type Params, type Placeholders, type Value } from './message';

export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['ko', 'en'];
export type MessageKey = keyof typeof en;

// A message to say later, in whatever language is in use then (notices, errors kept on screen). `raw`
// is text that has no translation: a file name, or (`english`) the engine's own English words, which a
// page in another language shows tucked away under a sentence of its own (ui/said.ts).
export type Said = { key: MessageKey; params?: Record<string, Value> } | { raw: string; english?: boolean };

// The parameters a message needs: none, or exactly its placeholders.
export type ParamsOf<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [Params<(typeof en)[K]>];

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, ko };
let current: Language = 'en';
const listeners = new Set<() => void>();

export function language(): Language {
  return current;
}

export function isLanguage(x: unknown): x is Language {
  return x === 'en' || x === 'ko';
}

export function setLanguage(lang: Language): void {
  if (lang === current && pageLanguage() === lang) return;
  current = lang;
  setPageLanguage(lang);  // <html lang>, and the tag numbers and dates are formatted for
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return format(CATALOGS[current][key], (params[0] ?? {}) as Record<string, Value>);
}

// A message in a given language, whatever the page's (the embed snippet speaks its link's language).
export function tIn(lang: Language, key: MessageKey, params: Record<string, Value> = {}): string {
  const was = current;
  current = lang;
  try {
    return format(CATALOGS[lang][key], params);
  } finally {
    current = was;
  }
}

// A message whose key is only known at run time (a table's row, an error's code).
export function tDynamic(key: MessageKey, params: Record<string, Value> = {}): string {
  return format(CATALOGS[current][key], params);
}

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

export function sayNow(s: Said): string {
  return 'raw' in s ? s.raw : tDynamic(s.key, s.key.startsWith('engine.') ? engineParams(s.key, s.params ?? {}) : s.params);
}

// The engine sends every value as text. Its counts (bytes, lines, characters) are said as numbers, in
// the language's grouping ("4,000바이트"); values quoted from the reader or a file (a label, a metadata
// value, a character, a name) stay exactly as written, digits or not.
const QUOTED = new Set(['label', 'value', 'name', 'key', 'field', 'char', 'character', 'format', 'dtype', 'expected', 'known', 'task', 'needed', 'actual', 'setting']);

function engineParams(key: string, params: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = {};
  const setting = key.startsWith('engine.settings.');  // there `value` is the setting's number, not a file's text
  for (const [name, value] of Object.entries(params)) {
    const quoted = QUOTED.has(name) && !(setting && name === 'value');
    out[name] = typeof value === 'string' && !quoted && /^\d{1,15}$/.test(value) ? Number(value) : value;
  }
  // a task is said by the name the page gives it (task.lm: "Next character"), not the core's id
  for (const name of ['task', 'needed']) {
    const key = `task.${out[name]}`;
    if (hasMessage(key)) out[name] = tDynamic(key);
  }
  return withSettingName(out);
}

// The engine names a setting by its id (`hiddenSize`); a sentence says it by the name the page gives it
// in the language in use then (setting.<id>, or engine.name.<id> for one the settings panel does not show).
function withSettingName(params: Record<string, Value>): Record<string, Value> {
  const id = params.setting;
  if (typeof id !== 'string') return params;
  const key = [`setting.${id}`, `engine.name.${id}`].find(hasMessage);
  return key ? { ...params, setting: tDynamic(key) } : params;
}

export function said<K extends MessageKey>(key: K, ...params: ParamsOf<K>): Said {
  return { key, params: params[0] as Record<string, Value> | undefined };
}

// A refusal of the engine as it arrives: its English message, and for a problem a learner meets from
// the page a code and the values its sentence names (core/util/error.hpp).
export interface EngineError {
  message: string;
  code?: string;
  params?: Record<string, string>;
}

// What the engine (the core, the worker) said: in the page's language when its code has a sentence in
// the catalogue (`engine.<code>`), else in its own English, as a sentence: "Model file: …".
export function engineSaid(said: string | EngineError): Said {
  const e = typeof said === 'string' ? { message: said } : said;
  const key = e.code ? `engine.${e.code}` : '';
  if (hasMessage(key)) return { key, params: e.params ?? {} };
  return { raw: e.message.charAt(0).toUpperCase() + e.message.slice(1), english: true };
}

// Several sentences said as one paragraph.
export function sayAll(parts: readonly Said[]): string {
  return parts.map(sayNow).join(' ');
}

const numberFormats = new Map<Language, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();

// Numbers inserted as numbers are counts (steps, characters, units): grouped in the language's way,
// at most 3 decimals. A value whose digits matter (a learning rate, a loss) is passed as a string.
function format(message: string, params: Record<string, Value>): string {
  let nf = numberFormats.get(current);
  if (!nf) numberFormats.set(current, (nf = new Intl.NumberFormat(current === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 3 })));
  let rules = pluralRules.get(current);
  if (!rules) pluralRules.set(current, (rules = new Intl.PluralRules(current)));
  return formatMessage(message, params, { number: (n) => nf!.format(n), plural: (n) => (rules!.select(n) === 'one' ? 'one' : 'other') });
}
