import type { memory as en } from '../en/memory';

export const memory = {
  'preset.copy': '기억: 따라 쓰기',
  'preset.copy.inSentence': '따라 쓰기 과제',
  'preset.copy.about': '무작위 글자 네 개, 점으로 된 간격, 쌍점(:), 그리고 같은 글자 네 개가 다시 나옵니다. 쌍점 뒤에서는 기억만이 도움이 됩니다. 그 글자들은 간격 하나만큼 앞에서 보았으니까요.',
  'preset.nesting': '기억: 괄호 짝 맞추기',
  'preset.nesting.inSentence': '괄호 과제',
  'preset.nesting.about': '여는 괄호가 세 개까지 나오고, 짧은 단어들이 이어진 뒤, 닫는 괄호가 거꾸로 된 순서로 나옵니다. 다음에 어떤 괄호로 닫을지는 한참 앞에서 연 괄호에 달려 있습니다.',
  'preset.parity': '기억: 홀짝',
  'preset.parity.inSentence': '홀짝 과제',
  'preset.parity.about': '0과 1이 이어지고 등호(=)가 나온 뒤, 1의 개수가 홀수면 o, 짝수면 e가 옵니다. 답은 줄의 처음부터 모든 숫자에 달려 있습니다.',

  'setting.distance': '기억 거리',
  'setting.distance.help': '기억해야 할 것과 그것이 필요한 곳 사이의 가장 먼 거리(글자 수)입니다. 예제마다 5부터 이 값까지 거리를 따로 뽑습니다. 거리를 바꾸면 새 텍스트가 만들어집니다.',

  'memory.title': '기억: 거리에 따른 정확도',
  'memory.about': '기억이 필요한 자리에서만, 모델이 학습한 적 없는 예제로 채점합니다. 가장 그럴듯한 다음 글자가 맞았을까요? 보통 RNN이 우연 수준 선까지 떨어지는 곳에서 기억이 바닥난 것입니다. LSTM과 GRU는 더 멀리까지 버팁니다.',
  'memory.before': '학습 중 첫 측정이 끝나면 점수가 나타납니다.',
  'memory.headline': '{step}단계: 기억이 필요한 자리 {n}곳 중 {accuracy}%를 맞혔습니다(우연 수준 {chance}%).',
  'memory.chartLabel': '기억이 필요한 자리의 정확도를 기억이 거슬러 올라가는 거리에 따라 나타낸 그래프와 우연 수준 선',
  'memory.axisDistance': '거리(몇 글자 앞)',
  'memory.axisAccuracy': '정확도',
  'memory.chance': '우연 수준',
  'memory.tableDistance': '거리',
  'memory.tableAccuracy': '정확도',
  'memory.tableCount': '자리 수',
  'memory.row': '약 {distance}',
  'compare.memory': '기억이 필요한 자리 정답률: {accuracy}%(우연 수준 {chance}%), {step}단계.',
} as const satisfies Record<keyof typeof en, string>;
