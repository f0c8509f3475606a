// libFuzzer target: any bytes handed to the model-file loader either load or raise charrnn::Error.
// AddressSanitizer and UndefinedBehaviorSanitizer turn any out-of-bounds read, overflow or leak into a
// crash, which fails the fuzz pass of `npm test`.
#include <cstddef>
#include <cstdint>

#include "io/model_file.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const charrnn::ModelFile file = charrnn::load_model_file(data, size);
    // A file that loads must describe a usable model: its vocabulary matches its decoder.
    if (file.vocab.size() != file.model->shape().vocab_size) __builtin_trap();
  } catch (const charrnn::Error&) {
  }
  return 0;
}
