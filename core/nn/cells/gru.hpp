#pragma once

#include "nn/cells/cell.hpp"

namespace charrnn {

class GruCell final : public Cell {
 public:
  void forward(LayerCache& cache, const PackedMatrix& W_hh_t, const float* b_hh) const override;
  void backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const PackedMatrix& W_hh) const override;
};

}  // namespace charrnn
