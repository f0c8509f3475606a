// The settings table: parsing what people type against the core's limits, and what a change costs.
import { describe, expect, it } from 'vitest';
import { changeEffect, coreSettings, defaultState, field, FIELDS, parseField } from '../../../../web/src/state/settings';
import { sayNow } from '../../../../web/src/i18n';
import { loadCore } from '../../support/core';

// What a person reads under a rejected value (English, the default language).
const rejection = (r: ReturnType<typeof parseField>) => (r.ok ? r : { ok: false, error: sayNow(r.error) });

describe('settings table', () => {
  it('parses numbers within the core limits and says what is wrong otherwise', () => {
    expect(parseField(field('hiddenSize'), '256')).toEqual({ ok: true, value: 256 });
    expect(rejection(parseField(field('hiddenSize'), '1025'))).toEqual({ ok: false, error: 'From 1 to 1024' });
    expect(rejection(parseField(field('hiddenSize'), '12.5'))).toEqual({ ok: false, error: 'Enter a whole number' });
    expect(rejection(parseField(field('hiddenSize'), ''))).toEqual({ ok: false, error: 'Enter a number' });
    expect(rejection(parseField(field('hiddenSize'), 'abc'))).toEqual({ ok: false, error: 'Enter a number' });
    expect(rejection(parseField(field('learningRate'), '0'))).toEqual({ ok: false, error: 'More than 0, at most 10' });
    expect(parseField(field('learningRate'), '1e-4')).toEqual({ ok: true, value: 0.0001 });
    expect(rejection(parseField(field('dropout'), '0.95'))).toEqual({ ok: false, error: 'From 0 to 0.9' });
    expect(parseField(field('cell'), 'gru')).toEqual({ ok: true, value: 'gru' });
    expect(parseField(field('cell'), 'transformer').ok).toBe(false);
    expect(parseField(field('forgetBiasOne'), true)).toEqual({ ok: true, value: true });
    expect(parseField(field('forgetBiasOne'), '0')).toEqual({ ok: true, value: false });
  });

  it('has defaults inside their own limits', () => {
    const s = defaultState();
    for (const f of FIELDS) {
      const parsed = parseField(f, typeof s[f.key] === 'boolean' ? (s[f.key] as boolean) : String(s[f.key]));
      expect(parsed, f.key).toEqual({ ok: true, value: s[f.key] });
    }
  });

  it('ranks what a change costs: a new model beats a trainer rebuild beats a live update', () => {
    const a = coreSettings(defaultState());
    expect(changeEffect(a, { ...a })).toBeNull();
    expect(changeEffect(a, { ...a, learningRate: 0.01 })).toBe('live');
    expect(changeEffect(a, { ...a, learningRate: 0.01, batch: 8 })).toBe('trainer');
    expect(changeEffect(a, { ...a, batch: 8, cell: 'gru' })).toBe('model');
    expect(changeEffect(a, { ...a, seed: 2 })).toBe('model');
  });

  it('the plain RNN’s nonlinearity reaches the core; other cells take tanh, so the setting changes nothing for them', () => {
    const rnn = { ...defaultState(), cell: 'rnn' as const };
    expect(parseField(field('nonlinearity'), 'relu')).toEqual({ ok: true, value: 'relu' });
    expect(parseField(field('nonlinearity'), 'sigmoid').ok).toBe(false);
    expect(coreSettings({ ...rnn, nonlinearity: 'relu' }).nonlinearity).toBe('relu');
    expect(coreSettings({ ...rnn, cell: 'lstm', nonlinearity: 'relu' }).nonlinearity).toBe('tanh');
    expect(changeEffect(coreSettings(rnn), coreSettings({ ...rnn, nonlinearity: 'relu' }))).toBe('model');
    const lstm = { ...defaultState(), cell: 'lstm' as const };
    expect(changeEffect(coreSettings(lstm), coreSettings({ ...lstm, nonlinearity: 'relu' }))).toBeNull();
  });

  it('limits agree with the core: the edges are accepted, one past them refused', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const text = 'abcdefghij'.repeat(400);
    const base = { ...coreSettings(defaultState()), hiddenSize: 4, seqLen: 2, batch: 2 };
    const cases: [keyof typeof base, number][] = [['numLayers', 4], ['dropout', 0.9], ['learningRate', 10], ['valFrac', 0.5], ['clip', 0]];
    for (const [key, edge] of cases) {
      expect(session.create(text, { ...base, [key]: edge }).ok, `${key}=${edge}`).toBe(true);
    }
    expect(session.create(text, { ...base, numLayers: 5 }).ok).toBe(false);
    expect(session.create(text, { ...base, dropout: 0.95 }).ok).toBe(false);
    expect(session.create(text, { ...base, learningRate: 0 }).ok).toBe(false);
    expect(session.create(text, { ...base, hiddenSize: 1025 }).ok).toBe(false);
    expect(session.create(text, { ...base, batch: 257 }).ok).toBe(false);
    session.delete();
  });
});
