// Tells a diverging run from a learning one by its training loss alone. The core stops by itself only
// at a non-finite loss, which stable log-softmax makes rare: a learning rate far too high usually sends
// the loss to finite hundreds of nats instead. A fresh model predicts about uniformly, ln(V) nats per
// character, and a learning run only goes down from there, so a smoothed loss well above ln(V) means
// the run has blown up.
export class DivergenceGuard {
  private ema = Number.NaN;
  private seen = 0;
  private readonly uniform: number;

  constructor(vocabSize: number) {
    this.uniform = Math.log(Math.max(2, vocabSize));
  }

  // Above this smoothed loss (nats) the run is diverging: twice a uniform guess plus a margin that
  // keeps tiny vocabularies (ln 2 = 0.69) from tripping on noise.
  get limit(): number {
    return 2 * this.uniform + 1;
  }

  // Below this the weights are worth keeping as a checkpoint to go back to.
  get healthy(): boolean {
    return this.seen > 0 && this.ema < 1.25 * this.uniform + 0.5;
  }

  get smoothedLoss(): number {
    return this.ema;
  }

  // Feeds one step's loss (nats); true when the run should stop.
  observe(loss: number): boolean {
    if (!Number.isFinite(loss)) return true;
    this.ema = this.seen === 0 ? loss : 0.7 * this.ema + 0.3 * loss;
    this.seen++;
    return this.seen >= 3 && this.ema > this.limit;
  }

  reset(): void {
    this.ema = Number.NaN;
    this.seen = 0;
  }
}
