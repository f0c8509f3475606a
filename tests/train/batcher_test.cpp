#include <catch2/catch.hpp>

#include "train/batcher.hpp"
#include "util/error.hpp"

using namespace charrnn;

TEST_CASE("B streams walk contiguous segments in windows of T, wrapping at an epoch", "[train][batcher]") {
  std::vector<std::int32_t> ids(20);
  for (int i = 0; i < 20; ++i) ids[i] = i;
  TruncatedBpttBatcher batcher(ids, 3, 2);  // segments [0, 10) and [10, 20)
  REQUIRE(batcher.segment_length() == 10);
  std::vector<std::int32_t> in, tg;
  REQUIRE(batcher.next(in, tg));  // the first window starts an epoch
  REQUIRE(in == std::vector<std::int32_t>{0, 10, 1, 11, 2, 12});  // (T, B) time-major
  REQUIRE(tg == std::vector<std::int32_t>{1, 11, 2, 12, 3, 13});
  REQUIRE_FALSE(batcher.next(in, tg));
  REQUIRE(in == std::vector<std::int32_t>{3, 13, 4, 14, 5, 15});  // continues where the last window ended
  REQUIRE_FALSE(batcher.next(in, tg));
  REQUIRE(tg == std::vector<std::int32_t>{7, 17, 8, 18, 9, 19});
  REQUIRE(batcher.next(in, tg));  // 9 + 3 + 1 > 10: wrap
  REQUIRE(batcher.epoch() == 1);
  REQUIRE(in[0] == 0);
}

TEST_CASE("a text too short for B × (T + 1) is an error that says what is needed", "[train][batcher]") {
  std::vector<std::int32_t> ids(10, 0);
  REQUIRE_THROWS_WITH(TruncatedBpttBatcher(ids, 4, 3),
                      "the training text has 10 characters, too few for batch 3 × (sequence length 4 + 1) = 15; "
                      "use a longer text, a shorter sequence or a smaller batch");
  REQUIRE_NOTHROW(TruncatedBpttBatcher(ids, 4, 2));
}
