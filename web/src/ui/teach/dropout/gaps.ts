// The train/validation gap over a run, with the dropout rate in force at each point. The training
// loss is smoothed (one step's loss depends on which windows the batch held) and read at the step of
// each validation measurement; the gap is validation minus training, in bits per character. Note that
// with dropout on, the training loss is measured on the thinned network, so it reads higher.

export interface GapPoint {
  step: number;
  train: number;       // bits/char, smoothed
  validation: number;  // bits/char
  gap: number;
  dropout: number;
}

// Average gap per dropout rate over the last `recent` points of each stretch: the number to compare
// when a learner flips dropout on and off.
export function gapByDropout(points: readonly GapPoint[], recent = 5): { dropout: number; gap: number; points: number }[] {
  const stretches: GapPoint[][] = [];
  for (const p of points) {
    const cur = stretches[stretches.length - 1];
    if (cur && cur[0].dropout === p.dropout) cur.push(p);
    else stretches.push([p]);
  }
  return stretches.map((s) => {
    const tail = s.slice(-recent);
    return { dropout: s[0].dropout, gap: tail.reduce((a, p) => a + p.gap, 0) / tail.length, points: s.length };
  });
}
