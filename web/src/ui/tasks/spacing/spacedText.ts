// A text as a spacing model spaces it, gap by gap: a space it put where one belongs, one it missed, one
// it put where none belongs, or no space where none belongs; and for each gap, the probability from
// the whole model and from each direction alone (which side decided). Pure: the panel draws it.

// The breakdown as the core reports it (wasm SpacingBreakdownResult), one entry per character of the
// text without its spaces.
export interface SpacingBreakdown {
  characters: string[];
  truth: Int8Array;                   // 1: a space followed, 0: none, -1: not a decision (line break, end)
  probability: Float32Array;          // P(a space follows)
  forwardProbability: Float32Array;   // from the forward direction's half of the output layer alone
  backwardProbability: Float32Array;  // the backward direction's (empty for a forward-only model)
}

export type GapKind = 'space' | 'missed' | 'extra' | 'none' | 'unscored';

export interface SpacedCharacter {
  char: string;
  gap: GapKind;            // what follows the character
  probability: number;
  forward: number;         // NaN when the model reads one way only
  backward: number;
}

export function spacedCharacters(b: SpacingBreakdown): SpacedCharacter[] {
  return b.characters.map((char, i) => {
    const p = b.probability[i];
    const truth = b.truth[i];
    const predicted = p > 0.5;
    const gap: GapKind = truth < 0 ? 'unscored' : truth === 1 ? (predicted ? 'space' : 'missed') : predicted ? 'extra' : 'none';
    return {
      char, gap, probability: p,
      forward: b.forwardProbability.length > i ? b.forwardProbability[i] : Number.NaN,
      backward: b.backwardProbability.length > i ? b.backwardProbability[i] : Number.NaN,
    };
  });
}

export interface GapCounts {
  spaces: number;   // right
  missed: number;
  extra: number;
  decided: number;  // every scored gap
}

export function gapCounts(chars: readonly SpacedCharacter[]): GapCounts {
  const c = { spaces: 0, missed: 0, extra: 0, decided: 0 };
  for (const x of chars) {
    if (x.gap === 'unscored') continue;
    c.decided++;
    if (x.gap === 'space') c.spaces++;
    else if (x.gap === 'missed') c.missed++;
    else if (x.gap === 'extra') c.extra++;
  }
  return c;
}

// Which side decided a gap: the direction whose own probability is nearer the model's decision, when
// the two disagree; 'both' when they agree.
export function decidingSide(x: SpacedCharacter): 'forward' | 'backward' | 'both' | 'one-way' {
  if (!Number.isFinite(x.backward)) return 'one-way';
  const decided = x.probability > 0.5;
  const f = x.forward > 0.5;
  const b = x.backward > 0.5;
  if (f === b) return 'both';
  return f === decided ? 'forward' : 'backward';
}
