// The lint rules that judge one statement on its own (codes SL101–SL106, SL201–SL206, SL301,
// SL403–SL405). Rules that look across statements (transactions, foreign-key indexes) are in
// lint.cpp.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "migrations/lint/tokens.hpp"
#include "strata/dialect.hpp"
#include "strata/finding.hpp"

namespace strata::migrations::lint {

struct Hit {
  std::string code;
  std::string message;  // one line, naming the table or column
};

struct RuleContext {
  const std::set<LintBehaviour>* behaviours = nullptr;  // of the servers the file is for
  // Tables created earlier in the same file: changes to them touch no rows yet, so
  // locks, rewrites and NOT NULL without a default are harmless there.
  const std::set<std::string>* new_tables = nullptr;
};

std::vector<Hit> statement_hits(const Tokens& t, const RuleContext& context);

// The statement changes the schema (CREATE, ALTER, DROP, COMMENT ON, …) / writes rows.
bool is_ddl(const Tokens& t);
bool is_write(const Tokens& t);

}  // namespace strata::migrations::lint
