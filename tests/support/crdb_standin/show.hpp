// SHOW statements: the catalogue's SHOW forms with their recorded rows (or the state's), and the
// SELECT path that answers from them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/crdb_standin/eval.hpp"

namespace strata::standin {

struct ShowTable {
  std::string form;
  std::vector<Column> columns;
  std::vector<Row> rows;
};

// The rows of `tokens` (a SHOW statement) when a SHOW form of the catalogue starts it; nullopt
// when none does. Throws SqlFailure (42601 for a form the release lacks) or NoAnswer.
std::optional<ShowTable> run_show(const Context& context, const Session& session, const std::vector<Token>& tokens);

// Answers a parsed SELECT (eval.hpp's sources, select_run.cpp).
Answer run_select(const Context& context, const Session& session, const Select& select, const Params& params);

}  // namespace strata::standin
