// The model file's refusals (util/error.hpp: a code file.* and the values its sentence names, so the page
// can say it in the learner's language; the English message is what the CLI prints).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "util/error.hpp"

namespace charrnn::file_refusal {

// Throws Error(code, params, "model file: " + what).
[[noreturn]] void bad(const char* code, Error::Params params, const std::string& what);

// A refusal of a part of the core that reads a metadata value (a cell name, the vocabulary), rethrown as
// the file's: its own code when it has one (settings.unknownChoice …), else file.metadataInvalid{key}.
[[noreturn]] void bad_value(const std::string& key, const std::string& prefix, const Error& e);

// Metadata numbers: an integer in [lo, hi], a finite float (its absence refused too), a whole number.
long long parse_integer(const std::map<std::string, std::string>& meta, const std::string& key, long long lo, long long hi);
float parse_float(const std::map<std::string, std::string>& meta, const std::string& key);
std::uint64_t parse_u64(const std::string& s, const std::string& key);

}  // namespace charrnn::file_refusal
