// Model files against a lesson's locked settings, on metadata the real core writes.
import { describe, expect, it } from 'vitest';
import { lockedSettingsRefusal as refusalSaid } from '../../../../../web/src/app/saved/lockedSettings';
import { sayNow } from '../../../../../web/src/i18n';

// The refusal as a person reads it (English, the default language), or null.
const lockedSettingsRefusal = (...args: Parameters<typeof refusalSaid>) => {
  const r = refusalSaid(...args);
  return r === null ? null : sayNow(r);
};
import { NO_LESSON, parseLesson } from '../../../../../web/src/state/lesson';
import { modelFileMetadata } from '../../../../../web/src/app/saved/modelFile';
import { coreSettings, defaultState } from '../../../../../web/src/state/settings';
import { loadCore } from '../../../support/core';

async function savedMetadata(overrides: Partial<ReturnType<typeof defaultState>>): Promise<Record<string, string>> {
  const m = await loadCore();
  const session = new m.Session();
  const created = session.create('a lesson about recurrent networks. '.repeat(60), { ...coreSettings({ ...defaultState(), ...overrides }), seqLen: 16, batch: 4 });
  if (!created.ok) throw new Error(created.error);
  expect(session.trainSlice(1, 1e9).ok).toBe(true);
  const saved = session.save(true);
  if (!saved.ok) throw new Error(saved.error);
  session.delete();
  return modelFileMetadata(saved.bytes.slice().buffer)!;
}

describe('model files in a lesson with locked settings', () => {
  it('refuses a file whose cell or size differs from a locked one, naming both', async () => {
    const meta = await savedMetadata({ cell: 'lstm', hiddenSize: 24 });
    const lesson = parseLesson('#lock=cell,hidden');
    const state = { ...defaultState(), cell: 'gru' as const, hiddenSize: 24 };
    const refusal = lockedSettingsRefusal(lesson, state, meta);
    expect(refusal).toContain('cell lstm (the lesson fixes gru)');
    expect(refusal).not.toContain('hidden');
  });

  it('refuses a file whose locked training setting differs, and lets a matching file through', async () => {
    const meta = await savedMetadata({ hiddenSize: 24, learningRate: 0.01 });
    const lesson = parseLesson('#lock=lr,hidden');
    expect(lockedSettingsRefusal(lesson, { ...defaultState(), hiddenSize: 24, learningRate: 0.003 }, meta)).toContain('0.01');
    expect(lockedSettingsRefusal(lesson, { ...defaultState(), hiddenSize: 24, learningRate: 0.01 }, meta)).toBeNull();
  });

  it('refuses a tanh RNN file when the lesson locks relu (nonlinearity=relu&lock=nonlinearity)', async () => {
    const meta = await savedMetadata({ cell: 'rnn', hiddenSize: 24, nonlinearity: 'tanh' });
    expect(meta.nonlinearity).toBe('tanh');
    const lesson = parseLesson('#lock=nonlinearity');
    const state = { ...defaultState(), cell: 'rnn' as const, hiddenSize: 24, nonlinearity: 'relu' as const };
    expect(lockedSettingsRefusal(lesson, state, meta)).toContain('activation tanh (the lesson fixes relu)');
    expect(lockedSettingsRefusal(lesson, { ...state, nonlinearity: 'tanh' }, meta)).toBeNull();
  });

  it('has nothing to say without locks or without a model', async () => {
    const meta = await savedMetadata({ hiddenSize: 24 });
    expect(lockedSettingsRefusal(NO_LESSON, defaultState(), meta)).toBeNull();
    expect(lockedSettingsRefusal(parseLesson('#lock=cell'), defaultState(), null)).toBeNull();
  });
});
