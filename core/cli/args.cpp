#include "cli/args.hpp"

#include <cerrno>
#include <cstdio>
#include <cmath>
#include <cstdlib>

#include "util/error.hpp"

namespace charrnn::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& valued, const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    require(a.rfind("--", 0) == 0, "unexpected argument '" + a + "' (options start with --)");
    const std::string name = a.substr(2);
    if (flags.count(name)) {
      values_[name] = "1";
      continue;
    }
    require(valued.count(name) > 0, "unknown option '" + a + "'");
    require(i + 1 < argv.size(), "option " + a + " needs a value");
    require(!values_.count(name), "option " + a + " is given twice");
    values_[name] = argv[++i];
  }
}

std::string Args::text(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::string Args::required(const std::string& name) const {
  require(has(name), "missing --" + name);
  return values_.at(name);
}

long long Args::integer(const std::string& name, long long fallback, long long lo, long long hi) const {
  if (!has(name)) return fallback;
  const std::string& s = values_.at(name);
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  require(!s.empty() && *end == '\0' && errno == 0, "--" + name + " expects a whole number, got '" + s + "'");
  require(v >= lo && v <= hi, "--" + name + " is " + s + "; it must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return v;
}

double Args::number(const std::string& name, double fallback, double lo, double hi) const {
  if (!has(name)) return fallback;
  const std::string& s = values_.at(name);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  require(!s.empty() && *end == '\0' && std::isfinite(v), "--" + name + " expects a number, got '" + s + "'");
  char range[96];
  std::snprintf(range, sizeof range, "; it must be between %g and %g", lo, hi);
  require(v >= lo && v <= hi, "--" + name + " is " + s + range);
  return v;
}

std::uint64_t Args::seed(const std::string& name, std::uint64_t fallback) const {
  if (!has(name)) return fallback;
  const std::string& s = values_.at(name);
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  require(!s.empty() && s[0] != '-' && *end == '\0' && errno == 0, "--" + name + " expects a non-negative whole number, got '" + s + "'");
  return v;
}

}  // namespace charrnn::cli
