// A column's type as libpg_query's TypeName node holds it, in the spelling the model uses
// (engine/model/type_name.hpp): `pg_catalog.int8` -> bigint, `numeric(10,2)`, `"Mood"[]`; the
// 4-byte integer is spelled int4, since a bare INT in a declared schema is left to the dialect.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace strata::postgres::sql {

struct ColumnType {
  std::string text;     // the model's spelling; for a serial type, the integer it stands for
  bool serial = false;  // serial / bigserial / smallserial: PostgreSQL adds a sequence and a default
};

// Reads a TypeName. An unqualified type that is not built in is taken to live in `default_schema`
// (the search_path the file set). Returns nullopt with `why` set for what the model cannot hold
// (%TYPE, SETOF, INTERVAL with fields, a modifier that is not a number).
std::optional<ColumnType> column_type(const nlohmann::json& type_name, const std::string& default_schema,
                                      std::string& why);

// A name list (`["sales", "region"]`) as the strings it holds.
std::vector<std::string> name_list(const nlohmann::json& names);

}  // namespace strata::postgres::sql
