// Text in the page's elements that follows the language: say() sets an element's text (sayAttr an
// attribute: a tooltip, an aria-label, a placeholder) from the catalogue and remembers which message
// it was; after a change of language, relabel() says every remembered message again.
import { onLanguageChange, tDynamic, type MessageKey } from './index';
import type { Value } from './message';

type LabelledAttr = 'title' | 'aria-label' | 'placeholder' | 'alt';
const ATTRS: readonly LabelledAttr[] = ['title', 'aria-label', 'placeholder', 'alt'];

function remember(el: Element, slot: string, key: MessageKey, params?: Record<string, Value>): void {
  el.setAttribute(`data-i18n-${slot}`, params ? `${key}|${JSON.stringify(params)}` : key);
}

function recall(value: string): [MessageKey, Record<string, Value> | undefined] {
  const bar = value.indexOf('|');
  return bar < 0 ? [value as MessageKey, undefined] : [value.slice(0, bar) as MessageKey, JSON.parse(value.slice(bar + 1)) as Record<string, Value>];
}

export function say(el: Element, key: MessageKey, params?: Record<string, Value>): void {
  remember(el, 'text', key, params);
  const text = tDynamic(key, params);
  if (el.textContent !== text) el.textContent = text;
}

export function sayAttr(el: Element, attr: LabelledAttr, key: MessageKey, params?: Record<string, Value>): void {
  remember(el, attr, key, params);
  el.setAttribute(attr, tDynamic(key, params));
}

// Says again every message under `root` that say()/sayAttr() put there.
export function relabel(root: ParentNode): void {
  for (const el of root.querySelectorAll('[data-i18n-text]')) {
    const [key, params] = recall(el.getAttribute('data-i18n-text')!);
    el.textContent = tDynamic(key, params);
  }
  for (const attr of ATTRS) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      const [key, params] = recall(el.getAttribute(`data-i18n-${attr}`)!);
      el.setAttribute(attr, tDynamic(key, params));
    }
  }
}

// The whole document follows every change of language.
export function relabelOnLanguageChange(root: ParentNode = document): void {
  onLanguageChange(() => relabel(root));
}
