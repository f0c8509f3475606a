// The connectivity view (issue 16): what each prediction depends on. `_x` and `_{…}` are subscripts in
// formulas (never placeholders).
export const connectivity = {
  'view.connectivity': 'Connectivity',
  'view.connectivity.blurb': 'Click a character: how much the prediction there depends on each character before it.',

  'conn.title': 'What a prediction depends on',
  'conn.about1': 'Pick a character of the text. The model has read everything up to it and predicts the next character; each character before it is shaded by how much that prediction depends on it: the size of the gradient ‖∂ log p / ∂x_s‖ of the prediction’s log-probability with respect to that character’s input (the column of the input weights its one-hot vector selects). The core computes it with the same backward pass as training, from a zero state at the start of the text.',
  'conn.about2': 'What to notice: a plain RNN’s dependence fades within a few characters: every step multiplies the gradient by the recurrent weights and the tanh slope, and it shrinks by a factor of ten every character or two. An LSTM’s cell state can carry it much further: after some training it often reaches back to the start of the word, or to an opening bracket or quote when it has to close one. A GRU behaves like the LSTM with fewer parameters.',
  'conn.about3': 'The scale is logarithmic and relative to the largest value at the chosen position, so faint cells still count: a thousandth of the largest is visible. The picture changes while the model trains; an untrained model depends mostly on the last character or two.',
  'conn.text': 'Text to trace',
  'conn.hint': 'Click a character, or focus the row and use the arrow keys (Home, End).',
  'conn.strip': 'Characters of the text: pick the position whose prediction to trace',
  'conn.legend': 'Dependence, relative to the largest',
  'conn.char': 'character {n}: {char}',
  'conn.charShaded': 'character {n}: {char}, dependence {share} of the largest',
  'conn.waiting': 'Waiting for a model and a text.',
  'conn.asking': 'Asking the model…',
  'conn.failed': 'The model could not trace this text: {message}',
  'conn.skipped': '{n|# character the model does not know is|# characters the model does not know are} left out.',
  'conn.statusNext': 'Position {n} of {total}, after {char}: the text continues with {target}, and the model (step {step}) gives it {p}.',
  'conn.statusGuess': 'Position {n} of {total}, after {char}: nothing follows in the text, so this traces the model’s favourite, {target} ({p}, step {step}).',
  'conn.first': 'The first character has nothing before it: the prediction depends only on the character itself.',
  'conn.strongest': 'Of the earlier characters, the prediction depends most on {char}, {k|# character|# characters} back.',
  'conn.reach': 'It still depends at 1% of the largest or more {k|# character|# characters} back.',
  'conn.reachNone': 'Every earlier character counts less than 1% of the character itself.',
} as const;
