// Answering a parsed SELECT: its sources (relations of the catalogue with the state's rows, or a
// [SHOW …]), name checks, and expressions evaluated over text values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/crdb_standin/answer.hpp"
#include "support/crdb_standin/sql_select.hpp"

namespace strata::standin {

using Params = std::vector<Text>;

// One value of a source row; `present` is false where the state records no value for a column the
// release has (reading it is then "no recorded answer").
struct Cell {
  bool present = true;
  Text value;
};
using Cells = std::vector<Cell>;

struct SourceData {
  std::string qualifier;  // the alias, or the relation's own name
  std::string label;      // "crdb_internal.jobs", "[SHOW DATABASES]"
  std::vector<Column> columns;
  std::optional<std::vector<Cells>> rows;  // nullopt: none recorded
  std::string no_rows_reason;
  ExprPtr on;
};

struct Value {
  Text text;
  std::string type;
};

// The current row: one Cells per source.
using RowView = std::vector<const Cells*>;

// Whether the session may not read unsafe internals (the release has the gate and it is off).
bool gate_closed(const Context& context, const Session& session);
// Throws the release's refusal.
[[noreturn]] void refuse_unsafe(const Context& context);

class Evaluator {
 public:
  Evaluator(const Context& context, const Session& session, const Params& params,
            const std::vector<SourceData>& sources);

  // Checks every name and function of `expr` before any row is read: 42703/42702 for columns,
  // 42501 for gated functions; NoAnswer for a function nothing records.
  void check(const Expr& expr) const;
  std::string type_of(const Expr& expr) const;
  Value eval(const Expr& expr, const RowView& row) const;
  // True, false or NULL (nullopt).
  std::optional<bool> truth(const Expr& expr, const RowView& row) const;

  // The source and column `expr` (a Column) names.
  std::pair<size_t, size_t> resolve(const Expr& column) const;

 private:
  Value call(const Expr& expr, const RowView& row) const;
  Value compare(const Expr& expr, const RowView& row) const;
  Value arithmetic(const Expr& expr, const RowView& row) const;
  Value membership(const Expr& expr, const RowView& row) const;

  const Context& context_;
  const Session& session_;
  const Params& params_;
  const std::vector<SourceData>& sources_;
};

// Orders two values: numbers as numbers, timestamps as instants, the rest byte-wise; NULL first.
int compare_text(const Text& a, const Text& b);
// SQL LIKE with % and _ (and \ escaping).
bool like(std::string_view text, std::string_view pattern);

}  // namespace strata::standin
