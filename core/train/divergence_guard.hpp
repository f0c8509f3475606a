// Tells a diverging run from a learning one by its training loss alone. The trainer stops by itself
// only at a non-finite loss, which stable log-softmax makes rare: a learning rate far too high usually
// sends the loss to finite hundreds of nats instead. A fresh model predicts about uniformly, ln(V) nats
// per character, and a learning run only goes down from there, so a smoothed loss well above ln(V)
// means the run has blown up.
#pragma once

namespace charrnn {

class DivergenceGuard {
 public:
  explicit DivergenceGuard(int vocab_size);

  // Above this smoothed loss (nats) the run is diverging: twice a uniform guess plus a margin that
  // keeps tiny vocabularies (ln 2 = 0.69) from tripping on noise.
  double limit() const { return 2 * uniform_ + 1; }
  // Below this the weights are worth keeping as a snapshot to go back to.
  bool healthy() const { return seen_ > 0 && smoothed_ < 1.25 * uniform_ + 0.5; }
  double smoothed_loss() const { return smoothed_; }  // NaN before the first step

  // Feeds one step's loss (nats); true when the run should stop. A non-finite loss stops it at once.
  bool observe(double loss);
  void reset();

 private:
  double uniform_;    // ln V: the loss of a uniform guess
  double smoothed_;   // exponential moving average of the losses, weight 0.3 on the newest
  long long seen_ = 0;
};

}  // namespace charrnn
