// The teaching views' frame: a row of tabs, one view open at a time (only the open one asks the
// worker for data), each reachable by a link (#view=<id>). Views render plain data; this class only
// lays them out and switches between them.
import { say } from '../../i18n/dom';
import { h } from '../dom';
import { TEACH_VIEWS, viewBlurb, viewTitle, type TeachViewId } from './views';
import './teach.css';

export class TeachSection {
  private readonly tabs = new Map<TeachViewId, HTMLButtonElement>();
  private readonly intro: HTMLElement;
  private open: TeachViewId | '' = '';

  // `views`: each view's element (built by whoever feeds it); `onOpen`: a tab was chosen ('' closes).
  constructor(private readonly root: HTMLElement, private readonly views: Record<TeachViewId, { root: HTMLElement }>, onOpen: (view: TeachViewId | '') => void) {
    const events = { onOpen };
    const nav = h('div', { class: 'teach-tabs', sayAttrs: { 'aria-label': 'teach.tabs' }, attrs: { role: 'tablist' } });
    for (const v of TEACH_VIEWS) {
      const tab = h('button', {
        class: 'teach-tab', id: `tab-${v.id}`, say: viewTitle(v.id), sayAttrs: { title: viewBlurb(v.id) },
        attrs: { type: 'button', role: 'tab', 'aria-selected': 'false', 'aria-controls': `view-${v.id}`, 'data-view': v.id },
        on: { click: () => events.onOpen(this.open === v.id ? '' : v.id) },
      });
      this.tabs.set(v.id, tab);
      nav.append(tab);
    }
    // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Enter or Space opens one.
    nav.addEventListener('keydown', (e) => {
      const tabs = [...this.tabs.values()];
      const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
      if (at < 0 || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
      e.preventDefault();
      tabs[(at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length].focus();
    });
    this.intro = h('p', { class: 'teach-intro', id: 'teach-intro', say: 'teach.intro' });
    const panels = TEACH_VIEWS.map((v) => {
      const el = this.views[v.id].root;
      el.hidden = true;
      // The view's link is for copying (a course, a slide); clicking it here just keeps the view open.
      const link = el.querySelector<HTMLAnchorElement>('.teach-link');
      link?.addEventListener('click', (e) => {
        e.preventDefault();
        const url = new URL(link.href);
        void navigator.clipboard?.writeText(url.href).then(() => {
          say(link, 'teach.linkCopied');
          setTimeout(() => say(link, 'teach.link'), 2000);
        }, () => undefined);
      });
      return el;
    });
    root.append(
      h('header', { class: 'panel-head' }, [
        h('h2', { class: 'panel-title', say: 'teach.title' }),
        h('span', { class: 'panel-unit', say: 'teach.unit' }),
      ]),
      nav,
      this.intro,
      ...panels,
    );
  }

  get current(): TeachViewId | '' {
    return this.open;
  }

  show(id: TeachViewId | ''): void {
    this.open = id;
    for (const [vid, tab] of this.tabs) {
      tab.setAttribute('aria-selected', String(vid === id));
      tab.classList.toggle('is-open', vid === id);
      this.views[vid].root.hidden = vid !== id;
    }
    this.intro.hidden = id !== '';
  }

  scrollTo(): void {
    this.root.scrollIntoView({ block: 'start' });
  }
}
