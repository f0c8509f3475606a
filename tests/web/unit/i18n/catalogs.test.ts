// The two catalogues, read at run time: the same keys, the same placeholders in every sentence, no key
// written in two areas (a spread would keep only one), and a sentence for every name the page asks
// the catalogue for by building a key (settings, gates, presets, teaching views, lesson controls).
import { describe, expect, it } from 'vitest';
import { en, EN_AREAS } from '../../../../web/src/i18n/catalogs/en';
import { ko, KO_AREAS } from '../../../../web/src/i18n/catalogs/ko';
import { hasMessage } from '../../../../web/src/i18n';
import { placeholderNames } from '../../../../web/src/i18n/message';
import { PRESETS } from '../../../../web/src/presets';
import { CONTROLS, PANELS } from '../../../../web/src/state/lesson';
import { FIELDS, fieldHelp, fieldLabel } from '../../../../web/src/state/settings';
import { TEACH_VIEWS, viewBlurb, viewTitle } from '../../../../web/src/ui/teach/views';

describe('catalogues', () => {
  it('have the same keys', () => {
    const missing = Object.keys(en).filter((k) => !(k in ko));
    const extra = Object.keys(ko).filter((k) => !(k in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(Object.keys(en).length).toBeGreaterThan(400);
  });

  it('keep every placeholder of every sentence', () => {
    const differ = Object.keys(en).filter((k) => {
      const key = k as keyof typeof en;
      return placeholderNames(en[key]).join() !== placeholderNames(ko[key]).join();
    });
    expect(differ).toEqual([]);
  });

  it('write each key in one area only, and each area the same keys in both languages', () => {
    for (const areas of [EN_AREAS, KO_AREAS]) {
      const seen = new Map<string, string>();
      for (const [area, messages] of Object.entries(areas)) {
        for (const key of Object.keys(messages)) {
          expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
          seen.set(key, area);
        }
      }
    }
    for (const area of Object.keys(EN_AREAS) as (keyof typeof EN_AREAS)[]) {
      expect(Object.keys(KO_AREAS[area]).sort(), area).toEqual(Object.keys(EN_AREAS[area]).sort());
    }
  });

  it('has no empty sentence, and Korean sentences are Korean', () => {
    const english: string[] = [];
    for (const [key, text] of Object.entries(ko)) {
      expect(text.trim(), key).not.toBe('');
      // Names, units and symbols may stay as they are; a sentence of Latin words is an untranslated one.
      const words = text.replace(/\{[^}]*\}/g, '').match(/[A-Za-z]{4,}/g) ?? [];
      english.push(...words.filter((w) => !ALLOWED_IN_KOREAN.has(w.toLowerCase())).map((w) => `${key}: ${w}`));
    }
    expect(english).toEqual([]);
  });

  it('has a sentence for every name the page builds a key for', () => {
    const keys = [
      ...FIELDS.flatMap((f) => [fieldLabel(f), fieldHelp(f)]),
      ...TEACH_VIEWS.flatMap((v) => [viewTitle(v.id), viewBlurb(v.id)]),
      ...PRESETS.flatMap((p) => [`preset.${p.id}`, `preset.${p.id}.about`, `preset.${p.id}.inSentence`]),
      ...PANELS.map((p) => p.label), ...CONTROLS.map((c) => c.label),
      ...['i', 'f', 'g', 'o', 'c', 'h'].flatMap((g) => [`gate.lstm.${g}`, `gate.lstm.${g}.meaning`]),
      ...['r', 'z', 'n', 'h'].flatMap((g) => [`gate.gru.${g}`, `gate.gru.${g}.meaning`]),
      'gate.rnn.h', 'gate.rnn.h.meaning',
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });
});

// Latin words a Korean sentence may hold: names of models, optimizers, tools, file formats, authors.
const ALLOWED_IN_KOREAN = new Set([
  'lstm', 'pytorch', 'torch', 'adam', 'rmsprop', 'adagrad', 'safetensors', 'charrnn', 'simd', 'tanh', 'softmax',
  'https', 'course', 'example', 'postmessage', 'english', 'firefox', 'chrome', 'edge', 'safari', 'jozefowicz', 'zaremba',
  'wasm', 'relu', 'char', 'clip', 'json',
]);
