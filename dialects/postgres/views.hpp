// PostgreSQL views: reading them from the catalog, what a query reads, and how a declared query
// compares with the view the server holds.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "strata/schema.hpp"

namespace strata {
class Connection;
}

namespace strata::postgres {

// The rows of queries::kViews into schema.views (queries on one line, as one_line writes them).
void read_views(const pqxx::result& rows, Schema& schema);

// The tables and views `query` names, each with every column name the query uses (a column named
// under any table counts for each: more than is read, never less; "*" for a `*`). Unqualified
// names are taken to be in "public". Empty when the query does not parse.
std::vector<ViewRead> view_reads(const std::string& query);

// The same, of a libpg_query tree (a function's SQL-standard body).
std::vector<ViewRead> view_reads_in(const nlohmann::json& tree);

// Throws PlanError for a declared view whose query PostgreSQL's parser refuses, or takes as
// something other than one query (PostgresDialect::check).
void check_view_queries(const Schema& declared);

// For each live view whose declared query is written otherwise: the server is asked how it prints
// the declared query (a temporary view, dropped at once). When that is how it prints the live
// view, the live view takes the declared text, so the two compare equal; when not, `replaceable`
// says whether the declared query keeps the live view's columns. A query the server cannot take
// (it reads what does not exist yet) leaves the live view as it is.
void compare_views(Connection& connection, const Schema& declared, Schema& live);

}  // namespace strata::postgres
