#include "train/stream_share.hpp"

#include <algorithm>
#include <string>

#include "util/error.hpp"

namespace charrnn {

StreamRange stream_range(int B, int replica, int replicas) {
  require(replicas >= 1 && replica >= 0 && replica < replicas,
          "replica " + std::to_string(replica) + " of " + std::to_string(replicas) + " does not exist");
  const auto cut = [&](int r) { return static_cast<int>(static_cast<long long>(B) * r / replicas); };
  return {cut(replica), cut(replica + 1)};
}

void slice_batch(const Batch& whole, StreamRange range, bool per_sequence, Batch& share) {
  const SequenceLayout& layout = whole.layout;
  if (layout.is_uniform()) {
    share.layout = SequenceLayout::uniform(layout.steps(), range.size());
  } else {
    const std::vector<int>& lengths = layout.lengths();
    share.layout = SequenceLayout::packed(std::vector<int>(lengths.begin() + range.first, lengths.begin() + range.end));
  }
  share.inputs.clear();
  if (!per_sequence) share.targets.clear();
  for (int t = 0; t < layout.steps(); ++t) {
    const int running = std::min(range.end, layout.rows_at(t));  // rows of step t are its running sequences
    for (int b = range.first; b < running; ++b) {
      const auto row = static_cast<std::size_t>(layout.row(t, b));
      share.inputs.push_back(whole.inputs[row]);
      if (!per_sequence) share.targets.push_back(whole.targets[row]);
    }
  }
  if (per_sequence) share.targets.assign(whole.targets.begin() + range.first, whole.targets.begin() + range.end);
}

namespace {

void copy_rows(const std::vector<float>& from, int from_batch, int from_first, std::vector<float>& to, int to_batch,
               int to_first, int slots, int rows, int H) {
  for (int s = 0; s < slots; ++s)
    std::copy_n(from.begin() + (static_cast<std::ptrdiff_t>(s) * from_batch + from_first) * H, static_cast<std::ptrdiff_t>(rows) * H,
                to.begin() + (static_cast<std::ptrdiff_t>(s) * to_batch + to_first) * H);
}

}  // namespace

void copy_state_rows(const RecurrentState& whole, StreamRange range, RecurrentState& share) {
  share.layers = whole.layers, share.batch = range.size(), share.hidden = whole.hidden;
  const std::size_t size = static_cast<std::size_t>(share.layers) * share.batch * share.hidden;
  share.h.resize(size);
  share.c.resize(whole.c.empty() ? 0 : size);
  copy_rows(whole.h, whole.batch, range.first, share.h, share.batch, 0, whole.layers, range.size(), whole.hidden);
  if (!whole.c.empty())
    copy_rows(whole.c, whole.batch, range.first, share.c, share.batch, 0, whole.layers, range.size(), whole.hidden);
}

void put_state_rows(const RecurrentState& share, StreamRange range, RecurrentState& whole) {
  require(share.layers == whole.layers && share.hidden == whole.hidden && share.batch == range.size() &&
              share.c.empty() == whole.c.empty() &&
              share.h.size() == static_cast<std::size_t>(share.layers) * share.batch * share.hidden &&
              (share.c.empty() || share.c.size() == share.h.size()),
          "the streams' state does not fit this model and batch");
  copy_rows(share.h, share.batch, 0, whole.h, whole.batch, range.first, whole.layers, range.size(), whole.hidden);
  if (!whole.c.empty()) copy_rows(share.c, share.batch, 0, whole.c, whole.batch, range.first, whole.layers, range.size(), whole.hidden);
}

}  // namespace charrnn
