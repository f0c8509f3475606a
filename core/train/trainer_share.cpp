// A training step in two halves, so that replicas can each take a share of the batch (trainer.hpp):
// compute_share (forward and backward on the share's streams) and apply_share (the summed gradient's
// clipping and update). With one replica the share is the whole batch, and the two halves are exactly
// the single-process step, number for number.
#include <algorithm>
#include <cmath>

#include "train/stream_share.hpp"
#include "train/trainer.hpp"
#include "util/error.hpp"

namespace charrnn {

namespace {

// A replica's own dropout numbers for one step, from the shared stream's place and its index: the masks
// of different replicas differ, and every replica can still advance the shared stream alike.
Rng share_rng(const Rng& shared, int replica) {
  const Rng::State s = shared.state();
  const std::uint64_t high = (static_cast<std::uint64_t>(s.words[0]) << 32) | s.words[1];
  const std::uint64_t low = (static_cast<std::uint64_t>(s.words[2]) << 32) | s.words[3];
  return Rng(high ^ (low * 0x9E3779B97F4A7C15ull) ^ (static_cast<std::uint64_t>(replica) + 1) * 0xD1B54A32D192ED03ull);
}

}  // namespace

GradientShare Trainer::compute_share(int replica, int replicas) {
  const StreamRange range = stream_range(settings_.batch, replica, replicas);  // checks the index
  share_new_epoch_ = batches_->next(batch_);
  share_pending_ = true;
  const bool carry = batches_->carries_state();
  if (share_new_epoch_) state_.reset(model_.shape(), settings_.batch);
  window_start_ = state_;
  batch_scored_ = std::count_if(batch_.targets.begin(), batch_.targets.end(), [](std::int32_t y) { return y >= 0; });
  std::fill(grads_.begin(), grads_.end(), 0.f);

  const Batch* share = &batch_;
  RecurrentState* state = carry ? &state_ : nullptr;
  Rng* rng = &dropout_rng_;
  Rng own_rng;
  StreamRange mine{0, batch_.layout.batch()};
  if (replicas > 1) {
    mine = stream_range(batch_.layout.batch(), replica, replicas);  // a classifier's batch may be short
    if (mine.size() == 0) {
      dropout_rng_.next_u32();
      return {};
    }
    slice_batch(batch_, mine, model_.shape().task == TaskKind::classify, share_batch_);
    share = &share_batch_;
    if (carry) {
      copy_state_rows(state_, range, share_state_);
      state = &share_state_;
    }
    own_rng = share_rng(dropout_rng_, replica);
    rng = &own_rng;
    dropout_rng_.next_u32();  // the same in every replica: they stay identical
  }
  GradientShare out;
  network_.forward(model_, share->layout, share->inputs.data(), share->targets.data(), state, settings_.dropout, rng);
  out.loss_sum = network_.loss_sum();
  if (carry && replicas > 1) put_state_rows(share_state_, range, state_);
  if (!std::isfinite(out.loss_sum)) return out;
  // The decisions, read before backward turns the probabilities into gradients.
  out.tally.add(network_.outputs().data(), share->targets.data(), network_.head_rows(), model_.shape().classes());
  network_.backward(model_, grads_, false, batch_scored_);
  return out;
}

StepReport Trainer::apply_share(const GradientShare& total) {
  require(share_pending_, "there is no computed gradient to apply: compute a share of the batch first");
  share_pending_ = false;
  StepReport report;
  const int B = settings_.batch;
  report.new_epoch = share_new_epoch_;
  report.characters = batch_.layout.rows();
  report.loss = batch_scored_ > 0 ? total.loss_sum / static_cast<double>(batch_scored_) : 0.0;
  if (!std::isfinite(report.loss)) {
    // These weights produced a non-finite loss: put back the ones before the last update.
    model_.mutable_parameters() = last_good_;
    state_.reset(model_.shape(), B);
    report.diverged = true;
    report.step = steps_;
    return report;
  }
  report.tally = total.tally;
  report.grad_norm = clip_gradient_norm(grads_, settings_.clip);
  if (!std::isfinite(report.grad_norm)) {
    state_.reset(model_.shape(), B);
    report.diverged = true;  // the weights gave a finite loss: they are the last good ones, keep them
    report.step = steps_;
    return report;
  }
  report.clipped = settings_.clip > 0.f && report.grad_norm > settings_.clip;
  last_good_ = model_.parameters();
  optimizer_.step(model_.mutable_parameters(), grads_);
  report.step = ++steps_;
  return report;
}

std::vector<float> Trainer::stream_state(int replica, int replicas) const {
  RecurrentState share;
  copy_state_rows(state_, stream_range(settings_.batch, replica, replicas), share);
  std::vector<float> values = share.h;
  values.insert(values.end(), share.c.begin(), share.c.end());
  return values;
}

void Trainer::set_stream_state(int replica, int replicas, const std::vector<float>& values) {
  const StreamRange range = stream_range(settings_.batch, replica, replicas);
  RecurrentState share;
  share.layers = state_.layers, share.batch = range.size(), share.hidden = state_.hidden;
  const std::size_t half = static_cast<std::size_t>(share.layers) * share.batch * share.hidden;
  require(values.size() == (state_.c.empty() ? half : 2 * half), "the streams' state does not fit this model and batch");
  share.h.assign(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(half));
  share.c.assign(values.begin() + static_cast<std::ptrdiff_t>(half), values.end());
  put_state_rows(share, range, state_);
}

}  // namespace charrnn
