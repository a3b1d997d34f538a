// compare_schemas(): the two sides read (two databases at once), then the planner of `strata plan`.
#include "strata/compare.hpp"

#include <future>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/live_schema.hpp"
#include "strata/dialect_factory.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"

namespace strata {

namespace {

// A database read: its connection (kept for messages), its dialect and its schema.
struct Database {
  std::unique_ptr<Connection> connection;
  std::unique_ptr<ServerDialect> dialect;
  Schema schema;
};

// Connects and detects the server; reads the schema in `namespaces` (all when empty), or in the
// namespaces of `declared` when one is given.
Database read_database(const std::string& url, const ConnectOptions& connect, const Schema* declared) {
  Database db;
  db.connection = std::make_unique<Connection>(url, connect);
  db.dialect = detect_dialect(*db.connection);
  db.schema = declared ? read_live(*db.connection, *db.dialect, *declared)
                       : read_live(*db.connection, *db.dialect, std::vector<std::string>{});
  return db;
}

void check_dialect(const CompareOptions& options, const Database& db) {
  if (!options.dialect.empty() && options.dialect != db.dialect->name()) {
    throw UsageError(
        fmt::format("--dialect {} is not the dialect of {}, which is {}; --dialect is for comparing "
                    "two declared schemas",
                    options.dialect, db.connection->display_url(), db.dialect->name()));
  }
}

Plan compare_databases(const SchemaSource& from, const SchemaSource& to, const CompareOptions& options) {
  // The `from` read runs on a thread of its own while this one reads `to`; a failure on either
  // side is thrown once both reads have ended (the future's destructor waits).
  auto from_read = std::async(std::launch::async, read_database, from.url, options.connect, nullptr);
  Database to_db = read_database(to.url, options.connect, nullptr);
  Database from_db = from_read.get();
  if (from_db.dialect->name() != to_db.dialect->name()) {
    throw UsageError(fmt::format("cannot compare {} ({}) with {} ({}): the servers are of different kinds",
                                 from_db.connection->display_url(), from_db.dialect->name(),
                                 to_db.connection->display_url(), to_db.dialect->name()));
  }
  check_dialect(options, from_db);
  return plan_changes(from_db.schema, to_db.schema, *from_db.dialect);
}

// One database, one declared schema: the database read as `strata plan` reads it.
Plan compare_with_declared(const SchemaSource& from, const SchemaSource& to, const CompareOptions& options) {
  const SchemaSource& live_side = from.is_database() ? from : to;
  const Schema declared = load_schema(from.is_database() ? to.paths : from.paths);
  const Database db = read_database(live_side.url, options.connect, &declared);
  check_dialect(options, db);
  return from.is_database() ? plan_changes(db.schema, declared, *db.dialect)
                            : plan_changes(declared, db.schema, *db.dialect);
}

}  // namespace

Plan compare_schemas(const SchemaSource& from, const SchemaSource& to, const CompareOptions& options) {
  for (const SchemaSource* side : {&from, &to}) {
    if (side->is_database() == !side->paths.empty())
      throw UsageError("each side of a comparison is a database URL or declared schema paths, not both or neither");
  }
  if (from.is_database() && to.is_database()) return compare_databases(from, to, options);
  if (from.is_database() || to.is_database()) return compare_with_declared(from, to, options);
  const auto dialect = make_dialect(options.dialect.empty() ? "postgres" : options.dialect);
  return plan_changes(load_schema(from.paths), load_schema(to.paths), *dialect);
}

}  // namespace strata
