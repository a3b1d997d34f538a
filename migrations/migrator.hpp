// A migration run on an open connection: read the directory and the history, decide, and run what
// was decided under strata's lock. The front door (strata::Migrator, app/migrate.cpp) opens the
// connection and chooses the dialect.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "migrations/directory.hpp"
#include "migrations/history.hpp"
#include "migrations/selection.hpp"
#include "strata/migration.hpp"

namespace strata {
class Connection;
class ServerDialect;
}  // namespace strata

namespace strata::migrations {

// Chooses the actions of a run from the files and the history.
using Selector = std::function<std::vector<Action>(const Directory&, const std::vector<HistoryRow>&)>;

// Runs what `select` chooses from `directory` (read, and checked against strata.sum, by the
// caller: require_sum). With nothing to do it reads the history once and takes no lock. `url`
// opens the lease lock's heartbeat connection.
MigrateReport run(Connection& connection, const std::string& url, const ServerDialect& dialect,
                  const Directory& directory, const MigrateOptions& options, const Selector& select);

// The state of every migration of `directory` and of the history in `history_table`; takes no
// lock, creates nothing.
MigrateStatusReport status(Connection& connection, const ServerDialect& dialect, const std::filesystem::path& directory,
                           const std::string& history_table);

}  // namespace strata::migrations
