// 놀이터의 모든 문장, 한국어로. 키와 자리표시자({name}, {n|…|…})는 영어 카탈로그(en.ts)와 같아야 한다.
// Written for Korean learners with the terms a Korean RNN course uses (순환 신경망, 은닉 상태, 셀 상태,
// 망각 게이트, 기울기 소실, 시간에 따른 역전파 …), as natural sentences rather than word for word.
import type { Messages, PlaceholdersMatch } from './types';

export const ko = {
  'lang.label': '언어',
  'lang.ko': '한국어',
  'lang.en': 'English',
  'lang.locked': '수업에서 언어를 정해 두었습니다',

  'run.train': '학습',
  'run.pause': '일시 정지',
  'run.step': '한 걸음',
  'run.stepHelp': '텍스트의 창 하나만큼만 학습하고 멈춥니다',
  'run.reset': '초기화',
  'run.resetHelp': '새 무작위 가중치로 처음부터 다시 시작합니다 (텍스트와 설정은 그대로)',
  'run.statStep': '걸음',
  'run.statStepHelp': '지금까지 한 학습 걸음 수 (한 걸음 = 창 한 배치)',
  'run.statEpoch': '에포크',
  'run.statEpochHelp': '학습 텍스트를 몇 번 훑었는지',
  'run.statTrain': '학습 손실',
  'run.statTrainHelp': '학습 손실, 글자당 비트 (평활)',
  'run.statValidation': '검증 손실',
  'run.statValidationHelp': '떼어 둔 텍스트에서의 손실, 글자당 비트',
  'run.statSpeed': '글자/초',
  'run.statSpeedHelp': '1초에 학습하는 글자 수',
  'run.statTime': '시간',
  'run.statTimeHelp': '학습한 시간',

  'status.building': '모델을 만드는 중…',
  'status.starting': '엔진을 켜는 중…',
  'status.failed': '엔진이 멈췄습니다.',
  'status.blocked': '아직 학습할 수 없습니다. 텍스트 패널을 보세요.',
  'status.training': '{model}, 글자 {characters}개로 학습 중',
  'status.ready': '{model} 준비 완료: 학습을 누르세요',
  'status.paused': '{step}번째 걸음에서 일시 정지',

  'notice.dismiss': '닫기',
} as const satisfies Messages;

// A placeholder lost in translation fails here, naming the key.
export const placeholdersMatch: PlaceholdersMatch<typeof ko> = true;
