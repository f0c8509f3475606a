// Training speed as a person should read it: characters trained per second of worker wall time over
// the last couple of seconds. Wall time counts everything the worker did between two slices (answering
// samples, probes, validation), so the figure is the real pace, not the pace inside train() alone.
const WINDOW_MS = 2000;

export class Throughput {
  private recent: { wall: number; train: number; chars: number }[] = [];
  private windowWall = 0;
  private windowTrain = 0;
  private windowChars = 0;
  elapsedMs = 0;        // all training wall time of this model
  charsTrained = 0;

  add(wallMillis: number, trainMillis: number, chars: number): void {
    this.elapsedMs += wallMillis;
    this.charsTrained += chars;
    this.recent.push({ wall: wallMillis, train: trainMillis, chars });
    this.windowWall += wallMillis;
    this.windowTrain += trainMillis;
    this.windowChars += chars;
    while (this.recent.length > 1 && this.windowWall - this.recent[0].wall >= WINDOW_MS) {
      const old = this.recent.shift()!;
      this.windowWall -= old.wall;
      this.windowTrain -= old.train;
      this.windowChars -= old.chars;
    }
  }

  // Share of the worker's time spent inside train(): the rest went to answering the page.
  get trainShare(): number {
    return this.windowWall > 0 ? Math.min(1, this.windowTrain / this.windowWall) : Number.NaN;
  }

  // NaN until there is something to measure.
  get charsPerSecond(): number {
    return this.windowWall > 0 ? (this.windowChars / this.windowWall) * 1000 : Number.NaN;
  }

  // A pause breaks the pace: the next measurement starts fresh.
  restartWindow(): void {
    this.recent = [];
    this.windowWall = 0;
    this.windowTrain = 0;
    this.windowChars = 0;
  }

  clear(): void {
    this.restartWindow();
    this.elapsedMs = 0;
    this.charsTrained = 0;
  }
}
