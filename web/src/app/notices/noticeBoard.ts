// The notices on the page: at most one per id, newest last; dismissing removes one. Whoever changes
// the list hears it through `changed`, to redraw the notice panel.
import type { Notice } from '../../ui/notices/noticeList';

export class NoticeBoard {
  private list: Notice[] = [];

  constructor(private readonly changed: () => void) {}

  get notices(): readonly Notice[] {
    return this.list;
  }

  show(n: Notice): void {
    this.list = [...this.list.filter((x) => x.id !== n.id), n];
    this.changed();
  }

  dismiss(id: string): void {
    const before = this.list.length;
    this.list = this.list.filter((n) => n.id !== id);
    if (this.list.length !== before) this.changed();
  }
}
