// The teaching views label step t of an inspection with character t of modelInput(): checked against
// what the real core reads (wasm), for a spacing tagger (spaces of every kind removed, line breaks
// kept as one) and a classifier (one line without its label).
import { beforeAll, describe, expect, it } from 'vitest';
import { languageModelText, modelInput } from '../../../../web/src/state/modelInput';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { loadCore } from '../../support/core';
import type { CoreModule } from '../../../../web/generated/core.mjs';

const PROSE = 'The lamps of Harrow Street were lit at dusk, one by one, by a man who knew each by name.\n'.repeat(60);
const five = (label: string) => Array.from({ length: 5 }, (_, i) => `${label}\tline ${i} said by ${label}`).join('\n');

describe('what a model of each task reads of a text', () => {
  let core: CoreModule;
  beforeAll(async () => {
    core = await loadCore();
  });

  const stepsRead = (task: 'spacing' | 'classify', training: string, text: string) => {
    const session = new core.Session();
    try {
      const made = session.create(training, { ...coreSettings({ ...defaultState(), task }), hiddenSize: 8 });
      expect(made.ok).toBe(true);
      const r = session.inspect(text, 1);
      if (!r.ok) throw new Error(r.error);
      return r.steps;
    } finally {
      session.delete();
    }
  };

  it.each([
    'The lamps of Harrow Street',
    'two  spaces,\ta tab,\u3000a wide space\u00a0and\r\na break',
    ' lead and trail ',
  ])('spacing: as many characters as the core reads (%j)', (text) => {
    const read = modelInput('spacing', text);
    expect(read).not.toMatch(/[ \t\u3000\u00a0\r]/);
    expect([...read].length).toBe(stepsRead('spacing', PROSE, text));
  });

  it('classify: the first line without its label, as many characters as the core reads', () => {
    const read = modelInput('classify', 'b\tline 3 said by b\na\tanother line');
    expect(read).toBe('line 3 said by b');
    expect([...read].length).toBe(stepsRead('classify', `${five('a')}\n${five('b')}`, read));
  });

  it('a language model reads the text as it is; beside a classifier, its lines without labels', () => {
    expect(modelInput('lm', 'a b\tc')).toBe('a b\tc');
    expect(languageModelText('classify', 'a\tone two\nb\tthree')).toBe('one two\nthree');
    expect(languageModelText('spacing', 'one two')).toBe('one two');
  });
});
