// Writing command output: to stdout, or to a file replaced only once the whole text is ready.
#pragma once

#include <string>

namespace strata::cli {

void write_output(const std::string& text, const std::string& path);

}  // namespace strata::cli
