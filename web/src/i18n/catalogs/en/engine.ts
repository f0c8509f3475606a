// What the engine (the C++ core) refuses, said from its code (core/util/error.hpp: Error's code and
// params) so it reads in the page's language. Keys are `engine.<code>`; a code without a key here is shown
// in the engine's own English. Values arrive as the core wrote them (numbers already as digits).
export const engine = {
  'engine.labels.noTab': 'Line {line} has no tab: each line must be a label, a tab, then the text.',
  'engine.labels.emptyLabel': 'Line {line} has an empty label: write the label before the tab.',
  'engine.labels.badLabel': 'On line {line}, the label “{label}” holds a line break.',
  'engine.labels.noText': 'Line {line} has no text after its label “{label}”.',
  'engine.labels.lineTooLong': 'Line {line} has {characters} characters after its label; a line may have at most {max}. Split long lines.',
  'engine.labels.none': 'The text has no labelled lines: each line must be a label, a tab, then the text.',
  'engine.labels.unknownLabel': 'On line {line}, the label “{label}” is not one of the model’s labels ({known}).',
  'engine.labels.oneLabel': 'All lines have the same label (“{label}”): a classifier needs lines of at least 2 different labels.',
  'engine.labels.tooMany': 'The text has {count} different labels; at most {max} are supported.',
  'engine.labels.tooFewLines': 'The label “{label}” has only {count} lines; every label needs at least {min}: some to learn from, one held out to measure.',
  'engine.text.oneCharacter': 'The text has only one distinct character ({char}); a model needs at least 2 different characters to learn anything.',
  'engine.spacing.noSpaces': 'The text has no spaces between words to learn from: restoring spaces needs a text written with spaces.',
  'engine.spacing.tooShort': 'The text is too short to train on: {have} characters without spaces, but batch {batch} × sequence length {seqLen} needs {need}. Use a longer text or lower the sequence length or batch size.',
} as const;
