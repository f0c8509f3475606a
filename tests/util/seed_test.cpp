#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "util/error.hpp"
#include "util/seed.hpp"

using namespace charrnn;

TEST_CASE("a seed from JavaScript is a whole number from 0 to 2^53 - 1", "[util][seed]") {
  REQUIRE(seed_from_number(0) == 0);
  REQUIRE(seed_from_number(7) == 7);
  REQUIRE(seed_from_number(9007199254740991.0) == 9007199254740991ull);
  const char* message = "the seed must be a whole number from 0 to 2^53 - 1";
  for (double bad : {-1.0, 1.5, 9007199254740992.0, std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::infinity()})
    REQUIRE_THROWS_WITH(seed_from_number(bad), message);
}
