// What the core refused with, caught as a value, so a test can check a refusal's code and values
// (util/error.hpp) beside its English sentence.
#pragma once
#include <catch2/catch.hpp>
#include <string>

#include "util/error.hpp"

namespace charrnn::testing {

struct Refusal {
  std::string code;
  Error::Params params;
  std::string message;
};

// Runs `f`; the Error it throws, or a test failure when it throws nothing.
template <typename F>
Refusal refusal_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.code(), e.params(), e.what()};
  }
  FAIL("nothing was refused");
  return {};
}

}  // namespace charrnn::testing
