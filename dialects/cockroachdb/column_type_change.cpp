#include "dialects/cockroachdb/column_type_change.hpp"

#include "engine/model/type_name.hpp"
#include "engine/plan/type_change.hpp"

namespace strata::cockroachdb {

namespace {

bool is_integer(const std::string& name) {
  return name == "smallint" || name == "integer" || name == "bigint";
}

// Families between whose members CockroachDB (like PostgreSQL) has assignment casts.
std::string family(const TypeName& type) {
  const std::string& n = type.name;
  if (!type.builtin) return "user:" + type.schema + "." + n;
  if (is_integer(n) || n == "numeric" || n == "real" || n == "double precision") return "number";
  if (n == "text" || n == "varchar" || n == "char" || n == "bpchar") return "string";
  if (n == "date" || n == "timestamp" || n == "timestamptz") return "datetime";
  if (n == "time" || n == "timetz") return "time";
  if (n == "bit" || n == "varbit") return "bits";
  return n;
}

}  // namespace

bool converts_in_place(const std::string& from, const std::string& to) {
  const std::string a = canonical_model_type(from, IntWidth::Eight);
  const std::string b = canonical_model_type(to, IntWidth::Eight);
  const TypeChange change = classify_type_change(a, b);
  return change.lossless && (change.in_place || (is_integer(a) && is_integer(b)));
}

bool needs_using(const std::string& from, const std::string& to) {
  const auto a = parse_type_name(from, IntWidth::Eight, nullptr);
  const auto b = parse_type_name(to, IntWidth::Eight, nullptr);
  if (!a || !b) return true;
  return a->array_dims != b->array_dims || family(*a) != family(*b);
}

}  // namespace strata::cockroachdb
