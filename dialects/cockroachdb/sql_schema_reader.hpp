// A declared schema written in CockroachDB's SQL, read with strata's CockroachDB DDL parser
// (ddl/parser.hpp), the same parser that reads what a live CockroachDB prints.
#pragma once

#include <memory>

#include "engine/load/sql_reader.hpp"

namespace strata::cockroachdb {

std::unique_ptr<load::SqlSchemaReader> make_sql_schema_reader();

}  // namespace strata::cockroachdb
