#include "engine/db/live_schema.hpp"

#include <algorithm>

#include "strata/run_options.hpp"

namespace strata {

namespace {

bool is_strata_table(const Table& table) {
  return table.name.name == kHistoryTable || table.name.name == kLockTable;
}

}  // namespace

Schema read_live(Connection& connection, const ServerDialect& dialect, const Schema& declared) {
  IntrospectOptions options;
  options.schemas = declared.schemas;
  options.schemas.emplace_back("public");
  Schema live = dialect.introspect(connection, options);
  live.tables.erase(std::remove_if(live.tables.begin(), live.tables.end(), is_strata_table), live.tables.end());
  return live;
}

}  // namespace strata
