// 놀이터의 모든 문장, 한국어로. 영역마다 파일 하나(ko/*.ts)이고, 키와 자리표시자({name}, {n|…|…})는
// 영어 카탈로그(en.ts)와 같아야 합니다. Written for Korean learners with the terms a Korean RNN course
// uses (순환 신경망, 은닉 상태, 셀 상태, 망각 게이트, 기울기 소실, 시간에 따른 역전파 …), as natural
// sentences rather than word for word; particles after inserted words are chosen by how the word is
// read ({name:을}, ../korean.ts).
import { connectivity } from './ko/connectivity';
import { memory } from './ko/memory';
import { engine } from './ko/engine';
import { inside } from './ko/inside';
import { live } from './ko/live';
import { notices } from './ko/notices';
import { ownTexts } from './ko/ownTexts';
import { page } from './ko/page';
import { settings } from './ko/settings';
import { runs } from './ko/runs';
import { share } from './ko/share';
import { teach } from './ko/teach';
import { teach2 } from './ko/teach2';
import { tasks } from './ko/tasks';
import { teach3 } from './ko/teach3';
import { text } from './ko/text';
import type { Messages, PlaceholdersMatch } from './types';

export const KO_AREAS = { page, settings, text, live, inside, notices, share, teach, teach2, teach3, connectivity, memory, tasks, ownTexts, engine, runs } as const;

export const ko = { ...page, ...settings, ...text, ...live, ...inside, ...notices, ...share, ...teach, ...teach2, ...teach3, ...connectivity, ...memory, ...tasks, ...ownTexts, ...engine, ...runs } as const satisfies Messages;

// A placeholder lost in translation fails here, naming the key.
export const placeholdersMatch: PlaceholdersMatch<typeof ko> = true;
