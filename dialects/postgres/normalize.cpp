// Canonical form of a PostgreSQL schema, for comparison: the same schema declared in YAML and
// read back from the catalog must come out equal.
#include <algorithm>
#include <cctype>

#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/expression.hpp"
#include "engine/type_name.hpp"

namespace strata::postgres {

namespace {

void canonicalize(std::optional<std::string>& expression) {
  if (expression) expression = canonical_expression(*expression);
}

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

void normalize_index(Index& index) {
  std::transform(index.method.begin(), index.method.end(), index.method.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (auto& key : index.keys) {
    if (!key.expression.empty()) {
      key.expression = canonical_expression(key.expression);
      if (auto column = as_column_name(key.expression)) {
        key.column = *column;
        key.expression.clear();
      }
    }
  }
  canonicalize(index.where);
}

}  // namespace

void normalize_common(Schema& schema, IntWidth int_width) {
  for (auto& sequence : schema.sequences) sequence.type = canonical_model_type(sequence.type, int_width);
  for (auto& table : schema.tables) {
    table.renamed_from.reset();  // a hint for diff, not part of the schema
    for (auto& column : table.columns) {
      column.renamed_from.reset();
      column.type = canonical_model_type(column.type, int_width);
      canonicalize(column.default_expr);
      if (column.generated) column.generated->expression = canonical_expression(column.generated->expression);
    }
    for (auto& index : table.indexes) normalize_index(index);
    for (auto& check : table.checks) check.expression = canonical_expression(check.expression);
  }
  schema.sort();
}

void PostgresDialect::normalize(Schema& schema) const {
  normalize_common(schema, IntWidth::Four);
}

}  // namespace strata::postgres
