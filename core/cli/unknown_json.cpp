#include "cli/unknown_json.hpp"

#include <cstdio>

#include "text/utf8.hpp"

namespace charrnn::cli {

nlohmann::json unknown_json(const UnknownCharacters& unknown) {
  nlohmann::json first = nlohmann::json::array();
  for (const auto& [c, n] : unknown.characters) {
    if (static_cast<int>(first.size()) == kUnknownListed) break;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    first.push_back({{"character", encode_utf8(c)}, {"code_point", code}, {"count", n}});
  }
  return {{"count", unknown.count}, {"distinct", unknown.characters.size()}, {"first", first}};
}

}  // namespace charrnn::cli
