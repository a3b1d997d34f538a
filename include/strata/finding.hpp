// Findings of `strata check` and their catalogue of stable codes (docs/check.md explains each).
// The lint of migration files produces them, and so do the integrity and drift checks
// (strata/check.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/export.hpp"

namespace strata {

enum class CheckKind { Integrity, Lint, Drift };
STRATA_EXPORT std::string_view check_kind_name(CheckKind kind);  // "integrity", "lint", "drift"

struct Finding {
  std::string code;  // "SL101"
  CheckKind kind = CheckKind::Lint;
  std::string file;       // as the user gave it (e.g. "migrations/0002_x.up.sql"); empty: none
  int line = 0;           // from 1; 0: the whole file or none
  std::string message;    // one line: what is wrong here
  std::string fix;        // one line: what to do about it
  std::string statement;  // the statement concerned, when there is one
};

// One test case of a report: a check run on one subject (a file for lint, the directory for
// integrity, a comparison for drift).
struct CheckCase {
  CheckKind kind = CheckKind::Lint;
  std::string name;  // "0002_add_orders.up.sql", "strata.sum and history", "live database"
  bool skipped = false;
  std::string skipped_reason;  // when skipped
  std::vector<Finding> findings;
};

// The catalogue of codes: code, check, a title (what it catches), the usual fix.
struct CheckCode {
  std::string_view code;
  CheckKind kind;
  std::string_view title;
  std::string_view fix;
};
STRATA_EXPORT const std::vector<CheckCode>& check_codes();
STRATA_EXPORT const CheckCode* find_check_code(std::string_view code);

}  // namespace strata
