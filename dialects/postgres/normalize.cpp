// Canonical form of a PostgreSQL schema, for comparison: the same schema declared in YAML and
// read back from the catalog must come out equal.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/expression.hpp"
#include "engine/type_name.hpp"

namespace strata::postgres {

namespace {

// Schemas repeat the same few defaults and types thousands of times (now(), 0, bigint…):
// each distinct text is canonicalised once per normalize() call.
class Canonical {
 public:
  explicit Canonical(IntWidth int_width) : int_width_(int_width) {}
  void expression(std::string& text) {
    text = lookup(expressions_, text, [](const std::string& t) { return canonical_expression(t); });
  }
  void expression(std::optional<std::string>& text) {
    if (text) expression(*text);
  }
  void type(std::string& text) {
    text = lookup(types_, text, [this](const std::string& t) { return canonical_model_type(t, int_width_); });
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
  std::unordered_map<std::string, std::string> expressions_;
  std::unordered_map<std::string, std::string> types_;
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
      canonical.expression(key.expression);
      if (auto column = as_column_name(key.expression)) {
        key.column = *column;
        key.expression.clear();
      }
    }
  }
  canonical.expression(index.where);
}

}  // namespace

void normalize_common(Schema& schema, IntWidth int_width) {
  Canonical canonical(int_width);
  for (auto& sequence : schema.sequences) canonical.type(sequence.type);
  for (auto& table : schema.tables) {
    table.renamed_from.reset();  // a hint for diff, not part of the schema
    for (auto& column : table.columns) {
      column.renamed_from.reset();
      canonical.type(column.type);
      canonical.expression(column.default_expr);
      if (column.generated) canonical.expression(column.generated->expression);
    }
    for (auto& index : table.indexes) normalize_index(index, canonical);
    for (auto& check : table.checks) canonical.expression(check.expression);
  }
  schema.sort();
}

void PostgresDialect::normalize(Schema& schema) const {
  normalize_common(schema, IntWidth::Four);
}

}  // namespace strata::postgres
