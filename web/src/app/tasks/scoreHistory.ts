// The held-out scores of a task over training, one point per validation, for the score chart and the
// headline. A validation of an older step (answered late) never goes back in time.
import type { TaskScores } from '../../protocol';

export interface ScorePoint {
  step: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

export class ScoreHistory {
  readonly points: ScorePoint[] = [];

  add(step: number, s: TaskScores): void {
    const last = this.points[this.points.length - 1];
    const point = { step, accuracy: s.accuracy, precision: s.precision, recall: s.recall, f1: s.f1 };
    if (last && step < last.step) return;
    if (last && step === last.step) this.points[this.points.length - 1] = point;  // a pause re-measures the same step
    else this.points.push(point);
  }

  clear(): void {
    this.points.length = 0;
  }

  get last(): ScorePoint | null {
    return this.points[this.points.length - 1] ?? null;
  }

  // The best F1 so far and where (the headline says whether the latest is it).
  best(key: 'f1' | 'accuracy'): ScorePoint | null {
    let best: ScorePoint | null = null;
    for (const p of this.points) if (best === null || p[key] > best[key]) best = p;
    return best;
  }
}
