#include "dialects/postgres/views.hpp"

#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dialects/postgres/sql/pg_parser.hpp"
#include "engine/db/connection.hpp"
#include "engine/model/quote.hpp"
#include "engine/sql/sql_text.hpp"
#include "strata/errors.hpp"

namespace strata::postgres {

namespace {

using Json = nlohmann::json;

// Every RangeVar and every column name of a ColumnRef in a libpg_query tree.
void collect(const Json& node, std::set<QualifiedName>& relations, std::set<std::string>& columns) {
  if (node.is_array()) {
    for (const auto& item : node) collect(item, relations, columns);
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    // A FROM item is a RangeVar node; the target of INSERT, UPDATE or DELETE (in a function's
    // body) is a bare RangeVar in the field "relation".
    const bool range_var = key == "RangeVar" || (key == "relation" && value.contains("relname"));
    if (range_var && value.is_object()) {
      const std::string schema = value.value("schemaname", "");
      relations.insert({schema.empty() ? "public" : schema, value.value("relname", "")});
    } else if (key == "ColumnRef" && value.is_object()) {
      const Json fields = value.value("fields", Json::array());
      if (!fields.empty() && fields.back().contains("String")) {
        columns.insert(fields.back()["String"].value("sval", ""));
      } else if (!fields.empty() && fields.back().contains("A_Star")) {
        columns.insert("*");  // every column, as the table has them when the view is created
      }
    }
    collect(value, relations, columns);
  }
}

}  // namespace

void read_views(const pqxx::result& rows, Schema& schema) {
  for (const auto& row : rows) {
    View view;
    view.name = {row[0].c_str(), row[1].c_str()};
    view.materialized = row[2].as<bool>();
    view.query = one_line(row[3].c_str());
    std::map<QualifiedName, std::set<std::string>> reads;
    if (!row[4].is_null()) {
      for (const auto& item : Json::parse(row[4].c_str())) {
        auto& columns = reads[{item[0].get<std::string>(), item[1].get<std::string>()}];
        if (item[2].is_string()) columns.insert(item[2].get<std::string>());
      }
    }
    for (auto& [relation, columns] : reads) view.reads.push_back({relation, {columns.begin(), columns.end()}});
    schema.views.push_back(std::move(view));
  }
}

// Each declared view's query is one statement PostgreSQL's parser takes as a query (SELECT,
// VALUES, WITH … SELECT, TABLE): said before anything runs, with or without a server.
void check_view_queries(const Schema& declared) {
  for (const auto& view : declared.views) {
    const sql::ParsedFile parsed = sql::parse_file(view.query);
    if (!parsed.failures.empty()) {
      throw PlanError(fmt::format("view {}: PostgreSQL's parser refuses its query: {}", to_string(view.name),
                                  parsed.failures.front().message));
    }
    if (parsed.statements.size() != 1 || !parsed.statements.front().node.contains("SelectStmt")) {
      throw PlanError(
          fmt::format("view {}: expected its query to be one SELECT (or VALUES, WITH … SELECT), "
                      "found: {}",
                      to_string(view.name), view.query.substr(0, 80)));
    }
  }
}

std::vector<ViewRead> view_reads(const std::string& query) {
  Json statements = Json::array();
  for (auto& statement : sql::parse_file(query).statements) statements.push_back(std::move(statement.node));
  return view_reads_in(statements);
}

std::vector<ViewRead> view_reads_in(const nlohmann::json& tree) {
  std::set<QualifiedName> relations;
  std::set<std::string> columns;
  collect(tree, relations, columns);
  std::vector<ViewRead> out;
  for (const auto& relation : relations) out.push_back({relation, {columns.begin(), columns.end()}});
  return out;
}

namespace {

// The server's print of `query` and whether its columns begin with `live`'s (name and type), from
// a temporary view dropped again at once; nullopt when the server cannot create it yet (it reads
// what the plan has yet to create) or may not (a read-only session, no TEMP privilege). A query
// the server cannot parse is the declaration's mistake: said before any plan runs.
std::optional<std::pair<std::string, bool>> probe(Connection& connection, const View& declared, const View& live,
                                                  int number) {
  const std::string name = fmt::format("pg_temp.strata_view_probe_{}", number);
  try {
    connection.exec(fmt::format("CREATE TEMPORARY VIEW {} AS {}", name, declared.query));
  } catch (const DatabaseError& error) {
    if (error.sqlstate() == "42601") {
      throw PlanError(fmt::format("view {}: PostgreSQL refuses its query: {}", to_string(declared.name), error.what()));
    }
    return std::nullopt;
  }
  std::optional<std::pair<std::string, bool>> out;
  try {
    const auto row = connection.exec_params(
        "SELECT pg_get_viewdef($1::regclass), "
        "       NOT EXISTS (SELECT FROM pg_attribute l LEFT JOIN pg_attribute p ON p.attrelid = $1::regclass "
        "                   AND p.attnum = l.attnum AND p.attname = l.attname AND p.atttypid = l.atttypid "
        "                   AND p.atttypmod = l.atttypmod AND p.attcollation = l.attcollation "
        "                   WHERE l.attrelid = $2::regclass AND l.attnum > 0 AND p.attrelid IS NULL)",
        name, quote_qualified(live.name.schema, live.name.name))[0];
    out.emplace(row[0].c_str(), row[1].as<bool>());
  } catch (const DatabaseError&) {
    out.reset();  // the session changed under us (a pooler): nothing learnt
  }
  try {
    connection.exec("DROP VIEW IF EXISTS " + name);
  } catch (const DatabaseError&) {
    // A temporary view goes with the session anyway.
  }
  return out;
}

}  // namespace

void compare_views(Connection& connection, const Schema& declared, Schema& live) {
  int number = 0;
  for (auto& view : live.views) {
    const auto it =
        std::find_if(declared.views.begin(), declared.views.end(), [&](const View& v) { return v.name == view.name; });
    if (it == declared.views.end() || comparable_sql(it->query) == comparable_sql(view.query)) continue;
    const auto printed = probe(connection, *it, view, ++number);
    if (!printed) continue;
    if (comparable_sql(one_line(printed->first)) == comparable_sql(view.query)) {
      view.query = it->query;
    } else {
      view.replaceable = printed->second;
    }
  }
}

}  // namespace strata::postgres
