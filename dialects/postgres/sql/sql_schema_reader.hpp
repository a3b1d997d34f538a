// A declared schema written in PostgreSQL's SQL, read with PostgreSQL's own parser (libpg_query).
#pragma once

#include <memory>

#include "engine/load/sql_reader.hpp"

namespace strata::postgres {

std::unique_ptr<load::SqlSchemaReader> make_sql_schema_reader();

}  // namespace strata::postgres
