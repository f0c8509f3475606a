// The address bar (and the embed's "open in a new tab" link) mirror the page's state, so a reload or a
// copied link brings it back. A short text of one's own is encoded asynchronously: when it is ready,
// the address catches up.
import type { Lesson } from '../../state/lesson';
import type { PlaygroundState } from '../../state/settings';
import { ShareLink } from './shareLink';

export class PageAddress {
  readonly link: ShareLink;
  private last: { state: PlaygroundState; text: string } | null = null;

  constructor(private readonly lesson: Lesson, private readonly openLink: HTMLAnchorElement | null) {
    this.link = new ShareLink(() => {
      if (this.last) this.show(this.last.state, this.last.text);
    });
  }

  show(state: PlaygroundState, text: string): void {
    this.last = { state, text };
    const hash = this.link.hash(state, text, this.lesson);
    if (hash !== location.hash && !(hash === '' && location.hash === '')) history.replaceState(null, '', hash || location.pathname + location.search);
    if (this.openLink) this.openLink.href = this.link.hash(state, text, { ...this.lesson, embed: false, origins: [] }) || './';
  }
}
