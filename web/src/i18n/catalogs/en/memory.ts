// The memory tasks (issue 16): generated texts whose structure needs memory at a known distance, and
// the panel that scores a model only where memory is needed.
export const memory = {
  'preset.copy': 'Memory: copy',
  'preset.copy.inSentence': 'copy task',
  'preset.copy.about': 'Four random letters, a gap of dots, a colon, then the same four letters again. After the colon only memory helps: the letters were seen a whole gap earlier.',
  'preset.nesting': 'Memory: matching brackets',
  'preset.nesting.inSentence': 'bracket task',
  'preset.nesting.about': 'Up to three opening brackets, a stretch of short words, then the closing brackets in reverse order. Which bracket closes next depends on one opened a whole stretch earlier.',
  'preset.parity': 'Memory: parity',
  'preset.parity.inSentence': 'parity task',
  'preset.parity.about': 'A run of 0s and 1s, an equals sign, then o if the run held an odd number of 1s and e if even. The answer depends on every digit back to the start of the run.',

  'setting.distance': 'Memory distance',
  'setting.distance.help': 'The longest distance, in characters, between what must be remembered and where it is needed; each example draws its own distance from 5 up to this. A new distance makes a new text.',

  'memory.title': 'Memory: accuracy against distance',
  'memory.about': 'Scored only where memory is needed, on examples the model never trained on: does its most likely next character match? Where a plain RNN falls to the chance line, its memory has run out; an LSTM or GRU holds on further.',
  'memory.before': 'The score appears after the first measurement while training.',
  'memory.headline': 'Step {step}: {accuracy}% right over {n|# position|# positions} that need memory (chance {chance}%).',
  'memory.chartLabel': 'Accuracy at the positions that need memory, against how far back the memory reaches, with the chance line',
  'memory.axisDistance': 'distance (characters back)',
  'memory.axisAccuracy': 'accuracy',
  'memory.chance': 'chance',
  'memory.tableDistance': 'Distance',
  'memory.tableAccuracy': 'Accuracy',
  'memory.tableCount': 'Positions',
  'memory.row': 'about {distance}',
  'compare.memory': 'Memory positions right: {accuracy}% (chance {chance}%) at step {step}.',
} as const;
