// The model file's refusals, each with its code (file.*) and values, and the readers of metadata numbers
// that refuse that way; split from model_file.cpp, which reads the file's parts in order.
#include "io/file_refusal.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace charrnn::file_refusal {

void bad(const char* code, Error::Params params, const std::string& what) {
  throw Error(code, std::move(params), "model file: " + what);
}

void bad_value(const std::string& key, const std::string& prefix, const Error& e) {
  if (!e.code().empty()) throw Error(e.code(), e.params(), "model file: " + prefix + e.what());
  bad("file.metadataInvalid", {{"key", key}}, prefix + e.what());
}

long long parse_integer(const std::map<std::string, std::string>& meta, const std::string& key, long long lo, long long hi) {
  const std::string& s = meta.at(key);
  long long v = 0;
  bool ok = !s.empty() && s.size() <= 18;
  for (char ch : s) ok = ok && ch >= '0' && ch <= '9';
  if (ok) v = std::stoll(s);
  if (!ok || v < lo || v > hi)
    bad("file.metadataNotInteger", {{"key", key}, {"value", s}, {"min", std::to_string(lo)}, {"max", std::to_string(hi)}},
        "metadata " + key + " = '" + s + "' is not an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
  return v;
}

float parse_float(const std::map<std::string, std::string>& meta, const std::string& key) {
  auto it = meta.find(key);
  if (it == meta.end()) bad("file.metadataMissing", {{"key", key}}, "metadata has optimizer state but no " + key);
  char* end = nullptr;
  const float v = std::strtof(it->second.c_str(), &end);
  if (it->second.empty() || *end != '\0' || !std::isfinite(v))
    bad("file.metadataNotNumber", {{"key", key}, {"value", it->second}},
        "metadata " + key + " = '" + it->second + "' is not a number");
  return v;
}

std::uint64_t parse_u64(const std::string& s, const std::string& key) {
  bool ok = !s.empty() && s.size() <= 20;
  for (char ch : s) ok = ok && ch >= '0' && ch <= '9';
  errno = 0;
  const unsigned long long v = ok ? std::strtoull(s.c_str(), nullptr, 10) : 0;
  if (!ok || errno != 0)
    bad("file.metadataNotNumber", {{"key", key}, {"value", s}}, "metadata " + key + " = '" + s + "' is not a whole number");
  return v;
}

}  // namespace charrnn::file_refusal
