// The sequence-length explanation beside the gradient chart: what truncated BPTT over T steps lets the
// model learn, in words that follow the learner's current settings.

export interface WindowNote {
  headline: string;
  can: string;
  cannot: string;
}

export function windowNote(seqLen: number, cell: string): WindowNote {
  const t = seqLen;
  const memory = cell === 'rnn'
    ? 'a plain RNN’s gradient usually fades within a few dozen steps anyway, so a longer window helps it little'
    : `the ${cell.toUpperCase()}’s gates can carry the gradient across most of the window`;
  return {
    headline: `Training windows are ${t} characters long (truncated backpropagation through time).`,
    can: `Within a window, a prediction can send error back up to ${t - 1} characters: the model can learn to use anything it read in the last ${t} characters — ${memory}.`,
    cannot: `Nothing pushes it to keep information for longer than ${t} characters: the state still flows from window to window, but no gradient crosses a window’s start. A quote closed ${t + 20} characters after it opened is only learned if the state happens to keep it.`,
  };
}
