#include "engine/db/live_schema.hpp"

#include <algorithm>

#include "engine/db/history_table.hpp"

namespace strata {

Schema read_live(Connection& connection, const ServerDialect& dialect, const Schema& declared,
                 const std::string& history_table) {
  std::vector<std::string> namespaces = declared.schemas;
  namespaces.emplace_back("public");
  return read_live(connection, dialect, std::move(namespaces), history_table, &declared);
}

Schema read_live(Connection& connection, const ServerDialect& dialect, std::vector<std::string> namespaces,
                 const std::string& history_table, const Schema* declared) {
  const HistoryTableName history = parse_history_table(history_table);
  IntrospectOptions options;
  options.schemas = std::move(namespaces);
  options.declared = declared;
  Schema live = dialect.introspect(connection, options);
  std::erase_if(live.tables,
                [&](const Table& table) { return history.names(table.name) || table.name.name == kLockTable; });
  return live;
}

}  // namespace strata
