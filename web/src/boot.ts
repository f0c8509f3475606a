// The page's entry, and the first script to run: kept tiny so that it loads and runs where the rest
// may not. It makes the browser's language tag one Intl takes (locale.ts says why), then loads the
// playground. Anything that stops the playground from coming up — a module that throws while it
// loads, a file that does not arrive, an error before the page is up — ends in a plain message in
// place of a page that only looks like it is starting. Once the playground has loaded, its own error
// handling (the notices) takes over and this script steps aside.
import { browserLanguages, chooseLanguage } from './i18n/choose';
import { shieldNavigatorLanguage } from './locale';
import './style.css';  // the page's frame is styled from the first paint, message or not
import './boot.css';

let loaded = false;
const beforeLoaded = (e: ErrorEvent | PromiseRejectionEvent) => {
  if (!loaded) showStartupFailure(e instanceof ErrorEvent ? e.error ?? e.message : e.reason);
};
addEventListener('error', beforeLoaded);
addEventListener('unhandledrejection', beforeLoaded);

try {
  shieldNavigatorLanguage();
} catch {
  // A browser that will not let navigator be shadowed: the playground may still load, and if not, the
  // failure below says why.
}

import('./main').then(
  () => {
    loaded = true;
    removeEventListener('error', beforeLoaded);
    removeEventListener('unhandledrejection', beforeLoaded);
  },
  showStartupFailure,
);

// The failure's words in the page's two languages, chosen as the page chooses (lang= in the link, else
// the browser's preferred languages): the catalogues themselves may be what failed to load.
const WORDS = {
  en: {
    reload: 'Reload the page', said: 'The browser said: ', title: 'The playground could not start', badge: 'Did not start',
    advice: 'Reload the page first: a file may have arrived incomplete. If the message comes back, open the page in '
      + 'another browser (a current Firefox, Chrome, Edge or Safari). Please report it, with the message above '
      + 'and the browser you use, to whoever runs this site.',
    none: 'an error without a message',
  },
  ko: {
    reload: '페이지 새로 고침', said: '브라우저가 알려 준 내용: ', title: '놀이터를 시작하지 못했습니다', badge: '시작 못 함',
    advice: '먼저 페이지를 새로 고쳐 보세요. 파일이 덜 받아졌을 수 있습니다. 같은 메시지가 다시 나오면 다른 브라우저'
      + '(최신 Firefox, Chrome, Edge, Safari)에서 열어 보세요. 위의 메시지와 쓰고 있는 브라우저를 이 사이트 운영자에게 '
      + '알려 주시면 고맙겠습니다.',
    none: '메시지 없는 오류',
  },
};

function showStartupFailure(reason: unknown): void {
  const lang = chooseLanguage(new URLSearchParams(location.hash.replace(/^#/, '')).get('lang'), browserLanguages());
  const words = WORDS[lang];
  document.documentElement.lang = lang;
  if (document.getElementById('startup-failure')) return;  // the first failure is the one that matters
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => {
    const e = document.createElement(tag);
    e.textContent = text;
    return e;
  };
  const box = el('div');
  box.id = 'startup-failure';
  box.className = 'startup-failure';
  box.setAttribute('role', 'alert');
  const reload = el('button', words.reload);
  reload.type = 'button';
  reload.className = 'btn btn-primary';
  reload.addEventListener('click', () => location.reload());
  const detail = el('p', words.said);
  detail.append(el('code', describe(reason, words.none)));
  box.append(
    el('h2', words.title),
    detail,
    el('p', words.advice),
    reload,
  );
  // The empty panels and the header's buttons (nothing behind them now) would look like a page still
  // starting: only the message stays.
  const main = document.querySelector('main') ?? document.body;
  for (const child of Array.from(main.children)) (child as HTMLElement).hidden = true;
  for (const dead of Array.from(document.querySelectorAll<HTMLElement>('#runbar, .header-actions button'))) dead.hidden = true;
  main.prepend(box);
  const badge = document.getElementById('engine');
  if (badge) {
    badge.dataset.state = 'failed';
    badge.textContent = words.badge;
  }
}

function describe(reason: unknown, none: string): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  const text = String(reason ?? '').trim();
  return text === '' ? none : text;
}
