// One setting as a form control, drawn from its row in the settings table: a number box with the
// core's limits, a segmented switch for a few choices, a select for more, a checkbox for yes/no. Its
// name and help come from the catalogue and follow a change of language.
import { type Said } from '../../i18n';
import { sayAttr } from '../../i18n/dom';
import { fieldHelp, fieldLabel, type Field } from '../../state/settings';
import { formatSetting } from '../../format';
import { h, setText, uid } from '../dom';
import { saidKey, showSaid } from '../said';

export interface FieldControl {
  readonly field: Field;
  readonly root: HTMLElement;
  set(value: unknown, enabled: boolean): void;
  showError(message: Said | null): void;
}

export function fieldControl(f: Field, onCommit: (raw: string | boolean) => void, onHelp: (f: Field) => void, extra?: HTMLElement): FieldControl {
  const id = uid(`field-${f.key}`);
  const error = h('p', { class: 'field-error', attrs: { 'aria-live': 'polite' } });
  error.hidden = true;
  let root: HTMLElement;
  let set: (value: unknown, enabled: boolean) => void;
  const label = fieldLabel(f);
  const locked = () => root.classList.contains('is-locked');  // lesson mode

  if (f.type === 'bool') {
    const box = h('input', { id, attrs: { type: 'checkbox', 'data-key': f.key } });
    box.addEventListener('change', () => onCommit(box.checked));
    root = h('div', { class: 'field field-bool' }, [h('label', { class: 'check', attrs: { for: id } }, [box, h('span', { say: label })]), error]);
    set = (v, enabled) => {
      box.checked = v === true;
      box.disabled = !enabled || locked();
    };
  } else if (f.type === 'choice' && f.options.length <= 3) {
    const name = uid(f.key);
    const radios = f.options.map((o) => {
      const r = h('input', { attrs: { type: 'radio', name, value: o.value, 'data-key': f.key } });
      r.addEventListener('change', () => r.checked && onCommit(o.value));
      return { r, node: h('label', { class: 'segment' }, [r, h('span', o.say ? { say: o.say } : { text: o.label })]) };
    });
    root = h('div', { class: 'field field-wide' }, [
      h('span', { class: 'field-label', say: label, attrs: { id } }),
      h('div', { class: 'segmented', attrs: { role: 'radiogroup', 'aria-labelledby': id } }, radios.map((x) => x.node)),
      error,
    ]);
    set = (v, enabled) => {
      for (const { r } of radios) {
        r.checked = r.value === v;
        r.disabled = !enabled || locked();
      }
    };
  } else if (f.type === 'choice') {
    const select = h('select', { class: 'select', id, attrs: { 'data-key': f.key } }, f.options.map((o) => h('option', { ...(o.say ? { say: o.say } : { text: o.label }), attrs: { value: o.value } })));
    select.addEventListener('change', () => onCommit(select.value));
    root = h('div', { class: 'field' }, [h('label', { class: 'field-label', say: label, attrs: { for: id } }), select, error]);
    set = (v, enabled) => {
      select.value = String(v);
      select.disabled = !enabled || locked();
    };
  } else if (f.slider) { ({ root, set } = sliderControl(f, id, error, onCommit, locked)); } else {
    const input = h('input', {
      class: 'input', id,
      attrs: {
        type: 'number', min: String(f.min), max: String(f.max), step: f.type === 'int' ? String(f.step) : 'any',
        inputmode: f.type === 'int' ? 'numeric' : 'decimal', 'data-key': f.key,
      },
    });
    input.addEventListener('change', () => onCommit(input.value));
    root = h('div', { class: 'field' }, [
      h('label', { class: 'field-label', say: label, attrs: { for: id } }),
      extra ? h('div', { class: 'input-with-button' }, [input, extra]) : input,
      error,
    ]);
    set = (v, enabled) => {
      // Never overwrite what a person is typing, nor a rejected value they still have to fix.
      const keep = document.activeElement === input || root.classList.contains('has-error');
      const text = formatSetting(Number(v));
      if (!keep && input.value !== text) input.value = text;
      input.disabled = !enabled || locked();
    };
  }
  let shownError = '';
  const showError = (message: Said | null) => {
    const key = message === null ? '' : saidKey([message]);
    if (key === shownError) return;  // drawn every frame while training: only a change touches the page
    shownError = key;
    error.hidden = message === null;
    showSaid(error, message === null ? [] : [message]);
    root.classList.toggle('has-error', message !== null);
  };
  sayAttr(root, 'title', fieldHelp(f));
  root.addEventListener('focusin', () => onHelp(f));
  root.addEventListener('pointerenter', () => onHelp(f));
  return { field: f, root, set, showError };
}

// A number with a small range people explore by feel (the memory tasks' distance): a slider, its value
// beside it. It commits when let go (or on a key), not while dragging: a new value may mean a new text.
function sliderControl(f: Field & { type: 'int' | 'float' }, id: string, error: HTMLElement, onCommit: (raw: string) => void, locked: () => boolean) {
  const input = h('input', { class: 'slider', id, attrs: { type: 'range', min: String(f.min), max: String(f.max), step: String(f.step), 'data-key': f.key } });
  const shown = h('output', { class: 'slider-value', attrs: { for: id } });
  input.addEventListener('input', () => setText(shown, input.value));
  input.addEventListener('change', () => onCommit(input.value));
  const root = h('div', { class: 'field field-wide' }, [
    h('label', { class: 'field-label', say: fieldLabel(f), attrs: { for: id } }),
    h('div', { class: 'slider-row' }, [input, shown]),
    error,
  ]);
  const set = (v: unknown, enabled: boolean) => {
    if (document.activeElement !== input && input.value !== String(v)) {
      input.value = String(v);
      setText(shown, String(v));
    }
    input.disabled = !enabled || locked();
  };
  return { root, set };
}
