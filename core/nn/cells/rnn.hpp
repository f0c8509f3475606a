#pragma once

#include "nn/cells/cell.hpp"

namespace charrnn {

class RnnCell final : public Cell {
 public:
  explicit RnnCell(Nonlinearity f = Nonlinearity::tanh) : f_(f) {}
  void forward(LayerCache& cache, const PackedMatrix& W_hh_t, const float* b_hh) const override;
  void backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const PackedMatrix& W_hh) const override;

 private:
  Nonlinearity f_;
};

}  // namespace charrnn
