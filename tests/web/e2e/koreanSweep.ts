// What a Korean reader meets on the page, collected the way they meet it: every visible text node,
// the options of every select, and the aria-label, title and placeholder of every element on screen.
// A finding is anything that is an English catalogue sentence, or holds an English word outside the
// allow-list of names (models, optimizers, tools, units) — the reader's own text, the vocabulary, the
// samples and the characters the model predicts are theirs, and are left out.
import { expect, type Page } from '@playwright/test';
import { en } from '../../../web/src/i18n/catalogs/en';

// Names that stay as they are in Korean writing: models, optimizers, functions, tools, formats, units,
// authors cited, and the switch's own "English".
const ALLOWED = new Set([
  'lstm', 'gru', 'rnn', 'adam', 'sgd', 'rmsprop', 'adagrad', 'pytorch', 'torch', 'webassembly', 'simd', 'relu', 'tanh',
  'softmax', 'char', 'charrnn', 'safetensors', 'english', 'kib', 'mib', 'gib', 'bits', 'https', 'course', 'example',
  'postmessage', 'api', 'firefox', 'chrome', 'edge', 'safari', 'jozefowicz', 'zaremba', 'psf', 'dec', 'exp', 'log', 'max',
  'clip', 'wasm', 'simd128', 'json',
]);

// Where the reader's own text and what the model makes of it are shown: not the page's words.
const THEIRS = [
  '.vocab-chips', '#samples', '.sample-text', '#probe-bars', '#neuron-text', '.compare-sample', '#softmax-strip',
  '#heat-tooltip .tip-next', '.neuron-suggestions button', '.mono', 'code.said-name', '.said-english > span[lang="en"]',
  // The tasks' panels: the held-out text as the model spaces it, its characters, the lines it classifies.
  '#spaced-text', '.dir-char', '.wrong-text', '.tr-char',
  // Each language's name in its own language (the switch), a reader's way back to theirs.
  '.lang-option[lang="en"]',
].join(', ');

export interface Said {
  where: string;
  text: string;
}

// Everything a person can read or hear on the page now.
export async function collect(page: Page): Promise<Said[]> {
  return page.evaluate((theirs) => {
    const out: { where: string; text: string }[] = [];
    const shown = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!parent || text === '' || parent.closest('script, style, option') || parent.closest(theirs)) continue;
      if (shown(parent)) out.push({ where: name(parent), text });
    }
    for (const el of document.querySelectorAll('*')) {
      if (el.closest(theirs)) continue;
      if (el instanceof HTMLSelectElement && shown(el)) {
        for (const o of el.options) if (o.lang !== 'en') out.push({ where: `${name(el)} option`, text: (o.textContent ?? '').trim() });
      }
      if (!shown(el) && !(el instanceof HTMLDialogElement)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push({ where: `${name(el)}[${attr}]`, text: v });
      }
    }
    out.push({ where: 'title', text: document.title });
    return out;
  }, THEIRS);
}

// The English catalogue's sentences as patterns (a placeholder matches anything).
const SENTENCES = Object.values(en as Record<string, string>).map((s) => {
  const escaped = s.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/(?<!_)\\?\{[^{}]+\}/g, '.+?');
  return new RegExp(`^${escaped}$`);
});

export function findings(said: readonly Said[]): string[] {
  const out: string[] = [];
  for (const s of said) {
    const words = (s.text.match(/[A-Za-z][A-Za-z0-9]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
    // A name alone ("LSTM") is in both catalogues; a sentence with a word of English is not.
    if (words.length > 0 && SENTENCES.some((re) => re.test(s.text))) out.push(`English sentence at ${s.where}: ${s.text}`);
    else if (words.length > 0) out.push(`English word(s) ${words.join(', ')} at ${s.where}: ${s.text}`);
  }
  return [...new Set(out)];
}

// Fails naming every English sentence or word on the page now; returns how much was read.
export async function expectAllKorean(page: Page, when: string): Promise<number> {
  const said = await collect(page);
  expect(findings(said), when).toEqual([]);
  expect(said.filter((s) => /[가-힣]/.test(s.text)).length, `${when}: Korean text on screen`).toBeGreaterThan(3);
  return said.length;
}
