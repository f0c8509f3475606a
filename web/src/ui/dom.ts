// Building elements without HTML strings: text always goes in as text nodes, so whatever a person
// pastes is shown as characters and never parsed as markup (and no inline script can sneak in).

import { say, sayAttr } from '../i18n/dom';
import type { MessageKey } from '../i18n';
import type { Value } from '../i18n/message';

type Child = Node | string | null | undefined | false;
type Message = MessageKey | [MessageKey, Record<string, Value>];

export interface Props {
  class?: string;
  text?: string;
  title?: string;
  id?: string;
  attrs?: Record<string, string>;
  // Text and attributes from the catalogue, said again when the language changes (i18n/dom.ts).
  say?: Message;
  sayAttrs?: Partial<Record<'title' | 'aria-label' | 'placeholder', Message>>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) el.setAttribute(k, v);
  if (props.say) say(el, ...message(props.say));
  if (props.sayAttrs) for (const [attr, m] of Object.entries(props.sayAttrs)) sayAttr(el, attr as 'title', ...message(m));
  if (props.on) {
    for (const [type, handler] of Object.entries(props.on)) el.addEventListener(type, handler as EventListener);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function message(m: Message): [MessageKey, Record<string, Value> | undefined] {
  return typeof m === 'string' ? [m, undefined] : m;
}

// Sets text only when it changed: a cheap way to update many numbers at 60 frames per second.
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function mustFind<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

// A unique id for label/for and aria links.
let nextId = 0;
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
