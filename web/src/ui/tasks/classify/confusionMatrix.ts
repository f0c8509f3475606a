// The confusion matrix of the held-out lines: a row per true label, a column per the model's
// decision, counts in the cells (shaded by the row's share, the number always written), the diagonal
// marked as the right answers.
import { t } from '../../../i18n';
import { h } from '../../dom';

export function confusionTable(labels: readonly string[], counts: Float64Array): HTMLElement {
  const n = labels.length;
  const head = h('tr', {}, [
    h('th', { class: 'cm-corner', say: 'classify.matrixCorner', attrs: { scope: 'col' } }),
    ...labels.map((l) => h('th', { text: l, attrs: { scope: 'col' } })),
  ]);
  const rows = labels.map((label, r) => {
    let total = 0;
    for (let c = 0; c < n; c++) total += counts[r * n + c] ?? 0;
    return h('tr', {}, [
      h('th', { text: label, attrs: { scope: 'row' } }),
      ...labels.map((_, c) => {
        const count = counts[r * n + c] ?? 0;
        const share = total > 0 ? count / total : 0;
        const cell = h('td', { class: r === c ? 'cm-cell is-right' : 'cm-cell', text: String(count), title: t('classify.matrixCell', { count, truth: label, decision: labels[c] }) });
        cell.style.setProperty('--share', share.toFixed(3));
        return cell;
      }),
    ]);
  });
  return h('table', { class: 'cm-table', id: 'confusion-matrix' }, [
    h('caption', { say: 'classify.matrixCaption' }),
    h('thead', {}, [head]),
    h('tbody', {}, rows),
  ]);
}
