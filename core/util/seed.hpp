// A seed as JavaScript hands it over: a double. Only the whole numbers a double holds exactly are
// seeds, so the same number names the same run in the page, a link and the CLI.
#pragma once

#include <cmath>
#include <cstdint>

#include "util/error.hpp"

namespace charrnn {

inline constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 - 1

inline std::uint64_t seed_from_number(double value) {
  require(value >= 0 && value <= kMaxSeed && value == std::floor(value), "settings.wholeNumber",
          {{"setting", "seed"}, {"min", "0"}, {"max", "9007199254740991"}}, "the seed must be a whole number from 0 to 2^53 - 1");
  return static_cast<std::uint64_t>(value);
}

}  // namespace charrnn
