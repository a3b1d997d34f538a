// Running one migration file, up or down, and keeping its history row right at every point:
//
// - in one transaction with its history row (PostgreSQL, unless the file says
//   `-- strata:no-transaction`): all of it takes effect and is recorded, or none of it and the
//   failure is recorded;
// - statement by statement (CockroachDB, and no-transaction files): before a statement that must run
//   on its own, the row notes that it started; after it (and its schema-change jobs) succeeded, the
//   row counts it. On PostgreSQL a statement that can run in a transaction runs in one with the row
//   update, so it needs no note. A migrator that dies between the note and the count leaves the
//   note, and the next run finds out from the statement's jobs whether it took effect (or asks).
//
// Every history write happens in a transaction that first checks this strata still holds its lock.
#pragma once

#include "engine/db/server_dialect.hpp"
#include "migrations/history.hpp"
#include "migrations/selection.hpp"
#include "migrations/splitter.hpp"
#include "strata/migration.hpp"

namespace strata {
class ProgressWatcher;
class SchemaLock;
}  // namespace strata

namespace strata::migrations {

struct RunContext {
  Connection& connection;
  const ServerDialect& dialect;
  History& history;
  const SchemaLock* lock = nullptr;
  SchemaJobs* jobs = nullptr;
  const MigrateOptions& options;
  const std::filesystem::path& directory;
  ProgressWatcher* progress = nullptr;  // index builds' progress while they run
};

// `statements`: the file's statements (the down file's for a down action).
MigrationRun run_migration(RunContext& context, const Action& action, const std::vector<Statement>& statements,
                           bool in_transaction);

}  // namespace strata::migrations
