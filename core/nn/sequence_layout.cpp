#include "nn/sequence_layout.hpp"

#include "util/error.hpp"

namespace charrnn {

SequenceLayout SequenceLayout::uniform(int steps, int batch) {
  return packed(std::vector<int>(static_cast<std::size_t>(batch), steps));
}

SequenceLayout SequenceLayout::packed(const std::vector<int>& lengths) {
  require(!lengths.empty(), "a batch needs at least one sequence");
  SequenceLayout s;
  s.lengths_ = lengths;
  const int B = static_cast<int>(lengths.size()), T = lengths[0];
  require(T >= 1, "every sequence needs at least one character");
  for (int b = 1; b < B; ++b)
    require(lengths[b] >= 1 && lengths[b] <= lengths[b - 1], "sequences must be sorted by decreasing length");
  s.uniform_ = lengths.back() == T;
  s.rows_at_.assign(static_cast<std::size_t>(T), 0);
  for (int b = 0; b < B; ++b)
    for (int t = 0; t < lengths[b]; ++t) ++s.rows_at_[static_cast<std::size_t>(t)];
  s.first_row_.assign(static_cast<std::size_t>(T) + 1, 0);
  for (int t = 0; t < T; ++t) s.first_row_[t + 1] = s.first_row_[t] + s.rows_at_[t];
  s.reversed_.resize(static_cast<std::size_t>(s.rows()));
  for (int t = 0; t < T; ++t)
    for (int b = 0; b < s.rows_at_[t]; ++b) s.reversed_[s.first_row_[t] + b] = s.first_row_[lengths[b] - 1 - t] + b;
  return s;
}

}  // namespace charrnn
