// A question before something is thrown away ("Start a new model?"), as a modal <dialog> rather than
// window.confirm, which would freeze the page (and the live charts) while it waits.
import { h } from '../dom';
import './confirmDialog.css';

export interface Question {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
}

export class ConfirmDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;
  private readonly yes: HTMLButtonElement;
  private readonly no: HTMLButtonElement;
  private answer: ((yes: boolean) => void) | null = null;

  constructor(root: HTMLElement) {
    this.title = h('h2', { class: 'dialog-title', id: 'confirm-title' });
    this.body = h('p', { class: 'dialog-body' });
    this.yes = h('button', { class: 'btn btn-primary', id: 'confirm-yes', attrs: { type: 'button' }, on: { click: () => this.close(true) } });
    this.no = h('button', { class: 'btn', id: 'confirm-no', attrs: { type: 'button' }, on: { click: () => this.close(false) } });
    this.dialog = h('dialog', { class: 'dialog', id: 'confirm', attrs: { 'aria-labelledby': 'confirm-title' } }, [
      this.title, this.body, h('div', { class: 'dialog-actions' }, [this.no, this.yes]),
    ]);
    this.dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.close(false);
    });
    root.append(this.dialog);
  }

  ask(q: Question): Promise<boolean> {
    this.close(false);  // a question still open is answered "no"
    this.title.textContent = q.title;
    this.body.textContent = q.body;
    this.yes.textContent = q.confirm;
    this.no.textContent = q.cancel;
    this.dialog.showModal();
    this.no.focus();
    return new Promise((resolve) => (this.answer = resolve));
  }

  private close(yes: boolean): void {
    if (this.dialog.open) this.dialog.close();
    const answer = this.answer;
    this.answer = null;
    answer?.(yes);
  }
}
