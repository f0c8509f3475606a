// Puts a lesson on the page: panels not in the lesson are hidden, hidden controls are gone, locked
// ones stay in view but cannot be changed (inert, disabled, marked "Locked"), with a note saying so.
// The embed layout drops the page chrome. Runs once, after the panels are built.
import { onLanguageChange, t, tDynamic, type MessageKey } from '../../i18n';
import { sayAttr } from '../../i18n/dom';
import { CONTROLS, PANELS, panelShown, type Lesson } from '../../state/lesson';
import { h, setText } from '../dom';
import './lesson.css';

// The element(s) a control id stands for.
function controlElements(id: string): HTMLElement[] {
  const c = CONTROLS.find((x) => x.id === id);
  if (!c) return [];
  const one = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];
  if (c.key) {
    return one(`[data-key="${c.key}"]`)
      .map((el) => el.closest<HTMLElement>('.field, .mini-field, .text-valfrac') ?? el)
      .filter((el, i, all) => all.indexOf(el) === i);
  }
  switch (id) {
    case 'text': return one('#preset, #text');
    case 'lang': return one('#lang-switch');
    case 'train': return one('#train');
    case 'step': return one('#step');
    case 'reset': return one('#reset');
    case 'file': return one('#controls-panel .controls-foot .inline-actions');
    case 'saves': return one('#open-saves, #open-runs');  // the runs are kept with the saves
    case 'share': return one('#open-share');
    default: return [];
  }
}

export function applyLesson(lesson: Lesson): void {
  document.body.classList.toggle('is-embed', lesson.embed);
  document.documentElement.classList.toggle('is-embed', lesson.embed);
  for (const p of PANELS) {
    const el = document.getElementById(p.element);
    if (el) el.hidden = !panelShown(lesson, p.id);
  }
  // A column left without panels goes, and the other one takes the width.
  for (const column of document.querySelectorAll<HTMLElement>('.columns > .column')) {
    column.hidden = [...column.children].every((c) => (c as HTMLElement).hidden);
    column.parentElement!.classList.toggle('columns-single', [...column.parentElement!.children].some((c) => (c as HTMLElement).hidden));
  }
  for (const id of lesson.hide) for (const el of controlElements(id)) el.hidden = true;
  // A fieldset whose every setting is hidden goes too.
  for (const set of document.querySelectorAll<HTMLElement>('#controls-panel fieldset')) {
    const fields = [...set.querySelectorAll<HTMLElement>('.field')];
    if (fields.length > 0 && fields.every((f) => f.hidden)) set.hidden = true;
  }
  const locked: MessageKey[] = [];
  for (const id of lesson.lock) {
    const els = controlElements(id);
    if (els.length === 0) continue;
    locked.push(CONTROLS.find((c) => c.id === id)!.label);
    for (const el of els) {
      lock(el);
      if (id === 'lang') sayAttr(el, 'title', 'lang.locked');
    }
  }
  if (locked.length > 0) {
    const words = h('span');
    const sayWords = () => {
      setText(words, ` ${t('lesson.fixed', { controls: locked.map((k) => tDynamic(k)).join(', ') })}`);
      // The "Locked" tag is drawn by lesson.css (::after); its word comes from the catalogue through a
      // custom property (set through the CSSOM: the strict CSP refuses style attributes in markup).
      document.documentElement.style.setProperty('--locked-tag', JSON.stringify(t('share.locked')));
    };
    sayWords();
    onLanguageChange(sayWords);
    const note = h('p', { class: 'lesson-note', id: 'lesson-note', attrs: { role: 'note' } }, [h('span', { class: 'lesson-badge', say: 'lesson.badge' }), words]);
    const host = document.querySelector('#controls-panel:not([hidden]) .panel-head') ?? document.querySelector('#text-panel:not([hidden]) .panel-head');
    host?.after(note);
  }
}

function lock(el: HTMLElement): void {
  el.classList.add('is-locked');
  el.setAttribute('aria-disabled', 'true');
  sayAttr(el, 'title', 'lesson.fixedHelp');
  if (el instanceof HTMLTextAreaElement) {
    el.readOnly = true;  // the text can still be read and scrolled
    return;
  }
  el.inert = true;
  const controls = el.matches('input, select, button') ? [el] : [...el.querySelectorAll<HTMLElement>('input, select, button')];
  for (const c of controls) (c as HTMLInputElement).disabled = true;
}
