// Connectivity: the probe text as a row of characters; the learner picks one (click, or the arrow keys
// on the row), and every character up to it is shaded by how much the model's prediction there depends
// on it (log scale, legend below). The row keeps one tab stop (the picked character): arrows move it.
import { t } from '../../../i18n';
import { describeChar, displayChar, formatPercent } from '../../../format';
import { h, setText } from '../../dom';
import { controlRow, viewShell } from '../viewShell';
import { legendGradient, legendTicks, reach, shadeColours, shades, strongestEarlier } from './shading';

export interface ConnectivityViewData {
  chars: readonly string[];   // the probe text, characters the model knows
  skipped: number;            // characters of the typed text the model does not know (left out)
  position: number;           // picked index into chars
  result: {                   // the answer for `position` (null while asking, or after a change)
    norms: Float32Array;
    target: string;
    targetIsNext: boolean;
    probability: number;
    step: number;
  } | null;
  error: string | null;       // the model could not trace the text (its message)
  hasModel: boolean;
  isLm: boolean;              // false: the model tags or classifies; the view explains it needs a language model
}

export interface ConnectivityEvents {
  onPosition(position: number): void;
  onText(text: string): void;
}

export class ConnectivityView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly strip: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly textInput: HTMLInputElement;
  private stripKey = '';
  private position = 0;
  private last = 0;

  constructor(private readonly events: ConnectivityEvents) {
    const shell = viewShell('connectivity', 'conn.title', ['conn.about1', 'conn.about2', 'conn.about3']);
    this.root = shell.root;
    this.status = shell.status;
    this.textInput = h('input', { class: 'input', id: 'connectivity-text', attrs: { type: 'text', maxlength: '400', spellcheck: 'false' } });
    this.textInput.addEventListener('input', () => events.onText(this.textInput.value));
    this.strip = h('div', { class: 'teach-strip conn-strip', id: 'connectivity-strip', sayAttrs: { 'aria-label': 'conn.strip' }, attrs: { role: 'group', 'aria-describedby': 'connectivity-caption' } });
    this.strip.addEventListener('keydown', (e) => this.onKey(e));
    this.caption = h('p', { class: 'teach-caption', id: 'connectivity-caption', attrs: { 'aria-live': 'polite' } });
    const ticks = legendTicks();
    const bar = h('div', { class: 'conn-legend-bar', attrs: { 'aria-hidden': 'true' } });
    bar.style.background = legendGradient();  // through the CSSOM: a style attribute breaks the strict CSP
    const legend = h('div', { class: 'conn-legend', id: 'connectivity-legend' }, [
      h('span', { class: 'conn-legend-title', say: 'conn.legend' }),
      bar,
      h('div', { class: 'conn-legend-ticks', attrs: { 'aria-hidden': 'true' } }, ticks.map((x) => h('span', { text: x }))),
    ]);
    shell.main.append(
      controlRow([h('label', { say: 'conn.text', attrs: { for: 'connectivity-text' } }), this.textInput]),
      h('p', { class: 'teach-hint', say: 'conn.hint' }),
      this.strip, legend, this.caption,
    );
  }

  setText(text: string): void {
    if (document.activeElement !== this.textInput) this.textInput.value = text;
  }

  render(d: ConnectivityViewData): void {
    this.position = d.position;
    this.last = d.chars.length - 1;
    this.renderStrip(d);
    const shade = d.result ? shades(d.result.norms) : [];
    const norms = d.result?.norms;
    const largest = norms ? Math.max(...norms) : 0;
    this.strip.querySelectorAll<HTMLButtonElement>('button').forEach((b, k) => {
      const picked = k === d.position;
      b.classList.toggle('is-picked', picked);
      b.classList.toggle('is-after', k > d.position);
      b.tabIndex = picked ? 0 : -1;
      const s = norms && k <= d.position ? shade[k] : null;
      const colours = s === null ? null : shadeColours(s);
      b.style.background = colours?.background ?? '';
      b.style.color = colours?.ink ?? '';
      b.dataset.shade = s === null ? '' : s.toFixed(3);
      const share = norms && s !== null ? norms[k] / largest : null;
      b.setAttribute('aria-label', share === null
        ? t('conn.char', { n: k + 1, char: describeChar(d.chars[k]) })
        : t('conn.charShaded', { n: k + 1, char: describeChar(d.chars[k]), share: formatShare(share) }));
    });
    setText(this.status, this.statusText(d));
    setText(this.caption, d.result ? this.captionText(d.chars, d.position, d.result.norms) : '');
  }

  private renderStrip(d: ConnectivityViewData): void {
    const key = d.chars.join('');
    if (key === this.stripKey) return;
    this.stripKey = key;
    this.strip.replaceChildren(...d.chars.map((c, k) => h('button', {
      class: 'teach-char', text: displayChar(c), attrs: { type: 'button', 'data-position': String(k) },
      on: { click: () => this.events.onPosition(k) },
    })));
  }

  private onKey(e: KeyboardEvent): void {
    const moves: Record<string, number> = { ArrowLeft: this.position - 1, ArrowRight: this.position + 1, Home: 0, End: this.last };
    if (!(e.key in moves) || this.last < 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(this.last, moves[e.key]));
    this.events.onPosition(next);
    // The row re-renders on the next frame; move the focus with the pick now so arrows keep working.
    this.strip.querySelector<HTMLButtonElement>(`button[data-position="${next}"]`)?.focus();
  }

  private statusText(d: ConnectivityViewData): string {
    if (!d.isLm) return t('conn.needsLm');
    if (!d.hasModel || d.chars.length === 0) return t('conn.waiting');
    if (d.error) return t('conn.failed', { message: d.error });
    const skipped = d.skipped > 0 ? ` ${t('conn.skipped', { n: d.skipped })}` : '';
    if (!d.result) return t('conn.asking') + skipped;
    const r = d.result;
    const args = { n: d.position + 1, total: d.chars.length, char: describeChar(d.chars[d.position]), target: describeChar(r.target), p: formatPercent(r.probability), step: r.step };
    return (r.targetIsNext ? t('conn.statusNext', args) : t('conn.statusGuess', args)) + skipped;
  }

  private captionText(chars: readonly string[], position: number, norms: Float32Array): string {
    if (position === 0) return t('conn.first');
    const best = strongestEarlier(norms);
    const back = reach(norms);
    const strongest = t('conn.strongest', { char: describeChar(chars[best]), k: position - best });
    return `${strongest} ${back === 0 ? t('conn.reachNone') : t('conn.reach', { k: back })}`;
  }
}

// A share of the largest dependence for a screen reader: "100%", "3.2%", "0.01%".
function formatShare(x: number): string {
  if (!(x > 0)) return formatPercent(0, 0);
  return x >= 0.01 ? formatPercent(x, x >= 0.1 ? 0 : 1) : formatPercent(x, Math.min(6, 1 - Math.floor(Math.log10(x * 100))));
}
