// Asking a person before strata does something that cannot be taken back.
#pragma once

#include <string>

namespace strata::cli {

// Standard input and standard error are both a terminal: there is a person to ask.
bool on_terminal();

// Writes `question` and "Type 'yes' to go on: " to standard error and reads a line from standard
// input; true for "yes" or "y".
bool ask_yes(const std::string& question);

}  // namespace strata::cli
