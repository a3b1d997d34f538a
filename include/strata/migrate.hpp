// Versioned migrations: a directory of reviewed SQL files (<version>_<name>.up.sql / .down.sql and
// strata.sum) run in order under strata's lock, with a history table in the database.
//
//   strata::MigrateReport report = strata::migrate_up(url, "migrations");
//
// is safe when many replicas of an application start at once: one applies, the others wait for
// the lock, find nothing pending and return. With nothing pending it costs one connection and two
// queries, and takes no lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "strata/connect.hpp"
#include "strata/export.hpp"
#include "strata/migration.hpp"
#include "strata/plan.hpp"
#include "strata/schema.hpp"

namespace strata {

class STRATA_EXPORT Migrator {
 public:
  Migrator(std::string url, std::filesystem::path directory, MigrateOptions options = {});

  // Applies pending migrations in version order: all of them, or the first `count`.
  MigrateReport up(std::optional<std::size_t> count = std::nullopt);
  // Reverts the last `count` applied migrations with their down files, newest first.
  MigrateReport down(std::size_t count = 1);
  // Moves to exactly `version` (0: before the first migration), up or down.
  MigrateReport go_to(std::int64_t version);
  // Reads the history without taking the lock; creates nothing.
  MigrateStatusReport status();
  // `strata migrate repair` / `set`: under the lock, works out the changes to the history, asks
  // `confirm` (nothing is written when it returns false), and writes them in one transaction.
  // Throws UsageError when the request does not fit the history (nothing to repair, a version
  // that is not in the directory, several candidates and no version named).
  RepairReport repair(const RepairRequest& request, const std::function<bool(const RepairReport&)>& confirm = nullptr);

 private:
  std::string url_;
  std::filesystem::path directory_;
  MigrateOptions options_;
};

// Migrator(url, directory, options).up().
STRATA_EXPORT MigrateReport migrate_up(const std::string& url, const std::filesystem::path& directory,
                                       const MigrateOptions& options = {});

// `strata migrate new`: the up and down files that take the schema the migrations of `directory`
// produce to `declared`. The migrations are replayed in a scratch database created on
// `scratch_server_url` (and dropped after), the difference is planned, and the pair is checked
// there before anything is written: up leads to `declared`, down leads back. Writes
// <version>_<name>.up.sql and .down.sql (the version continues the directory's numbering, or is a
// UTC timestamp) and rewrites strata.sum. Returns nullopt, writing nothing, when there is no
// difference. `history_table` is the project's (RunSettings::history_table): the replay records
// there, and it is no part of the schema compared.
struct NewMigration {
  std::filesystem::path up_file;
  std::filesystem::path down_file;
  Plan up;
  Plan down;
  // Why the down file cannot restore the data (written in it as `-- strata:lossy <why>` lines):
  // it deletes data (what the up file added), or re-creates empty what the up file deleted.
  std::vector<std::string> lossy;
};
STRATA_EXPORT std::optional<NewMigration> new_migration(const std::filesystem::path& directory, const std::string& name,
                                                        const Schema& declared, const std::string& scratch_server_url,
                                                        const ConnectOptions& connect = {},
                                                        const std::string& history_table = kHistoryTable);

// `strata migrate new NAME` without a declared schema: an empty pair for hand-written SQL, numbered
// like new_migration's, and strata.sum rewritten. Touches no database. The plans are empty.
STRATA_EXPORT NewMigration new_empty_migration(const std::filesystem::path& directory, const std::string& name);

// `strata migrate hash`: rewrites strata.sum from the files of `directory` (after an edit made on
// purpose). Throws LoadError when a file name is not a migration's.
struct SumFile {
  std::filesystem::path path;
  std::size_t migrations = 0;
};
STRATA_EXPORT SumFile write_sum_file(const std::filesystem::path& directory);

}  // namespace strata
