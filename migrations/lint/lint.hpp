// Linting migration files: every statement of each file through the rules, then the rules that
// look across statements (explicit transactions on CockroachDB, foreign keys without an index),
// then the strata:ignore directives. One CheckCase per file.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "strata/dialect.hpp"
#include "strata/finding.hpp"

namespace strata::migrations::lint {

struct SourceFile {
  std::string display;  // the path shown in findings
  std::string text;
};

// Lints `all[i]` for every i in `targets` (ascending). `all` holds every up file of the directory
// in version order: the indexes any of them creates count for the foreign-key rule. Throws
// LoadError when a target cannot be split into statements.
// `behaviours`: what the servers the files are for do (LintBehaviour); a rule about a behaviour
// none of them has is skipped.
std::vector<CheckCase> lint_files(const std::vector<SourceFile>& all, const std::vector<std::size_t>& targets,
                                  const std::set<LintBehaviour>& behaviours);

}  // namespace strata::migrations::lint
