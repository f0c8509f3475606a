// Reading inputs and writing outputs so that a failure never leaves a partial file behind.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace charrnn::cli {

std::string read_file(const std::string& path);  // throws Error("cannot read 'path': reason")

// Writes to a temporary file beside `path`, then renames it over `path`: readers see the old file or
// the whole new one. Throws Error naming the path and the reason.
void write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes);

// Throws Error now, before hours of training, if `path` could not be written later.
void check_writable(const std::string& path);

}  // namespace charrnn::cli
