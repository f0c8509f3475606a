// The teaching views, in the order a course on RNNs meets the ideas. The id is what a link names
// (#view=gradients): keep ids stable once published, a course may link to them.
export interface TeachViewInfo {
  id: string;
  title: string;
  blurb: string;  // one line for the tab's tooltip
}

export const TEACH_VIEWS = [
  { id: 'equations', title: 'Equations', blurb: 'The equations of the cell in use, term by term.' },
  { id: 'softmax', title: 'One-hot & softmax', blurb: 'What goes in (one-hot) and what comes out (softmax), with temperature.' },
  { id: 'anatomy', title: 'Cell anatomy', blurb: 'One unit at a time: its gates step by step over a text.' },
  { id: 'gradients', title: 'Vanishing gradients', blurb: '‖∂L/∂h_t‖ over the training window, and what the window length means.' },
  { id: 'clipping', title: 'Gradient clipping', blurb: 'The gradient norm before clipping, the threshold, the share clipped.' },
  { id: 'forget-bias', title: 'Forget-gate bias', blurb: 'Forget bias 0 or 1 and the cell state’s memory.' },
  { id: 'dropout', title: 'Dropout', blurb: 'Where dropout sits, and the train/validation gap.' },
  { id: 'compare', title: 'Compare cells', blurb: 'RNN, LSTM and GRU side by side on the same text.' },
  { id: 'gradient-check', title: 'Gradient check', blurb: 'Backprop against finite differences.' },
] as const satisfies readonly TeachViewInfo[];

export type TeachViewId = (typeof TEACH_VIEWS)[number]['id'];

export function isTeachView(id: string): id is TeachViewId {
  return TEACH_VIEWS.some((v) => v.id === id);
}
