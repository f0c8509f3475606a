// "Saved in this browser": the checkpoints autosave kept, newest first — which text, latest or best,
// step, losses, when — with Restore (for the text on the page) and Delete, and Delete all.
import { formatBits, formatBytes, formatDateTime } from '../../format';
import { sayNow, t, type Said } from '../../i18n';
import { h, setText } from '../dom';
import { icon } from '../icons';
import './savesDialog.css';

export interface SavesEvents {
  onRestore(id: string): void;
  onDelete(id: string): void;
  onDeleteAll(): void;
}

// One kept model as the list shows it (app/checkpointStore.ts keeps more).
export interface SavedItem {
  id: string;
  textKey: string;
  textTitle: string;
  kind: 'latest' | 'best';
  step: number;
  trainBits: number | null;
  validationBits: number | null;
  cell: string;
  hiddenSize: number;
  numLayers: number;
  savedAt: number;  // ms since 1970
  bytes: number;
}

export interface SavesView {
  items: SavedItem[];
  currentTextKey: string;
  message: Said | null;       // storage unavailable, a failure…
  busy: boolean;
}

export class SavesDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly list: HTMLElement;
  private readonly message: HTMLElement;
  private readonly deleteAll: HTMLButtonElement;

  constructor(root: HTMLElement, private readonly events: SavesEvents) {
    this.list = h('ol', { class: 'saves-list', id: 'saves-list' });
    this.message = h('p', { class: 'saves-message', id: 'saves-message', attrs: { role: 'status' } });
    this.deleteAll = h('button', { class: 'btn btn-small', id: 'saves-delete-all', say: 'saves.deleteAll', attrs: { type: 'button' }, on: { click: () => events.onDeleteAll() } });
    const close = h('button', { class: 'btn btn-icon dialog-close', sayAttrs: { title: 'dialog.close', 'aria-label': 'dialog.close' }, attrs: { type: 'button' }, on: { click: () => this.close() } }, [icon('close')]);
    this.dialog = h('dialog', { class: 'dialog dialog-wide', id: 'saves-dialog', attrs: { 'aria-labelledby': 'saves-title' } }, [
      h('div', { class: 'dialog-head' }, [h('h2', { class: 'dialog-title', id: 'saves-title', say: 'saves.title' }), close]),
      h('p', { class: 'dialog-body', say: 'saves.intro' }),
      this.message,
      this.list,
      h('div', { class: 'dialog-actions' }, [this.deleteAll]),
    ]);
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.close();
    });
    root.append(this.dialog);
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  open(): void {
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  render(v: SavesView): void {
    setText(this.message, v.message ? sayNow(v.message) : v.items.length === 0 && !v.busy ? t('saves.empty') : '');
    this.message.hidden = this.message.textContent === '';
    this.deleteAll.disabled = v.items.length === 0;
    this.list.replaceChildren(...v.items.map((m) => this.row(m, m.textKey === v.currentTextKey)));
  }

  private row(m: SavedItem, sameText: boolean): HTMLElement {
    const loss = [
      m.trainBits !== null ? t('saves.train', { bits: formatBits(m.trainBits) }) : null,
      m.validationBits !== null ? t('saves.validation', { bits: formatBits(m.validationBits) }) : null,
    ].filter(Boolean).join(' · ');
    const restore = h('button', {
      class: 'btn btn-small btn-primary', text: t('saves.restore'),
      title: sameText ? t('saves.restoreHelp') : t('saves.otherText'),
      attrs: { type: 'button', 'data-restore': m.id }, on: { click: () => this.events.onRestore(m.id) },
    });
    restore.disabled = !sameText;
    return h('li', { class: 'saves-item', attrs: { 'data-id': m.id, 'data-kind': m.kind } }, [
      h('div', { class: 'saves-main' }, [
        h('p', { class: 'saves-title' }, [
          h('span', { class: `saves-kind saves-kind-${m.kind}`, text: m.kind === 'best' ? t('saves.best') : t('saves.latest') }),
          h('span', { class: 'saves-text', text: m.textTitle }),
          sameText ? h('span', { class: 'saves-here', text: t('saves.thisText') }) : null,
        ]),
        h('p', { class: 'saves-detail', text: t('saves.detail', { step: m.step, loss: loss || t('saves.noLoss'), model: `${m.cell.toUpperCase()} ${m.numLayers}×${m.hiddenSize}`, size: formatBytes(m.bytes) }) }),
        h('p', { class: 'saves-date', text: formatDateTime(m.savedAt) }),
      ]),
      h('div', { class: 'inline-actions' }, [
        restore,
        h('button', { class: 'btn btn-small', text: t('saves.delete'), attrs: { type: 'button', 'data-delete': m.id }, on: { click: () => this.events.onDelete(m.id) } }),
      ]),
    ]);
  }
}
