// Every sentence of the page in English, one file per area of the page (en/*.ts). Keys read as
// `area.what`; a sentence keeps its placeholders ({name}, {n|one|other}: see ../message.ts). The Korean
// (ko.ts) must have the same keys and placeholders. A key in two areas is caught by the unit test
// tests/web/unit/i18n/catalogs.test.ts (a spread would silently keep the later one).
import { connectivity } from './en/connectivity';
import { memory } from './en/memory';
import { engine } from './en/engine';
import { inside } from './en/inside';
import { live } from './en/live';
import { notices } from './en/notices';
import { ownTexts } from './en/ownTexts';
import { page } from './en/page';
import { settings } from './en/settings';
import { runs } from './en/runs';
import { share } from './en/share';
import { teach } from './en/teach';
import { teach2 } from './en/teach2';
import { tasks } from './en/tasks';
import { teach3 } from './en/teach3';
import { text } from './en/text';

export const EN_AREAS = { page, settings, text, live, inside, notices, share, teach, teach2, teach3, connectivity, memory, tasks, ownTexts, engine, runs } as const;

export const en = { ...page, ...settings, ...text, ...live, ...inside, ...notices, ...share, ...teach, ...teach2, ...teach3, ...connectivity, ...memory, ...tasks, ...ownTexts, ...engine, ...runs } as const;
