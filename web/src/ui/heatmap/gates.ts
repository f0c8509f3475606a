// What each traced quantity of a cell is, and the range its colours span. Names and order are the
// core's (core/infer/inspect.cpp): LSTM i,f,g,o,c,h; GRU r,z,n,h; RNN h.
import { diverging, sequential, type Palette } from './palette';

export interface GateInfo {
  name: string;
  title: string;
  meaning: string;
  range: 'unit' | 'signed' | 'free';  // sigmoid 0…1, tanh −1…1, unbounded (LSTM cell)
}

const LSTM: Record<string, Omit<GateInfo, 'name'>> = {
  i: { title: 'input gate', meaning: 'how much of the candidate is written into the cell (0 none, 1 all)', range: 'unit' },
  f: { title: 'forget gate', meaning: 'how much of the cell is kept from the step before (1 keeps all)', range: 'unit' },
  g: { title: 'candidate', meaning: 'the value offered for writing into the cell', range: 'signed' },
  o: { title: 'output gate', meaning: 'how much of the cell shows in the output', range: 'unit' },
  c: { title: 'cell state', meaning: 'the long-term memory; unbounded, so the scale follows the largest value', range: 'free' },
  h: { title: 'hidden state', meaning: 'what the layer passes on, to the next layer and to the prediction', range: 'signed' },
};
const GRU: Record<string, Omit<GateInfo, 'name'>> = {
  r: { title: 'reset gate', meaning: 'how much of the past state the candidate may look at', range: 'unit' },
  z: { title: 'update gate', meaning: 'how much of the past state is kept (1 keeps all)', range: 'unit' },
  n: { title: 'candidate', meaning: 'the new state offered', range: 'signed' },
  h: { title: 'hidden state', meaning: 'what the layer passes on, to the next layer and to the prediction', range: 'signed' },
};
const RNN: Record<string, Omit<GateInfo, 'name'>> = {
  h: { title: 'hidden state', meaning: 'the whole memory of a plain RNN: tanh of input and previous state', range: 'signed' },
};

export function gateInfo(cell: string, name: string): GateInfo {
  const table = cell === 'lstm' ? LSTM : cell === 'gru' ? GRU : RNN;
  const info = table[name] ?? { title: name, meaning: '', range: 'signed' as const };
  return { name, ...info };
}

export interface Scale {
  palette: Palette;
  lo: number;
  hi: number;
}

// The colour scale of one gate's values; the free-ranging cell state is scaled to its largest |value|.
export function gateScale(info: GateInfo, values: ArrayLike<number>): Scale {
  if (info.range === 'unit') return { palette: sequential, lo: 0, hi: 1 };
  if (info.range === 'signed') return { palette: diverging, lo: -1, hi: 1 };
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  m = Math.max(m, 1e-3);
  return { palette: diverging, lo: -m, hi: m };
}
