// The name of strata's history table: strata_schema_history unless a project names another
// (strata.yaml `history_table:`, `--history-table`, RunSettings::history_table).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "strata/schema.hpp"

namespace strata {

struct HistoryTableName {
  std::string schema;  // empty: unqualified (the first schema of the search path, public by default)
  std::string name;

  std::string sql() const;      // as SQL, quoted where needed
  std::string display() const;  // for messages: schema.name or name
  // Whether a live table is this one (unqualified: a table of this name in any schema).
  bool names(const QualifiedName& table) const;
};

// What is wrong with `text` as a history table name, or nullopt when it is one: a table name,
// optionally qualified by its schema (ops.schema_history), each part a lower-case letter or _
// followed by lower-case letters, digits, _ or $, at most 63 bytes.
std::optional<std::string> history_table_problem(std::string_view text);

// Throws UsageError saying what is wrong.
HistoryTableName parse_history_table(std::string_view text);

}  // namespace strata
