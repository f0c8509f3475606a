// Every code the core can throw (core/util/error.hpp) has a sentence in both catalogues, so no refusal
// of the engine reaches a Korean reader in English; read from the core's sources, so a new code without
// a sentence fails here. Also: every refusal of a model file is coded, every setting the core names has
// a name on the page, and no sentence waits for a code the core no longer throws.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../../web/src/i18n/catalogs/en';
import { engine } from '../../../../web/src/i18n/catalogs/en/engine';
import { ko } from '../../../../web/src/i18n/catalogs/ko';

const CORE = join(__dirname, '../../../../core');

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.(cpp|hpp)$/.test(d.name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

// wasm/ too: its glue refuses a few values the page sends (replica_convert.cpp).
const core = [...sources(CORE), ...sources(join(CORE, '../wasm'))];
// A code is a string literal of the form area.name, in one of the areas codes live in.
const CODE = /"((?:file|settings|labels|text|spacing|session)\.[A-Za-z0-9]+)"/g;
const codes = [...new Set(core.flatMap((f) => [...f.text.matchAll(CODE)].map((m) => m[1])))].sort();
const catalogue = (c: Record<string, string>) => new Set(Object.keys(c));

describe('the core’s error codes', () => {
  it('are found in the sources (the collector works)', () => {
    expect(codes).toContain('file.tooShort');
    expect(codes).toContain('settings.outOfRange');
    expect(codes).toContain('labels.noTab');
    expect(codes.length).toBeGreaterThan(50);
  });

  it('each have a sentence in the English and the Korean catalogue', () => {
    const missing = (c: Record<string, string>) => codes.filter((code) => !catalogue(c).has(`engine.${code}`));
    expect({ en: missing(en), ko: missing(ko) }).toEqual({ en: [], ko: [] });
  });

  it('cover every sentence the catalogue keeps for them', () => {
    const orphans = Object.keys(engine).filter((k) => !k.startsWith('engine.name.') && !codes.includes(k.slice('engine.'.length)));
    expect(orphans).toEqual([]);
  });

  it('are given to every refusal of a model file', () => {
    const io = core.filter((f) => /core[\\/]io[\\/].*\.cpp$/.test(f.path));
    const calls = io.flatMap((file) => [...file.text.matchAll(/\bbad\(\s*([^,)]*)/g)].map((m) => m[1]));
    expect(calls.length).toBeGreaterThan(50);
    // the definition (`const char* code`) aside, every call names its code first
    expect(calls.filter((first) => !first.startsWith('const char*') && !/^"file\.[A-Za-z0-9]+"$/.test(first))).toEqual([]);
  });

  it('name settings the page has a name for, in both languages', () => {
    const named = new Set(core.flatMap((f) => [
      ...[...f.text.matchAll(/\{"setting", "([A-Za-z0-9]+)"\}/g)].map((m) => m[1]),
      ...[...f.text.matchAll(/require_in_range\("([A-Za-z0-9]+)"/g)].map((m) => m[1]),
    ]));
    expect(named.size).toBeGreaterThan(10);
    const unnamed = (c: Record<string, string>) => [...named].filter((id) => !catalogue(c).has(`setting.${id}`) && !catalogue(c).has(`engine.name.${id}`));
    expect({ en: unnamed(en), ko: unnamed(ko) }).toEqual({ en: [], ko: [] });
  });
});
