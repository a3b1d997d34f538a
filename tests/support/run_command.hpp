// Running a program (the `strata` command) from a test and capturing what it printed.
#pragma once

#include <string>
#include <vector>

namespace strata::testing {

struct CommandResult {
  int exit_code = -1;  // the exit status, or 128 + signal number
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is the program path) with the current environment plus `env`
// ("NAME=value" entries; "NAME=" with nothing after unsets NAME), feeding `input` on stdin.
CommandResult run_command(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                          const std::string& input = "");

// The path of the built `strata` command.
std::string strata_binary();

}  // namespace strata::testing
