#pragma once

#include "nn/cells/cell.hpp"

namespace charrnn {

class RnnCell final : public Cell {
 public:
  void forward(LayerCache& cache, const float* W_hh_t, const float* b_hh) const override;
  void backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const float* W_hh) const override;
};

}  // namespace charrnn
