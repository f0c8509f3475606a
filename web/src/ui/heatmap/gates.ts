// What each traced quantity of a cell is, and the range its colours span. Names and order are the
// core's (core/infer/inspect.cpp): LSTM i,f,g,o,c,h; GRU r,z,n,h; RNN h. Titles and meanings are in
// the catalogue (`gate.<cell>.<name>`), said in the page's language when asked for.
import { hasMessage, tDynamic } from '../../i18n';
import { diverging, sequential, type Palette } from './palette';

export interface GateInfo {
  name: string;
  title: string;
  meaning: string;
  range: 'unit' | 'signed' | 'free';  // sigmoid 0…1, tanh −1…1, unbounded (LSTM cell)
}

type Range = GateInfo['range'];
const LSTM: Record<string, Range> = { i: 'unit', f: 'unit', g: 'signed', o: 'unit', c: 'free', h: 'signed' };
const GRU: Record<string, Range> = { r: 'unit', z: 'unit', n: 'signed', h: 'signed' };
const RNN: Record<string, Range> = { h: 'signed' };

export function gateInfo(cell: string, name: string): GateInfo {
  const kind = cell === 'lstm' || cell === 'gru' ? cell : 'rnn';
  const table = kind === 'lstm' ? LSTM : kind === 'gru' ? GRU : RNN;
  const key = `gate.${kind}.${name}`;
  if (!(name in table) || !hasMessage(key)) return { name, title: name, meaning: '', range: 'signed' };
  return { name, title: tDynamic(key), meaning: tDynamic(`${key}.meaning` as typeof key), range: table[name] };
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
