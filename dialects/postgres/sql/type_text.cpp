#include "dialects/postgres/sql/type_text.hpp"

#include <fmt/format.h>

#include "engine/model/type_name.hpp"

namespace strata::postgres::sql {

namespace {

using nlohmann::json;

// PostgreSQL's interval typmod: a field mask in the high half; INTERVAL_FULL_RANGE is "no fields".
constexpr long long kIntervalFullRange = 0x7FFF;

std::optional<std::string> serial_integer(const std::vector<std::string>& names) {
  if (names.size() != 1) return std::nullopt;
  const std::string& name = names.front();
  if (name == "serial" || name == "serial4") return "integer";
  if (name == "bigserial" || name == "serial8") return "bigint";
  if (name == "smallserial" || name == "serial2") return "smallint";
  return std::nullopt;
}

// The integer modifiers (`numeric(10,2)`); libpg_query writes 0 as an empty object.
std::optional<std::vector<std::int64_t>> modifiers(const json& type_name) {
  std::vector<std::int64_t> out;
  if (!type_name.contains("typmods")) return out;
  for (const auto& mod : type_name["typmods"]) {
    if (!mod.contains("A_Const") || !mod["A_Const"].contains("ival")) return std::nullopt;
    out.push_back(mod["A_Const"]["ival"].value("ival", 0LL));
  }
  return out;
}

}  // namespace

std::vector<std::string> name_list(const json& names) {
  std::vector<std::string> out;
  if (!names.is_array()) return out;
  for (const auto& item : names) {
    if (item.contains("String")) out.push_back(item["String"].value("sval", ""));
  }
  return out;
}

std::optional<ColumnType> column_type(const json& type_name, const std::string& default_schema, std::string& why) {
  if (type_name.value("pct_type", false)) {
    why = "a %TYPE reference (name the type itself)";
    return std::nullopt;
  }
  if (type_name.value("setof", false)) {
    why = "SETOF (a column holds one value)";
    return std::nullopt;
  }
  const std::vector<std::string> names = name_list(type_name["names"]);
  auto mods = modifiers(type_name);
  if (!mods) {
    why = "a type modifier that is not a number";
    return std::nullopt;
  }
  const int dims = type_name.contains("arrayBounds") ? static_cast<int>(type_name["arrayBounds"].size()) : 0;
  if (auto integer = serial_integer(names)) return ColumnType{*integer == "integer" ? "int4" : *integer, true};

  TypeName type;
  type.array_dims = dims;
  const bool catalog = names.size() == 2 && names[0] == "pg_catalog";
  const std::string& last = names.empty() ? std::string() : names.back();
  const auto builtin = names.size() == 1 || catalog ? builtin_type(last, IntWidth::Four) : std::nullopt;
  if (builtin) {
    type.builtin = true;
    // PostgreSQL's INTEGER is 4 bytes; the model's bare "integer" would be read as an undecided INT.
    type.name = *builtin == "integer" ? "int4" : *builtin;
    if (type.name == "interval" && !mods->empty()) {
      if ((*mods)[0] != kIntervalFullRange) {
        why = "an interval restricted to fields (YEAR TO MONTH and the like), which strata does not model";
        return std::nullopt;
      }
      mods->erase(mods->begin());
    }
    type.modifiers = *mods;
    return ColumnType{to_string(type), false};
  }
  if (names.empty() || names.size() > 2) {
    why = fmt::format("a type name of {} parts", names.size());
    return std::nullopt;
  }
  type.schema = names.size() == 2 ? names[0] : default_schema;
  type.name = last;
  type.modifiers = *mods;
  return ColumnType{to_string(type), false};
}

}  // namespace strata::postgres::sql
