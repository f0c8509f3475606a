// A refusal of the real core reaches the page with its code, and the page says it in the learner's
// language: a malformed labelled text in Korean names the line; a refusal without a sentence in the
// catalogue is shown in the engine's own English.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreModule } from '../../../../web/generated/core.mjs';
import { engineSaid, sayNow, setLanguage } from '../../../../web/src/i18n';
import { loadCore, smallSettings } from '../../support/core';

let m: CoreModule;
beforeAll(async () => {
  m = await loadCore();
});
afterEach(() => setLanguage('en'));

function refusal(text: string, task: 'classify' | 'spacing') {
  const session = new m.Session();
  const r = session.create(text, { ...smallSettings, task, seqLen: 16, batch: 2 });
  session.delete();
  if (r.ok) throw new Error('the core accepted the text');
  return { message: r.error, code: r.code, params: r.params };
}

describe('the core’s refusals in the page’s language', () => {
  it('a labelled line without a tab is named by its number, in Korean and in English', () => {
    const e = refusal('pos\tgood\nno tab on this line\n', 'classify');
    expect(e.code).toBe('labels.noTab');
    expect(e.params).toEqual({ line: '2' });
    setLanguage('ko');
    expect(sayNow(engineSaid(e))).toBe('2번째 줄에 탭이 없습니다. 줄마다 레이블, 탭, 텍스트 순서로 써 주세요.');
    setLanguage('en');
    expect(sayNow(engineSaid(e))).toBe('Line 2 has no tab: each line must be a label, a tab, then the text.');
  });

  it('too few lines for a label names the label and the counts', () => {
    const lines = (label: string, n: number) => Array.from({ length: n }, (_, i) => `${label}\tline ${i}`).join('\n');
    const e = refusal(`${lines('시', 6)}\n${lines('산문', 2)}\n`, 'classify');
    setLanguage('ko');
    expect(sayNow(engineSaid(e))).toContain('레이블 “산문”의 줄이 2개뿐입니다');
  });

  it('a text without spaces cannot teach spacing, said in Korean', () => {
    const e = refusal('띄어쓰기가전혀없는문장입니다'.repeat(20), 'spacing');
    setLanguage('ko');
    expect(sayNow(engineSaid(e))).toContain('띄어쓰기가 없어');
  });

  it('a model file the core refuses is said in Korean, with the file’s numbers', () => {
    const session = new m.Session();
    const cut = new Uint8Array(40).fill(0x20);
    new DataView(cut.buffer).setBigUint64(0, 4000n, true);
    const r = session.load(cut, '', smallSettings, false);
    session.delete();
    if (r.ok) throw new Error('the core opened a cut file');
    const e = { message: r.error, code: r.code, params: r.params };
    expect(e.code).toBe('file.headerPastEnd');
    setLanguage('ko');
    expect(sayNow(engineSaid(e))).toBe('모델 파일의 헤더 길이가 4,000바이트라서 파일 끝(40바이트)을 넘어갑니다. 파일이 잘린 것 같습니다.');
    setLanguage('en');
    expect(sayNow(engineSaid(e))).toBe('The model file’s header claims 4,000 bytes, past the end of the file (40 bytes): the file is probably cut off.');
  });

  it('a setting out of range is named as the page names it, with the particle that fits the name', () => {
    const session = new m.Session();
    const r = session.create('abcabcabc'.repeat(50), { ...smallSettings, hiddenSize: 2000 });
    session.delete();
    if (r.ok) throw new Error('the core accepted hidden size 2000');
    const e = { message: r.error, code: r.code, params: r.params };
    expect(e.code).toBe('settings.outOfRange');
    expect(e.params).toEqual({ setting: 'hiddenSize', value: '2000', min: '1', max: '1024' });
    setLanguage('ko');
    expect(sayNow(engineSaid(e))).toBe('은닉 유닛은 2,000입니다. 1부터 1,024 사이여야 합니다.');
    setLanguage('en');
    expect(sayNow(engineSaid(e))).toBe('The setting “Hidden units” is 2,000; it must be between 1 and 1,024.');
    // a name that ends in a vowel takes the other particle: 시퀀스 길이는
    setLanguage('ko');
    expect(sayNow(engineSaid({ ...e, params: { ...e.params, setting: 'seqLen' } }))).toMatch(/^시퀀스 길이는 /);
  });

  it('a refusal without a code, or with a code the catalogue lacks, keeps the engine’s English', () => {
    setLanguage('ko');
    const plain = engineSaid({ message: 'model file: the header is cut off' });
    expect(plain).toEqual({ raw: 'Model file: the header is cut off', english: true });
    expect(engineSaid({ message: 'something new', code: 'no.such.code', params: {} })).toEqual({ raw: 'Something new', english: true });
  });
});
