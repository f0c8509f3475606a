// Every sentence of the page in English. Keys read as `area.what`; a sentence keeps its placeholders
// ({name}, {n|one|other}: see ../message.ts). The Korean (ko.ts) must have the same keys and placeholders.
export const en = {
  // The language switch
  'lang.label': 'Language',
  'lang.ko': '한국어',
  'lang.en': 'English',
  'lang.locked': 'The lesson sets the language',

  // The run bar
  'run.train': 'Train',
  'run.pause': 'Pause',
  'run.step': 'Step',
  'run.stepHelp': 'Train on exactly one window of the text, then stop',
  'run.reset': 'Reset',
  'run.resetHelp': 'Start again from fresh random weights (same text and settings)',
  'run.statStep': 'Step',
  'run.statStepHelp': 'Training steps done (one step = one batch of windows)',
  'run.statEpoch': 'Epoch',
  'run.statEpochHelp': 'How many times the training text has been seen',
  'run.statTrain': 'Train loss',
  'run.statTrainHelp': 'Training loss, bits per character (smoothed)',
  'run.statValidation': 'Val. loss',
  'run.statValidationHelp': 'Loss on the held-out text, bits per character',
  'run.statSpeed': 'Chars/s',
  'run.statSpeedHelp': 'Characters trained per second',
  'run.statTime': 'Time',
  'run.statTimeHelp': 'Training time',

  // The one sentence under the Train button
  'status.building': 'Building the model…',
  'status.starting': 'Starting the engine…',
  'status.failed': 'The engine stopped.',
  'status.blocked': 'Can’t train yet: see the text panel.',
  'status.training': 'Training {model} on {characters} characters',
  'status.ready': '{model} ready: press Train',
  'status.paused': 'Paused at step {step}',

  // Notices
  'notice.dismiss': 'Dismiss',
} as const;
