// The safetensors container (https://github.com/huggingface/safetensors), strictly:
//   8 bytes  N, little-endian u64: the header's length
//   N bytes  JSON object: {"__metadata__": {string: string}, name: {"dtype", "shape", "data_offsets": [begin, end]}}
//   rest     one little-endian byte buffer; offsets are relative to its start; every byte belongs to
//            exactly one tensor (no holes, no overlaps).
// The reader checks all of that before it touches the buffer and bounds every size before allocating,
// so a truncated or hostile file gets an Error naming the problem, never an out-of-bounds read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace charrnn {

struct SafetensorsEntry {
  std::string name;
  std::string dtype;            // "F32", "F16", "I64", ...
  std::vector<std::int64_t> shape;
  std::size_t begin = 0, end = 0;  // byte range in the buffer
};

struct SafetensorsView {
  std::map<std::string, std::string> metadata;
  std::vector<SafetensorsEntry> tensors;  // in buffer order
  const std::uint8_t* buffer = nullptr;   // points into the bytes given to parse_safetensors
  std::size_t buffer_size = 0;

  const SafetensorsEntry* find(const std::string& name) const;
};

inline constexpr std::size_t kMaxSafetensorsHeader = 100u << 20;  // as the reference implementation

// Throws Error("model file: ...") for any malformed input. The view borrows `data`.
SafetensorsView parse_safetensors(const std::uint8_t* data, std::size_t size);

// A tensor to write: F32, `values` must hold the product of `shape` floats.
struct F32Tensor {
  std::string name;
  std::vector<std::int64_t> shape;
  const float* values = nullptr;
};

std::vector<std::uint8_t> write_safetensors(const std::vector<F32Tensor>& tensors,
                                            const std::map<std::string, std::string>& metadata);

}  // namespace charrnn
