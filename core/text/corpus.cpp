#include "text/corpus.hpp"

#include <cmath>
#include <cstdio>

#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {

Corpus Corpus::from_utf8(std::string_view utf8, float val_frac, const Vocab* vocab_source, Unknowns unknowns) {
  require(std::isfinite(val_frac) && val_frac >= 0.f && val_frac <= 0.5f, "settings.between", {{"setting", "valFrac"}, {"min", "0"}, {"max", "0.5"}},
          "the validation fraction must be between 0 and 0.5");
  Corpus c;
  std::vector<std::int32_t> ids;
  {  // the decoded text is 4 bytes a character: let it go as soon as it is encoded
    const std::u32string text = decode_utf8(utf8);
    require(!text.empty(), "text.empty", {}, "the text is empty");
    c.vocab = vocab_source ? *vocab_source : Vocab::of_text(text);
    ids = c.vocab.encode(text, unknowns, &c.unknown);
    c.fingerprint = text_fingerprint(text);
  }
  c.characters = static_cast<long long>(ids.size());
  std::size_t val = static_cast<std::size_t>(std::floor(static_cast<double>(ids.size()) * val_frac));
  if (val < 2) val = 0;
  c.validation.assign(ids.end() - static_cast<std::ptrdiff_t>(val), ids.end());
  ids.resize(ids.size() - val);
  ids.shrink_to_fit();
  c.train = std::move(ids);
  return c;
}

std::string text_fingerprint(std::u32string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (char32_t cp : text) hash = (hash ^ cp) * 0x100000001b3ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace charrnn
