// Canonical form of a PostgreSQL schema, for comparison: the same schema declared in YAML and
// read back from the catalog must come out equal.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "dialects/postgres/postgres_dialect.hpp"
#include "dialects/postgres/routines.hpp"
#include "dialects/postgres/views.hpp"
#include "engine/expr/expression.hpp"
#include "engine/model/row_ttl.hpp"
#include "engine/model/type_name.hpp"
#include "engine/sql/sql_text.hpp"

namespace strata::postgres {

namespace {

// True when the column types of its table may change the canonical form of an expression.
bool may_depend_on_column_types(const std::string& canonical) {
  if (canonical.find("::") != std::string::npos) return true;
  for (std::size_t i = canonical.find('\''); i != std::string::npos; i = canonical.find('\'', i + 1)) {
    if (i + 1 < canonical.size() && std::isdigit(static_cast<unsigned char>(canonical[i + 1]))) return true;
  }
  return false;
}

// Schemas repeat the same few defaults and types thousands of times (now(), 0, bigint…):
// each distinct text is canonicalised once per normalize() call.
class Canonical {
 public:
  Canonical(IntWidth int_width, const SqlGrammar& grammar) : int_width_(int_width), grammar_(grammar) {}
  void expression(std::string& text) {
    text = lookup(expressions_, text, [this](const std::string& t) { return canonical_expression(t, grammar_); });
  }
  void expression(std::optional<std::string>& text) {
    if (text) expression(*text);
  }
  void type(std::string& text) {
    text = lookup(types_, text, [this](const std::string& t) { return canonical_model_type(t, int_width_); });
  }

  // From here on, expressions belong to `table`, whose column types are canonical already.
  void enter(const Table& table) {
    table_ = &table;
    columns_.clear();
    signature_.clear();
  }
  // An expression of the table entered last. The column types matter only where a cast or a
  // string literal starting with a digit is left once canonical (a column cast to the other
  // operand's type, a date compared with a date column); then the cache key holds them.
  void table_expression(std::string& text) {
    expression(text);
    if (!may_depend_on_column_types(text)) return;
    if (signature_.empty()) {
      for (const auto& column : table_->columns) {
        columns_.emplace(column.name, column.type);
        signature_ += '\x1f' + column.name + '\x1f' + column.type;
      }
    }
    const std::string key = text + signature_;
    auto it = table_expressions_.find(key);
    if (it == table_expressions_.end()) {
      it = table_expressions_.emplace(key, canonical_expression(text, columns_, grammar_)).first;
    }
    text = it->second;
  }
  void table_expression(std::optional<std::string>& text) {
    if (text) table_expression(*text);
  }

 private:
  template <typename Fn>
  static const std::string& lookup(std::unordered_map<std::string, std::string>& cache, const std::string& text,
                                   Fn&& fn) {
    auto it = cache.find(text);
    if (it == cache.end()) it = cache.emplace(text, fn(text)).first;
    return it->second;
  }

  IntWidth int_width_;
  SqlGrammar grammar_;
  std::unordered_map<std::string, std::string> expressions_;
  std::unordered_map<std::string, std::string> types_;
  std::unordered_map<std::string, std::string> table_expressions_;
  const Table* table_ = nullptr;
  ColumnTypes columns_;  // of table_, filled on first need
  std::string signature_;
};

// `email` or `"Email"` as an index "expression" is just that column.
std::optional<std::string> as_column_name(const std::string& expression) {
  if (expression.empty()) return std::nullopt;
  if (expression.size() >= 2 && expression.front() == '"' && expression.back() == '"') {
    std::string name;
    for (std::size_t i = 1; i + 1 < expression.size(); ++i) {
      if (expression[i] == '"') {
        if (expression[i + 1] != '"') return std::nullopt;
        ++i;
      }
      name += expression[i];
    }
    return name;
  }
  const bool plain = std::all_of(expression.begin(), expression.end(),
                                 [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '_'; });
  if (!plain || std::isdigit(static_cast<unsigned char>(expression.front()))) return std::nullopt;
  return expression;
}

void normalize_index(Index& index, Canonical& canonical) {
  std::transform(index.method.begin(), index.method.end(), index.method.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (auto& key : index.keys) {
    if (!key.expression.empty()) {
      canonical.table_expression(key.expression);
      if (auto column = as_column_name(key.expression)) {
        key.column = *column;
        key.expression.clear();
      }
    }
  }
  canonical.table_expression(index.where);
}

}  // namespace

void normalize_common(Schema& schema, IntWidth int_width, const SqlGrammar& grammar) {
  Canonical canonical(int_width, grammar);
  for (auto& sequence : schema.sequences) canonical.type(sequence.type);
  for (auto& table : schema.tables) {
    table.renamed_from.reset();  // a hint for diff, not part of the schema
    for (auto& column : table.columns) {
      column.renamed_from.reset();
      canonical.type(column.type);
      canonical.expression(column.default_expr);
      canonical.expression(column.on_update);
    }
    canonical.enter(table);
    for (auto& column : table.columns) {
      if (column.generated) canonical.table_expression(column.generated->expression);
    }
    for (auto& index : table.indexes) normalize_index(index, canonical);
    for (auto& check : table.checks) canonical.table_expression(check.expression);
    for (auto& unique : table.uniques) canonical.table_expression(unique.where);
    // CockroachDB's row-level TTL expression (the only TTL setting that is an expression).
    if (auto it = table.ttl.find(std::string(kTtlExpirationExpression)); it != table.ttl.end()) {
      canonical.table_expression(it->second);
    }
  }
  // A materialized view's index expressions: read without column types (a view declares none).
  const Table no_columns;
  canonical.enter(no_columns);
  for (auto& view : schema.views) {
    for (auto& index : view.indexes) normalize_index(index, canonical);
  }
  schema.sort();
}

// A view compares by its query in comparable_sql's form (of the server's print, or of a declared
// text the server prints the same: see compare_views); a declared one learns what it reads here.
void PostgresDialect::normalize(Schema& schema) const {
  normalize_common(schema, IntWidth::Four, grammar());
  for (auto& view : schema.views) {
    if (view.reads.empty()) view.reads = view_reads(view.query);
    view.compared = comparable_sql(view.query);
  }
  // A definition that does not parse compares as written (check() refuses a declared one).
  for (auto& routine : schema.routines) {
    if (read_definition(routine)) routine.compared = routine.identity = routine.definition;
  }
  for (auto& trigger : schema.triggers) {
    if (read_definition(trigger)) trigger.compared = trigger.definition;
  }
  schema.sort();
}

}  // namespace strata::postgres
