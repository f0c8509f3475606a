// Korean particles (조사) that depend on the word before them: 을/를, 이/가, 은/는, 와/과, 으로/로,
// 이나/나, 아/야, 이에요/예요. The choice follows the final consonant (받침) of the word as it is READ:
// a Hangul syllable by its 종성; a digit, a Latin letter or an acronym the way Koreans read it aloud
// ("LSTM을" — 엠, "GRU를" — 유, "128을" — 팔, "3을" — 삼). Libraries such as es-hangul pick by Hangul
// 받침 only; most words this page inserts are numbers, file names and names like LSTM, so the reading
// rules are the part that matters here.

export type ParticlePair = '을/를' | '이/가' | '은/는' | '와/과' | '으로/로' | '이나/나' | '아/야' | '이에요/예요';

export const PARTICLE_PAIRS: readonly ParticlePair[] = ['을/를', '이/가', '은/는', '와/과', '으로/로', '이나/나', '아/야', '이에요/예요'];

// What the end of a word sounds like: no final consonant, ㄹ (which takes 로, not 으로), or another one.
type Ending = 'vowel' | 'rieul' | 'consonant';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL_JONGSEONG = 8;  // index of ㄹ among the 28 final-consonant slots (0 = none)

// Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT_ENDING: Record<string, Ending> = {
  '0': 'consonant', '1': 'rieul', '2': 'vowel', '3': 'consonant', '4': 'vowel',
  '5': 'vowel', '6': 'consonant', '7': 'rieul', '8': 'rieul', '9': 'vowel',
};

// Latin letters as read one by one (에이, 비, 씨, … 엘, 엠, 엔, … 알): the acronym's last letter decides.
const LETTER_ENDING: Record<string, Ending> = { l: 'rieul', m: 'consonant', n: 'consonant', r: 'rieul' };

// Whole words read as words, not letters, where the page inserts them.
const WORD_ENDING: Record<string, Ending> = {
  adam: 'consonant', adagrad: 'consonant', rmsprop: 'consonant', sgd: 'vowel', pytorch: 'vowel',
  relu: 'vowel', tanh: 'consonant', sigmoid: 'vowel', softmax: 'vowel', dropout: 'vowel',
};

function endingOf(word: string): Ending | null {
  const trimmed = word.replace(/[\s"'“”‘’()[\]{}.,!?…:;]+$/u, '');
  if (trimmed === '') return null;
  const chars = [...trimmed];
  const last = chars[chars.length - 1];
  const code = last.codePointAt(0)!;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const jong = (code - HANGUL_FIRST) % 28;
    return jong === 0 ? 'vowel' : jong === RIEUL_JONGSEONG ? 'rieul' : 'consonant';
  }
  // A number ending in 0 is read 영, 십, 백, 천 or 만: a final consonant every time.
  if (last in DIGIT_ENDING) return DIGIT_ENDING[last];
  const wordMatch = /[A-Za-z]+$/.exec(trimmed);
  if (wordMatch) {
    const w = wordMatch[0].toLowerCase();
    if (w in WORD_ENDING) return WORD_ENDING[w];
    return LETTER_ENDING[w.slice(-1)] ?? 'vowel';
  }
  if (last === '%') return 'vowel';  // 퍼센트
  return null;
}

// The particle of `pair` that fits after `word`. When the word's sound cannot be told (a symbol, an
// emoji), both forms are shown the way Korean writing does it: 을(를).
export function particle(word: string, pair: ParticlePair): string {
  const [withConsonant, afterVowel] = pair.split('/') as [string, string];
  const ending = endingOf(word);
  if (ending === null) return `${withConsonant}(${afterVowel})`;
  if (pair === '와/과') return ending === 'vowel' ? '와' : '과';
  if (pair === '으로/로') return ending === 'consonant' ? '으로' : '로';
  return ending === 'vowel' ? afterVowel : withConsonant;
}

export function isParticlePair(s: string): s is ParticlePair {
  return (PARTICLE_PAIRS as readonly string[]).includes(s);
}
