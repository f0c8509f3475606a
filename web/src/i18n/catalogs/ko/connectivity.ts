import type { connectivity as en } from '../en/connectivity';

export const connectivity = {
  'view.connectivity': '의존 관계',
  'view.connectivity.blurb': '글자를 누르면, 그 자리의 예측이 앞의 글자 하나하나에 얼마나 의존하는지 보여 줍니다.',

  'conn.title': '예측은 무엇에 의존할까',
  'conn.about1': '텍스트에서 글자 하나를 고르세요. 모델은 그 글자까지 읽고 다음 글자를 예측합니다. 그 앞의 글자마다, 이 예측이 그 글자에 얼마나 의존하는지에 따라 색을 칠합니다. 예측의 로그 확률을 그 글자의 입력(원-핫 벡터가 고르는 입력 가중치의 열)으로 미분한 기울기의 크기 ‖∂ log p / ∂x_s‖입니다. 코어가 학습과 똑같은 역전파로, 텍스트 처음의 영 상태에서부터 계산합니다.',
  'conn.about2': '눈여겨볼 점: 기본 RNN의 의존은 몇 글자 만에 옅어집니다. 한 단계마다 기울기에 순환 가중치와 tanh의 기울기가 곱해져, 한두 글자마다 10분의 1로 줄어듭니다. LSTM은 셀 상태 덕분에 훨씬 멀리까지 닿습니다(장기 기억). 어느 정도 학습하면 단어의 첫 글자나, 닫아야 할 여는 괄호·따옴표까지 거슬러 올라가는 경우가 많습니다. GRU는 더 적은 매개변수로 LSTM과 비슷하게 움직입니다.',
  'conn.about3': '눈금은 로그 척도이고, 고른 자리에서 가장 큰 값에 대한 비율입니다. 그래서 옅은 칸도 의미가 있습니다. 가장 큰 값의 천분의 일도 보입니다. 그림은 학습하는 동안 계속 바뀝니다. 학습 전의 모델은 주로 마지막 한두 글자에만 의존합니다.',
  'conn.text': '살펴볼 텍스트',
  'conn.hint': '글자를 누르거나, 글자 줄에 포커스를 두고 화살표 키로 옮기세요(맨 앞과 맨 끝은 홈·엔드 키).',
  'conn.strip': '텍스트의 글자들: 예측을 살펴볼 자리를 고르세요',
  'conn.legend': '의존 정도(가장 큰 값에 대한 비율)',
  'conn.char': '{n}번째 글자: {char}',
  'conn.charShaded': '{n}번째 글자: {char}, 의존 정도는 가장 큰 값의 {share}',
  'conn.waiting': '모델과 텍스트를 기다리는 중입니다.',
  'conn.asking': '모델에 묻는 중…',
  'conn.failed': '모델이 이 텍스트를 따라가지 못했습니다: {message}',
  'conn.skipped': '모델이 모르는 글자 {n}개는 뺐습니다.',
  'conn.statusNext': '{total}자 중 {n}번째 자리, {char} 다음: 텍스트는 {target:으로} 이어지고, 모델(단계 {step})은 그 글자에 {p}를 줍니다.',
  'conn.statusGuess': '{total}자 중 {n}번째 자리, {char} 다음: 텍스트에 뒤따르는 글자가 없어서, 모델이 가장 유력하게 보는 {target:을}({p}, 단계 {step}) 따라갑니다.',
  'conn.first': '첫 글자 앞에는 아무것도 없습니다. 예측은 그 글자 자체에만 의존합니다.',
  'conn.strongest': '앞의 글자 가운데 예측이 가장 크게 의존하는 것은 {k}글자 앞의 {char}입니다.',
  'conn.reach': '가장 큰 값의 1% 이상인 의존은 {k}글자 앞까지 닿습니다.',
  'conn.reachNone': '앞의 글자는 모두 그 글자 자체의 1%에도 못 미칩니다.',
} as const satisfies Record<keyof typeof en, string>;
