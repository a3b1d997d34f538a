// Reading a CockroachDB catalog: six bulk queries, whatever the number of tables, then the DDL
// parser on CockroachDB's own canonical CREATE statements.
#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/ddl/parser.hpp"
#include "dialects/cockroachdb/queries.hpp"
#include "engine/db/connection.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

// "{a,b}" (a STRING[] as text; region names hold no commas or braces) as a list.
std::vector<std::string> regions_of(std::string_view text) {
  std::vector<std::string> out;
  if (text.size() < 2) return out;
  std::string current;
  for (char c : text.substr(1, text.size() - 2)) {
    if (c == ',') {
      out.push_back(current);
      current.clear();
    } else if (c != '"') {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

}  // namespace

Schema CockroachDialect::introspect(Connection& connection, const IntrospectOptions& options) const {
  Schema schema;
  schema.database.name = connection.exec(queries::kCurrentDatabase)[0][0].c_str();
  for (const auto& row : connection.exec_with_names(queries::kSchemas, options.schemas)) {
    std::string name = row[0].c_str();
    if (name != "public") schema.schemas.push_back(std::move(name));
  }
  std::vector<std::string> statements;
  for (const auto& row : connection.exec_with_names(queries::kTypes, options.schemas))
    statements.emplace_back(row[0].c_str());
  for (const auto& row : connection.exec_with_names(queries::kCreateStatements, options.schemas)) {
    statements.emplace_back(row[2].c_str());
  }
  for (const auto& row : connection.exec_with_names(queries::kAlterStatements, options.schemas)) {
    statements.emplace_back(row[0].c_str());
  }
  const auto database = connection.exec(queries::kDatabase);
  if (!database.empty()) {
    const auto& row = database[0];
    if (!row[0].is_null()) schema.database.primary_region = row[0].c_str();
    if (!row[1].is_null()) schema.database.regions = regions_of(row[1].c_str());
    if (!row[2].is_null()) {
      const std::string goal = row[2].c_str();
      if (goal == "region") schema.database.survival_goal = SurvivalGoal::Region;
      if (goal == "zone") schema.database.survival_goal = SurvivalGoal::Zone;
    }
  }
  ParseOptions parse;
  parse.database = schema.database.name;
  parse.naming = version_ >= Version{22, 1} || version_ == Version{} ? NamingEra::V22 : NamingEra::V21;
  try {
    apply_create_statements(statements, schema, parse);
  } catch (const UsageError& error) {
    throw DatabaseError(fmt::format("strata could not read a statement CockroachDB printed for its own catalog "
                                    "(please report it): {}",
                                    error.what()),
                        "", "");
  }
  normalize(schema);
  return schema;
}

}  // namespace strata::cockroachdb
