// strata.sum: the integrity file of a migrations directory. One line per migration file with its
// checksum, and a first line with the checksum of the whole directory (of the file lines, in
// order), so an edited, added, deleted or renamed file is caught. `strata migrate hash` rewrites
// it on purpose.
//
//   # strata.sum: written by `strata migrate hash`. Do not edit by hand.
//   directory sha256:<hex>
//   0001_create_users.up.sql sha256:<hex>
//   0001_create_users.down.sql sha256:<hex>
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "migrations/directory.hpp"

namespace strata::migrations {

inline constexpr const char* kSumFileName = "strata.sum";

// The text of strata.sum for `directory`.
std::string render_sum(const Directory& directory);

// Writes strata.sum into the directory (atomically: a temporary file renamed over it).
void write_sum(const Directory& directory);

struct SumProblem {
  std::string file_name;  // the migration file, or "strata.sum"
  int line = 0;           // the line of strata.sum concerned (0: none)
  std::string message;    // "was edited after strata.sum was written", "is not in strata.sum", ...
};

// Compares strata.sum with the files. Empty when they agree. A missing strata.sum is one problem;
// a malformed line is one problem naming its line.
std::vector<SumProblem> verify_sum(const Directory& directory);

// Throws LoadError listing every problem verify_sum() found, with a hint to run
// `strata migrate hash` when the edit was on purpose.
void require_sum(const Directory& directory);

}  // namespace strata::migrations
