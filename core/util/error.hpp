// The one exception type the core throws for anything a user did or supplied (bad text, bad settings,
// bad file). Its message names the problem in words a user can act on; callers at the edges (CLI, wasm
// glue) turn it into a message, never a crash.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace charrnn {

class Error : public std::runtime_error {
 public:
  // The values a coded message names, by placeholder: {"line", "12"}, {"label", "poem"}.
  using Params = std::vector<std::pair<std::string, std::string>>;

  using std::runtime_error::runtime_error;

  // A problem a learner meets from the page carries a stable code besides its English message, so the
  // page can say it in the learner's language (its catalogue's key `engine.<code>`, with these params).
  // The English message stays what the CLI prints and what a page without that key shows.
  Error(std::string code, Params params, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)), params_(std::move(params)) {}

  const std::string& code() const { return code_; }
  const Params& params() const { return params_; }

 private:
  std::string code_;
  Params params_;
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
// The same for a coded problem (see Error's coded constructor); the params are built on every call, so
// it is for checks of settings and files, not for per-character loops.
inline void require(bool condition, const char* code, Error::Params params, const std::string& message) {
  if (!condition) throw Error(code, std::move(params), message);
}

}  // namespace charrnn
