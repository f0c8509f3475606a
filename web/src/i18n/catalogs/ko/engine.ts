// 엔진(C++ 코어)이 거절한 까닭을 코드로 받아 한국어로 말합니다(en/engine.ts와 같은 키).
import type { engine as english } from '../en/engine';

export const engine = {
  'engine.labels.noTab': '{line}번째 줄에 탭이 없습니다. 줄마다 레이블, 탭, 텍스트 순서로 써 주세요.',
  'engine.labels.emptyLabel': '{line}번째 줄의 레이블이 비어 있습니다. 탭 앞에 레이블을 써 주세요.',
  'engine.labels.badLabel': '{line}번째 줄의 레이블 “{label}”에 줄바꿈 문자가 들어 있습니다.',
  'engine.labels.noText': '{line}번째 줄에는 레이블 “{label}” 뒤에 텍스트가 없습니다.',
  'engine.labels.lineTooLong': '{line}번째 줄은 레이블 뒤가 {characters}글자입니다. 한 줄은 {max}글자까지 쓸 수 있으니 긴 줄은 나눠 주세요.',
  'engine.labels.none': '레이블이 붙은 줄이 없습니다. 줄마다 레이블, 탭, 텍스트 순서로 써 주세요.',
  'engine.labels.unknownLabel': '{line}번째 줄의 레이블 “{label}”: 이 모델의 레이블({known}) 가운데 없습니다.',
  'engine.labels.oneLabel': '모든 줄의 레이블이 “{label}” 하나뿐입니다. 분류기를 학습하려면 레이블이 적어도 2가지 있어야 합니다.',
  'engine.labels.tooMany': '레이블이 {count}가지입니다. 최대 {max}가지까지 다룰 수 있습니다.',
  'engine.labels.tooFewLines': '레이블 “{label}”의 줄이 {count}개뿐입니다. 레이블마다 적어도 {min}줄이 있어야 학습할 줄과 평가용으로 떼어 둘 줄을 나눌 수 있습니다.',
  'engine.text.oneCharacter': '텍스트에 서로 다른 글자가 하나({char})뿐입니다. 모델이 무엇이든 배우려면 서로 다른 글자가 적어도 2개 있어야 합니다.',
  'engine.spacing.noSpaces': '텍스트에 띄어쓰기가 없어 배울 것이 없습니다. 띄어쓰기 복원은 띄어 쓴 텍스트로 학습합니다.',
  'engine.spacing.tooShort': '텍스트가 너무 짧아 학습할 수 없습니다. 띄어쓰기를 뺀 글자가 {have}개인데, 배치 {batch} × 시퀀스 길이 {seqLen}에는 {need}개가 필요합니다. 더 긴 텍스트를 쓰거나 시퀀스 길이나 배치 크기를 줄여 주세요.',
} as const satisfies Record<keyof typeof english, string>;
