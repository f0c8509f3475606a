// "Who wrote this line?" from the learner's own texts: two or more boxes, each named (empty: "Text N"),
// filled by pasting, by dropping a file on the box, or from a preset. The form only gathers; what is
// wrong with the texts, and labelling them, is app/tasks/classify/ownTexts.ts's business.
import { engineSaid, said, t, type Said } from '../../../i18n';
import { h, setText, uid } from '../../dom';
import { showSaid } from '../../said';
import { LARGE_TEXT, preview } from '../../text/largeText';
import { MAX_OWN_TEXTS, textLines, type OwnText } from '../../../state/ownTexts';

export interface OwnTextsEvents {
  onUse(texts: OwnText[]): void;
  loadPreset(id: string): Promise<string>;  // rejects with a message the form shows
}

interface Row {
  element: HTMLElement;
  name: HTMLInputElement;
  source: HTMLSelectElement;
  box: HTMLTextAreaElement;
  count: HTMLElement;
  large: string | null;  // the whole text while the box shows only its beginning
}

const OWN = '';

export class OwnTextsForm {
  readonly element: HTMLElement;
  private readonly list = h('div', { class: 'own-texts-list' });
  private readonly add: HTMLButtonElement;
  private readonly remove: HTMLButtonElement;
  private readonly message = h('p', { class: 'own-texts-message', id: 'own-texts-message', attrs: { role: 'status' } });
  private readonly rows: Row[] = [];
  private presetsKey = '';

  constructor(private readonly events: OwnTextsEvents, private readonly presets: () => readonly { id: string; title: string }[]) {
    this.add = h('button', { class: 'btn btn-small', id: 'own-texts-add', say: 'ownTexts.add', attrs: { type: 'button' }, on: { click: () => this.addRow() } });
    this.remove = h('button', { class: 'btn btn-small', id: 'own-texts-remove', say: 'ownTexts.remove', attrs: { type: 'button' }, on: { click: () => this.removeRow() } });
    const use = h('button', { class: 'btn btn-small btn-primary', id: 'own-texts-use', say: 'ownTexts.use', attrs: { type: 'button' }, on: { click: () => events.onUse(this.texts()) } });
    this.element = h('details', { class: 'own-texts', id: 'own-texts' }, [
      h('summary', { class: 'task-subtitle', say: 'ownTexts.title' }),
      h('p', { class: 'panel-hint', say: 'ownTexts.about' }),
      this.list,
      h('div', { class: 'inline-actions' }, [this.add, this.remove, use]),
      this.message,
    ]);
    this.addRow();
    this.addRow();
  }

  // The boxes with some text in them, in order (empty ones are boxes not used); a name left empty is
  // the box's default ("Text 2"), shown as its placeholder.
  texts(): OwnText[] {
    return this.rows.map((r) => ({ name: r.name.value.trim() || r.name.placeholder, text: r.large ?? r.box.value })).filter((x) => x.text.trim() !== '');
  }

  // A problem with the texts, or what became of them; null clears it.
  say(message: Said | null, problem = false): void {
    this.message.classList.toggle('is-problem', problem);
    this.message.setAttribute('role', problem ? 'alert' : 'status');
    if (message) showSaid(this.message, [message]);
    else this.message.replaceChildren();
  }

  // The preset lists in the page's language (called when it changes, and when the form is drawn).
  renderPresets(): void {
    const key = this.presets().map((p) => p.title).join('|');
    if (key === this.presetsKey) return;
    this.presetsKey = key;
    for (const r of this.rows) this.fillSources(r);
  }

  private addRow(): void {
    if (this.rows.length >= MAX_OWN_TEXTS) return;
    const n = this.rows.length + 1;
    const nameId = uid('own-name'), boxId = uid('own-text');
    const row: Row = {
      element: h('div', { class: 'own-text', attrs: { 'data-own-text': String(n) } }),
      name: h('input', { class: 'input own-text-name', id: nameId, attrs: { type: 'text', maxlength: '40', autocomplete: 'off' }, sayAttrs: { placeholder: ['ownTexts.defaultName', { n }] } }),
      source: h('select', { class: 'select', sayAttrs: { 'aria-label': ['ownTexts.source', { n }] } }),
      box: h('textarea', { class: 'text-input own-text-box', id: boxId, sayAttrs: { placeholder: 'ownTexts.placeholder' }, attrs: { rows: '5', spellcheck: 'false', autocomplete: 'off' } }),
      count: h('span', { class: 'panel-hint own-text-count' }),
      large: null,
    };
    row.box.addEventListener('input', () => this.edited(row));
    row.box.addEventListener('dragover', (e) => e.preventDefault());
    row.box.addEventListener('drop', (e) => this.dropped(row, e));
    row.source.addEventListener('change', () => void this.fromPreset(row));
    this.fillSources(row);
    row.element.append(
      h('div', { class: 'own-text-head' }, [h('label', { class: 'field-label', say: ['ownTexts.name', { n }], attrs: { for: nameId } }), row.name, row.source]),
      h('label', { class: 'visually-hidden', say: ['ownTexts.text', { n }], attrs: { for: boxId } }),
      row.box, row.count,
    );
    this.rows.push(row);
    this.list.append(row.element);
    this.updateButtons();
  }

  // The last box goes (never below two): the boxes keep their numbers, and so their default names.
  private removeRow(): void {
    if (this.rows.length <= 2) return;
    this.rows.pop()!.element.remove();
    this.updateButtons();
  }

  private updateButtons(): void {
    this.remove.disabled = this.rows.length <= 2;
    this.add.disabled = this.rows.length >= MAX_OWN_TEXTS;
  }

  private fillSources(row: Row): void {
    const chosen = row.source.value;
    row.source.replaceChildren(
      h('option', { text: t('ownTexts.own'), attrs: { value: OWN } }),
      ...this.presets().map((p) => h('option', { text: p.title, attrs: { value: p.id } })),
    );
    row.source.value = chosen;
  }

  private setRowText(row: Row, text: string): void {
    row.large = text.length > LARGE_TEXT ? text : null;
    row.box.value = row.large ? preview(text) : text;
    row.box.readOnly = row.large !== null;
    this.counted(row);
  }

  private edited(row: Row): void {
    row.source.value = OWN;
    this.counted(row);
  }

  private counted(row: Row): void {
    const text = row.large ?? row.box.value;
    const lines = text.trim() === '' ? '' : t('ownTexts.lines', { lines: textLines(text).length });
    setText(row.count, row.large ? `${lines} · ${t('ownTexts.large')}` : lines);
  }

  private dropped(row: Row, e: DragEvent): void {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();  // the page's own drop (the whole page's text) leaves a dropped-on box alone
    row.source.value = OWN;
    if (!row.name.value.trim()) row.name.value = file.name.replace(/\.[^.]*$/, '');
    file.text().then((text) => this.setRowText(row, text), () => this.say(said('drop.unreadable', { file: file.name }), true));
  }

  private async fromPreset(row: Row): Promise<void> {
    const id = row.source.value;
    if (id === OWN) return;
    try {
      const text = await this.events.loadPreset(id);
      if (row.source.value !== id) return;  // another choice came first
      if (!row.name.value.trim()) row.name.value = this.presets().find((p) => p.id === id)?.title ?? '';
      this.setRowText(row, text);
    } catch (err) {
      this.say(engineSaid(err instanceof Error ? err.message : String(err)), true);  // the fetch's own words
    }
  }
}
