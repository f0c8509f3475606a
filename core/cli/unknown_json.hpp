// The characters of a text outside a model's vocabulary, as the CLI reports them (README "Command
// line"): {"count": occurrences, "distinct": how many different ones, "first": the first kUnknownListed
// of them in code point order, each {"character", "code_point" ("U+CEE5"), "count"}}.
#pragma once

#include <nlohmann/json.hpp>

#include "text/vocab.hpp"

namespace charrnn::cli {

inline constexpr int kUnknownListed = 10;

nlohmann::json unknown_json(const UnknownCharacters& unknown);

}  // namespace charrnn::cli
