// The values the engine sends with a code arrive as text: counts are said as numbers in the page's
// language (grouped: 4,000), values quoted from a file or the reader stay as written, and identifiers
// (tensor names, metadata keys) are picked out so the page can set them as code.
import { afterEach, describe, expect, it } from 'vitest';
import { engineSaid, sayNow, setLanguage } from '../../../../web/src/i18n';
import { namesIn, splitNames } from '../../../../web/src/i18n/names';

afterEach(() => setLanguage('en'));

describe('the engine’s values in a sentence', () => {
  it('a count is grouped in the page’s number format', () => {
    const e = engineSaid({ message: 'model file: too short', code: 'file.tooShort', params: { bytes: '4000' } });
    setLanguage('ko');
    expect(sayNow(e)).toBe('모델 파일이 4,000바이트뿐이라 safetensors 파일이라고 보기에는 너무 짧습니다.');
    setLanguage('en');
    expect(sayNow(e)).toBe('The model file is too short to be a safetensors file (4,000 bytes).');
  });

  it('the text-too-short sentence says every number, formatted, in Korean', () => {
    const e = engineSaid({
      message: 'the text is too short to train on',
      code: 'text.tooShort',
      params: { have: '1200', held: '133', batch: '32', seqLen: '64', need: '2080' },
    });
    setLanguage('ko');
    expect(sayNow(e)).toBe('텍스트가 너무 짧아 학습할 수 없습니다. 학습용 글자는 1,200자(검증용으로 133자를 떼어 둔 뒤)인데, 배치 32 × (시퀀스 길이 64 + 1)에는 2,080자가 필요합니다. 더 긴 텍스트를 쓰거나 시퀀스 길이나 배치 크기를 줄여 주세요.');
  });

  it('a value quoted from a file or the reader keeps its digits as written', () => {
    const label = engineSaid({ message: '', code: 'labels.listDuplicate', params: { label: '2024' } });
    expect(sayNow(label)).toBe('The model file lists the label “2024” twice.');
    const meta = engineSaid({ message: '', code: 'file.metadataNotInteger', params: { key: 'hidden_size', value: '12345', min: '1', max: '1024' } });
    expect(sayNow(meta)).toBe('The model file’s metadata hidden_size is “12345”, not a whole number from 1 to 1,024.');
  });

  it('names tensor names and metadata keys as identifiers, nothing else', () => {
    expect(namesIn(engineSaid({ message: '', code: 'file.tensorMissing', params: { name: 'decoder.weight' } }))).toEqual(['decoder.weight']);
    expect(namesIn(engineSaid({ message: '', code: 'file.metadataMissing', params: { key: 'hidden_size' } }))).toEqual(['hidden_size']);
    expect(namesIn(engineSaid({ message: '', code: 'file.tooShort', params: { bytes: '3' } }))).toEqual([]);
    expect(namesIn(engineSaid('model file: something uncoded'))).toEqual([]);
  });

  it('finds a name where it stands alone, with a Korean particle after it too', () => {
    expect(splitNames('The tensor “w” has the unknown number type “Q4”.', ['w'])).toEqual([
      { text: 'The tensor “', name: false }, { text: 'w', name: true }, { text: '” has the unknown number type “Q4”.', name: false },
    ]);
    expect(splitNames('모델 파일의 메타데이터에 hidden_size가 없습니다.', ['hidden_size'])).toEqual([
      { text: '모델 파일의 메타데이터에 ', name: false }, { text: 'hidden_size', name: true }, { text: '가 없습니다.', name: false },
    ]);
    expect(splitNames('No names here.', [])).toEqual([{ text: 'No names here.', name: false }]);
  });

  it('a task is said by the page’s name for it, in either language', () => {
    const e = engineSaid({ message: '', code: 'session.spacingOnly', params: { needed: 'spacing', task: 'lm' } });
    setLanguage('ko');
    expect(sayNow(e)).toBe('띄어쓰기 분석에는 “띄어쓰기” 작업의 모델이 필요합니다. 이 모델의 작업은 “다음 글자”입니다.');
    setLanguage('en');
    expect(sayNow(e)).toBe('The spacing breakdown needs a model of the task “Spacing”; this model’s task is “Next character”.');
  });
});
