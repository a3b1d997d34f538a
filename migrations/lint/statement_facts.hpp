// What a migration statement creates that the lint rules need to know about other statements: the
// table it creates, the indexes (primary keys and unique constraints included) and the foreign
// keys it adds. Names are compared as the server would: unquoted ones lower-case.
#pragma once

#include <string>
#include <vector>

#include "migrations/lint/tokens.hpp"

namespace strata::migrations::lint {

struct ColumnsOf {
  std::string table;                 // unqualified
  std::vector<std::string> columns;  // in order; an expression is an empty name
};

struct StatementFacts {
  std::string created_table;  // CREATE TABLE: its unqualified name
  std::string altered_table;  // ALTER TABLE: its unqualified name
  std::vector<ColumnsOf> indexes;
  std::vector<ColumnsOf> foreign_keys;
};

StatementFacts statement_facts(const Tokens& t);

// ALTER TABLE [IF EXISTS] [ONLY] name ACTIONS: the actions, split at top-level commas (empty when
// the statement is not an ALTER TABLE). `table` receives the name.
std::vector<Span> alter_table_actions(const Tokens& t, std::string& table);

// The position after CREATE [OR REPLACE] [TEMP|TEMPORARY|UNLOGGED|GLOBAL|LOCAL]… when the next
// word is `object` (e.g. "table", "index", "unique"), else npos.
std::size_t after_create(const Tokens& t, std::string_view object);

}  // namespace strata::migrations::lint
