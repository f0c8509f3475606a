#pragma once

#include <string>
#include <vector>

namespace charrnn::cli {

// Each returns the process exit code; they throw Error for anything the user can fix.
int train_command(const std::vector<std::string>& args);
int eval_command(const std::vector<std::string>& args);
int sample_command(const std::vector<std::string>& args);

}  // namespace charrnn::cli
