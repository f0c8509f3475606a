// libFuzzer target: the UTF-8 decoder accepts exactly the valid inputs, and what it accepts encodes back
// to the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "text/utf8.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const std::u32string decoded = charrnn::decode_utf8(bytes);
    if (charrnn::encode_utf8(decoded) != bytes) __builtin_trap();
  } catch (const charrnn::Error&) {
  }
  return 0;
}
