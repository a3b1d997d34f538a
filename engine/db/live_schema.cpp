#include "engine/db/live_schema.hpp"

#include <algorithm>

#include "engine/db/history_table.hpp"

namespace strata {

Schema read_live(Connection& connection, const ServerDialect& dialect, const Schema& declared,
                 const std::string& history_table) {
  const HistoryTableName history = parse_history_table(history_table);
  IntrospectOptions options;
  options.schemas = declared.schemas;
  options.schemas.emplace_back("public");
  Schema live = dialect.introspect(connection, options);
  std::erase_if(live.tables,
                [&](const Table& table) { return history.names(table.name) || table.name.name == kLockTable; });
  return live;
}

}  // namespace strata
