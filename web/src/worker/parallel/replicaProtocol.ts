// What the coordinating worker and its replica workers say to each other during data-parallel training
// (core/api/session.hpp). Every buffer travels as a transferable ArrayBuffer: no SharedArrayBuffer, so
// no cross-origin isolation, and the page works embedded in any course page.
import type { GradientShare, SessionSettings } from '../../../generated/core.mjs';

export type ToReplica =
  // Become a replica of the coordinator's model: the same file (with its optimizer and training state).
  | { type: 'load'; bytes: ArrayBuffer; text: string; settings: SessionSettings }
  | { type: 'compute'; replica: number; replicas: number }
  // The summed gradient and counts, in the buffer the replica's own gradient came in: applied at once, while
  // the coordinator applies it too; `snapshot` follows when the coordinator's schedule took one.
  | { type: 'apply'; summed: Float32Array; total: GradientShare }
  | { type: 'snapshot' }
  | { type: 'update'; learningRate: number; clip: number; dropout: number };

export type FromReplica =
  | { type: 'ready' }
  | { type: 'loaded'; heapBytes: number }
  // Its share of the step, and its streams' carried state after the window (the coordinator keeps every
  // stream's state, so its saved file resumes exactly).
  | { type: 'share'; share: GradientShare; gradient: Float32Array; state: Float32Array; heapBytes: number }
  | { type: 'failed'; message: string };

// The share's counts alone (what the core sums), without its gradient.
export function shareCounts(s: GradientShare): GradientShare {
  return {
    lossSum: s.lossSum, scored: s.scored, correct: s.correct, truePositive: s.truePositive, falsePositive: s.falsePositive,
    falseNegative: s.falseNegative,
  };
}

export function addShare(into: GradientShare, s: GradientShare): void {
  into.lossSum += s.lossSum;
  into.scored += s.scored;
  into.correct += s.correct;
  into.truePositive += s.truePositive;
  into.falsePositive += s.falsePositive;
  into.falseNegative += s.falseNegative;
}
