// The one exception type the core throws for anything a user did or supplied (bad text, bad settings,
// bad file). Its message names the problem in words a user can act on; callers at the edges (CLI, wasm
// glue) turn it into a message, never a crash.
#pragma once

#include <stdexcept>
#include <string>

namespace charrnn {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws Error(message) unless `condition` holds. For validating user input, not for internal invariants.
// A literal message stays a pointer until it is needed (checks inside per-character loops cost nothing);
// a message built with + is built on every call, so loops over a text throw directly instead.
inline void require(bool condition, const char* message) {
  if (!condition) throw Error(message);
}
inline void require(bool condition, const std::string& message) {
  if (!condition) throw Error(message);
}

}  // namespace charrnn
