// Deciding what a migration run does, from the files and the history alone (no database): which
// migrations run, in which direction, from which statement, and what is wrong with the history.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "migrations/directory.hpp"
#include "migrations/history.hpp"
#include "migrations/splitter.hpp"
#include "strata/migration.hpp"

namespace strata::migrations {

struct Action {
  const Migration* migration = nullptr;
  bool down = false;
  const HistoryRow* row = nullptr;  // the history row when there is one (resume, down)
  int resume_at = 0;                // statements (of the file run) already taken effect
};

// The checksum of the first `count` statements (HistoryRow::prefix_checksum).
std::string prefix_checksum(const std::vector<Statement>& statements, int count);

// Throws MigrationChanged when an applied migration's up file changed (a half-applied one may
// change after the statements that took effect, so that a failing statement can be fixed), and
// UsageError when a migration in the history has no file in the directory (unless it is only a
// record of a failed attempt), or a migration is half reverted.
void check_history(const Directory& directory, const std::vector<HistoryRow>& history);

// Pending migrations in version order (a half-applied one first), at most `count`. Throws
// UsageError for a pending version below the newest applied one unless `out_of_order`.
std::vector<Action> select_up(const Directory& directory, const std::vector<HistoryRow>& history,
                              std::optional<std::size_t> count, bool out_of_order);

// The newest `count` applied migrations, newest first (a half-reverted one first). Throws
// UsageError when one has no down file, or a migration stopped half way through its up file.
std::vector<Action> select_down(const Directory& directory, const std::vector<HistoryRow>& history, std::size_t count);

// Down to `version` (reverting everything newer), then up to it. `version` 0 is before the first
// migration; any other must be a migration of the directory.
std::vector<Action> select_goto(const Directory& directory, const std::vector<HistoryRow>& history,
                                std::int64_t version, bool out_of_order);

// Every migration of the directory and the history, ascending by version.
std::vector<MigrationStatus> migration_states(const Directory& directory, const std::vector<HistoryRow>& history);

}  // namespace strata::migrations
