// Messages about the run that need a person's attention, each with the actions that help: a blown-up
// run (continue with a lower learning rate), a crashed engine (restart), a loaded model, a failed
// request. Rendered from a plain array; the playground decides what is in it. Every word is a kept
// message (Said), so a notice on screen follows a change of language.
import { language, sayNow, t, type Said } from '../../i18n';
import { h } from '../dom';
import { icon } from '../icons';
import { saidNodes } from '../said';
import './notices.css';

export interface Notice {
  id: string;
  tone: 'error' | 'warning' | 'info';
  title: Said;
  body: readonly Said[];   // sentences, said as one paragraph
  actions: { id: string; label: Said; primary?: boolean }[];
  dismissible: boolean;
}

export interface NoticeEvents {
  onAction(noticeId: string, actionId: string): void;
  onDismiss(noticeId: string): void;
}

export class NoticeList {
  private shown = '';

  constructor(private readonly root: HTMLElement, private readonly events: NoticeEvents) {}

  render(notices: readonly Notice[]): void {
    const key = `${language()}|${JSON.stringify(notices)}`;
    if (key === this.shown) return;
    this.shown = key;
    this.root.replaceChildren(...notices.map((n) => this.notice(n)));
  }

  private notice(n: Notice): HTMLElement {
    return h('div', { class: `notice notice-${n.tone}`, attrs: { role: n.tone === 'info' ? 'status' : 'alert', 'data-notice': n.id } }, [
      h('div', { class: 'notice-body' }, [
        h('p', { class: 'notice-title', text: sayNow(n.title) }),
        h('p', { class: 'notice-text' }, saidNodes(n.body)),
        n.actions.length > 0
          ? h('div', { class: 'inline-actions' }, n.actions.map((a) =>
              h('button', {
                class: a.primary ? 'btn btn-small btn-primary' : 'btn btn-small', text: sayNow(a.label),
                attrs: { type: 'button', 'data-action': a.id }, on: { click: () => this.events.onAction(n.id, a.id) },
              })))
          : null,
      ]),
      n.dismissible
        ? h('button', { class: 'btn btn-icon notice-close', title: t('notice.dismiss'), attrs: { type: 'button', 'aria-label': t('notice.dismiss') }, on: { click: () => this.events.onDismiss(n.id) } }, [icon('close')])
        : null,
    ]);
  }
}
