// Command-line options of the form --name value (or --flag), checked against what a command accepts.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace charrnn::cli {

class Args {
 public:
  // Throws Error for an unknown option, a missing value or a stray argument.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& valued, const std::set<std::string>& flags = {});

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string text(const std::string& name, const std::string& fallback) const;
  std::string required(const std::string& name) const;
  long long integer(const std::string& name, long long fallback, long long lo, long long hi) const;
  double number(const std::string& name, double fallback, double lo, double hi) const;
  std::uint64_t seed(const std::string& name, std::uint64_t fallback) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace charrnn::cli
