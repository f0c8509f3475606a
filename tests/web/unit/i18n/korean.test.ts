// Korean particles after an inserted word, chosen by how the word is read: 사과를 and 책을 by the last
// syllable's final consonant; LSTM을 (엠), GRU를 (유), 128을 (팔), 3을 (삼), 2를 (이); 으로 after a final
// consonant but 로 after ㄹ (서울로, 물로, 1로 — 일) or a vowel.
import { describe, expect, it } from 'vitest';
import { particle } from '../../../../web/src/i18n/korean';
import { formatMessage } from '../../../../web/src/i18n/message';

const plain = { number: (n: number) => String(n), plural: (n: number) => (n === 1 ? 'one' as const : 'other' as const) };

describe('Korean particles', () => {
  it('chooses 을/를 by the final consonant as the word is read', () => {
    const cases: [string, string][] = [
      ['사과', '를'], ['책', '을'], ['LSTM', '을'], ['GRU', '를'], ['RNN', '을'], ['128', '을'], ['3', '을'],
      ['2', '를'], ['10', '을'], ['Adam', '을'], ['SGD', '를'], ['‘가’', '를'], ['공백', '을'],
    ];
    for (const [word, expected] of cases) expect(`${word}${particle(word, '을/를')}`, word).toBe(`${word}${expected}`);
  });

  it('chooses 으로/로: 로 after a vowel or ㄹ, 으로 after any other final consonant', () => {
    const cases: [string, string][] = [
      ['서울', '로'], ['물', '로'], ['바다', '로'], ['집', '으로'], ['1', '로'], ['7', '로'], ['8', '로'],
      ['3', '으로'], ['0.1', '로'], ['0.0003', '으로'], ['LSTM', '으로'], ['GRU', '로'],
    ];
    for (const [word, expected] of cases) expect(`${word}${particle(word, '으로/로')}`, word).toBe(`${word}${expected}`);
  });

  it('chooses the other pairs the same way, and shows both forms when the sound cannot be told', () => {
    expect(particle('모델', '이/가')).toBe('이');
    expect(particle('게이트', '이/가')).toBe('가');
    expect(particle('셀', '은/는')).toBe('은');
    expect(particle('망각 게이트 f', '은/는')).toBe('는');
    expect(particle('RNN', '와/과')).toBe('과');
    expect(particle('GRU', '와/과')).toBe('와');
    expect(particle('★', '을/를')).toBe('을(를)');
  });

  it('puts the particle after the value where a sentence asks for one', () => {
    const say = (msg: string, value: string | number) => formatMessage(msg, { x: value }, plain);
    expect(say('{x:을} 고르세요', 'LSTM')).toBe('LSTM을 고르세요');
    expect(say('{x:를} 고르세요', 'GRU')).toBe('GRU를 고르세요');
    expect(say('학습률 {x:으로} 계속하기', '0.3')).toBe('학습률 0.3으로 계속하기');
    expect(say('배치를 {x:으로}', 128)).toBe('배치를 128로');
    expect(say('{x:이} 있습니다', '책')).toBe('책이 있습니다');
  });

  it('leaves formula subscripts alone: _{t−1} is not a placeholder', () => {
    expect(formatMessage('c_t = f ⊙ c_{t−1} + {x}', { x: 'i ⊙ g' }, plain)).toBe('c_t = f ⊙ c_{t−1} + i ⊙ g');
  });
});
