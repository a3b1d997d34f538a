// libFuzzer target: the CockroachDB DDL parser (strata's CockroachDB introspection path) must never
// crash, hang or throw anything but strata::Error on any input, and normalize_cockroach() must be
// idempotent on whatever it read.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "dialects/cockroachdb/ddl/parser.hpp"
#include "dialects/cockroachdb/normalize.hpp"
#include "engine/expr/expression.hpp"
#include "strata/errors.hpp"

namespace {

bool canonical(const std::string& expression) {
  return strata::canonical_expression(expression) == expression;
}

// canonical_expression is idempotent only below its nesting limit (an expression near the limit
// can print deeper than it parses); idempotency of the CockroachDB rules is checked when every
// expression is a fixed point.
bool expressions_are_fixed_points(const strata::Schema& schema) {
  for (const auto& table : schema.tables) {
    for (const auto& column : table.columns) {
      if (column.default_expr && !canonical(*column.default_expr)) return false;
      if (column.generated && !canonical(column.generated->expression)) return false;
    }
    for (const auto& check : table.checks) {
      if (!canonical(check.expression)) return false;
    }
    for (const auto& index : table.indexes) {
      if (index.where && !canonical(*index.where)) return false;
      for (const auto& key : index.keys) {
        if (!key.expression.empty() && !canonical(key.expression)) return false;
      }
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  strata::Schema schema;
  std::vector<strata::cockroachdb::ParseNote> notes;
  strata::cockroachdb::ParseOptions options;
  options.database = "defaultdb";
  options.naming = size % 2 == 0 ? strata::cockroachdb::NamingEra::V22 : strata::cockroachdb::NamingEra::V21;
  options.notes = &notes;
  try {
    strata::cockroachdb::apply_ddl(text, schema, options);
  } catch (const strata::Error&) {
    // A clean error; the statements before it stay applied and must still normalise.
  }
  strata::cockroachdb::normalize_cockroach(schema);
  if (expressions_are_fixed_points(schema)) {
    strata::Schema again = schema;
    strata::cockroachdb::normalize_cockroach(again);
    if (!(again == schema)) __builtin_trap();
  }
  return 0;
}
