// Test support shared by the data-driven tests (the acceptance cases in tests/cases/ on both
// dialects): reading a file whole, golden files that STRATA_UPDATE_GOLDEN=1 rewrites for review in
// the diff, a case's schemas and hazard list, and integer knobs from the environment (rounds, seeds).
#pragma once

#include <filesystem>
#include <string>

#include "strata/plan.hpp"
#include "strata/schema.hpp"

namespace strata::testing {

// The whole file, or "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// STRATA_UPDATE_GOLDEN is set: expected files are rewritten instead of compared.
bool updating_golden();

// Compares `actual` with the file at `path` (a GoogleTest failure when they differ or the file is
// missing), or writes it when updating_golden().
void expect_golden(const std::filesystem::path& path, const std::string& actual);

// tests/cases/<case>/<file> loaded as a schema, positions naming "<case>/<file>".
Schema load_case(const std::filesystem::path& case_dir, const std::string& file);

// The hazard kinds of a plan, one per line ("none" when there are none): hazards*.txt.
std::string hazard_lines(const Plan& plan);

// The integer in environment variable `name`, or `fallback` when it is unset.
int env_int(const char* name, int fallback);

}  // namespace strata::testing
