// Sentences in both languages: plurals, numbers grouped as each language writes them, particles after
// inserted values, and the whole page's language switch (setLanguage) reaching t(), <html lang> and
// the listeners that redraw.
import { afterEach, describe, expect, it } from 'vitest';
import { language, onLanguageChange, said, sayNow, setLanguage, t, tIn } from '../../../../web/src/i18n';
import { formatCount } from '../../../../web/src/format';
import { pageLanguage } from '../../../../web/src/locale';

afterEach(() => setLanguage('en'));

describe('messages in both languages', () => {
  it('says plurals the way each language does', () => {
    setLanguage('en');
    expect(t('discard.body', { what: 'Changing “Cell”', steps: 1, time: '0:01' })).toContain('trained for 1 step (0:01)');
    expect(t('discard.body', { what: 'Changing “Cell”', steps: 2, time: '0:02' })).toContain('trained for 2 steps (0:02)');
    expect(t('dropout.stretch', { p: '0.3', gap: '0.120', n: 1 })).toBe('With dropout 0.3: gap 0.120 (1 point)');
    setLanguage('ko');
    expect(t('discard.body', { what: '‘셀’ 설정을 바꾸려면', steps: 1, time: '0:01' })).toBe(
      '‘셀’ 설정을 바꾸려면 새 신경망이 필요합니다. 지금 모델은 1단계(0:01) 동안 학습했고, 그 학습 결과는 사라집니다.');
    expect(t('dropout.stretch', { p: '0.3', gap: '0.120', n: 7 })).toBe('드롭아웃 0.3: 차이 0.120(점 7개)');
  });

  it('groups counts as each language writes them', () => {
    setLanguage('en');
    expect(t('status.paused', { step: 1234567 })).toBe('Paused at step 1,234,567');
    expect(formatCount(1234567)).toBe('1,234,567');
    setLanguage('ko');
    expect(t('status.paused', { step: 1234567 })).toBe('1,234,567단계에서 일시 정지');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('puts the fitting particle after a value in Korean', () => {
    setLanguage('ko');
    expect(t('stop.lowerLr', { lr: '0.1' })).toBe('학습률 0.1로 계속하기');
    expect(t('stop.lowerLr', { lr: '0.0003' })).toBe('학습률 0.0003으로 계속하기');
    expect(t('fix.seqLen', { n: 10 })).toBe('시퀀스 길이를 10으로');
    expect(t('fix.batch', { n: 2 })).toBe('배치를 2로');
    expect(t('fix.preset', { preset: '영어 이야기' })).toBe('영어 이야기로 바꾸기');
  });

  it('keeps a message to say later in the language in use then', () => {
    const kept = said('run.train');
    setLanguage('en');
    expect(sayNow(kept)).toBe('Train');
    setLanguage('ko');
    expect(sayNow(kept)).toBe('학습');
    expect(tIn('en', 'share.frameTitle')).toBe('char-RNN playground');
    expect(language()).toBe('ko');  // tIn leaves the page's language alone
  });

  it('switches the page: <html lang>, number formats and every listener', () => {
    let heard = 0;
    const stop = onLanguageChange(() => heard++);
    setLanguage('ko');
    expect(pageLanguage()).toBe('ko');
    expect(language()).toBe('ko');
    setLanguage('ko');  // no change, nobody bothered
    setLanguage('en');
    expect(pageLanguage()).toBe('en');
    expect(heard).toBe(2);
    stop();
  });
});

describe('dates', () => {
  it('are written the Korean way on a Korean page', async () => {
    const { formatDateTime } = await import('../../../../web/src/format');
    const when = Date.UTC(2026, 11, 2, 12, 0);  // noon: the same day in every time zone a test machine has
    setLanguage('ko');
    expect(formatDateTime(when)).toMatch(/^2026\. 12\. 2\./);
    setLanguage('en');
    expect(formatDateTime(when)).toMatch(/2026/);
    expect(formatDateTime(when)).not.toMatch(/\. 12\. /);
  });
});
