#include "tools/strata/confirm.hpp"

#include <unistd.h>

#include <iostream>

namespace strata::cli {

bool on_terminal() {
  return isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1;
}

bool ask_yes(const std::string& question) {
  std::cerr << question << " Type 'yes' to go on: " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "yes" || answer == "y";
}

}  // namespace strata::cli
