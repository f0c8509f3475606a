// How the decision forms as the network reads a line (many-to-one): after each character, the
// probability of every label had the line ended there — a row per label, a column per character, the
// cell shaded by the probability and its value in the title; the leading label's cells are outlined.
import { t } from '../../../i18n';
import { h } from '../../dom';

export interface TraceView {
  characters: string[];
  labels: string[];
  probabilities: Float32Array;  // (characters × labels)
}

export function traceTable(v: TraceView): HTMLElement {
  const n = v.labels.length;
  const leader = v.characters.map((_, s) => {
    let best = 0;
    for (let l = 1; l < n; l++) if (v.probabilities[s * n + l] > v.probabilities[s * n + best]) best = l;
    return best;
  });
  const head = h('tr', {}, [h('th', { say: 'classify.traceCorner', attrs: { scope: 'col' } }), ...v.characters.map((c) => h('th', { class: 'tr-char', text: c === ' ' ? '·' : c, attrs: { scope: 'col' } }))]);
  const rows = v.labels.map((label, l) => h('tr', {}, [
    h('th', { text: label, attrs: { scope: 'row' } }),
    ...v.characters.map((c, s) => {
      const p = v.probabilities[s * n + l] ?? 0;
      const cell = h('td', { class: leader[s] === l ? 'tr-cell is-lead' : 'tr-cell', title: t('classify.traceCell', { char: c, label, p: p.toFixed(2) }) });
      cell.style.setProperty('--p', p.toFixed(3));
      return cell;
    }),
  ]));
  return h('div', { class: 'trace-scroll' }, [h('table', { class: 'trace-table', id: 'class-trace' }, [h('thead', {}, [head]), h('tbody', {}, rows)])]);
}

// Where the decision settled: the first character after which the final leader stayed ahead.
export function settledAt(v: TraceView): number {
  const n = v.labels.length;
  const steps = v.characters.length;
  if (steps === 0) return -1;
  const lead = (s: number) => {
    let best = 0;
    for (let l = 1; l < n; l++) if (v.probabilities[s * n + l] > v.probabilities[s * n + best]) best = l;
    return best;
  };
  const final = lead(steps - 1);
  let at = steps - 1;
  while (at > 0 && lead(at - 1) === final) at--;
  return at;
}
