// The page's entry, and the first script to run: kept tiny so that it loads and runs where the rest
// may not. It makes the browser's language tag one Intl takes (locale.ts says why), then loads the
// playground. Anything that stops the playground from coming up — a module that throws while it
// loads, a file that does not arrive, an error before the page is up — ends in a plain message in
// place of a page that only looks like it is starting. Once the playground has loaded, its own error
// handling (the notices) takes over and this script steps aside.
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

function showStartupFailure(reason: unknown): void {
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
  const reload = el('button', 'Reload the page');
  reload.type = 'button';
  reload.className = 'btn btn-primary';
  reload.addEventListener('click', () => location.reload());
  const detail = el('p', 'The browser said: ');
  detail.append(el('code', describe(reason)));
  box.append(
    el('h2', 'The playground could not start'),
    detail,
    el('p', 'Reload the page first: a file may have arrived incomplete. If the message comes back, open the page in '
      + 'another browser (a current Firefox, Chrome, Edge or Safari). Please report it, with the message above '
      + 'and the browser you use, to whoever runs this site.'),
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
    badge.textContent = 'Did not start';
  }
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  const text = String(reason ?? '').trim();
  return text === '' ? 'an error without a message' : text;
}
