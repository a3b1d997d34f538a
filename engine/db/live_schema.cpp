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
  std::vector<std::string> namespaces = declared.schemas;
  namespaces.emplace_back("public");
  return read_live(connection, dialect, std::move(namespaces));
}

Schema read_live(Connection& connection, const ServerDialect& dialect, std::vector<std::string> namespaces) {
  IntrospectOptions options;
  options.schemas = std::move(namespaces);
  Schema live = dialect.introspect(connection, options);
  live.tables.erase(std::remove_if(live.tables.begin(), live.tables.end(), is_strata_table), live.tables.end());
  return live;
}

}  // namespace strata
