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
#include <optional>
#include <string>
#include <vector>

#include "strata/apply.hpp"
#include "strata/errors.hpp"
#include "strata/plan.hpp"
#include "strata/schema.hpp"

namespace strata {

// Progress of a migration run. Lock waits, job progress and retries come through ApplyObserver.
class MigrateObserver : public ApplyObserver {
 public:
  virtual void migration_started(std::int64_t version, const std::string& name, bool down, int statements,
                                 int resume_at) {
    (void)version;
    (void)name;
    (void)down;
    (void)statements;
    (void)resume_at;
  }
  virtual void migration_finished(std::int64_t version, const std::string& name, bool down,
                                  std::chrono::milliseconds took) {
    (void)version;
    (void)name;
    (void)down;
    (void)took;
  }
};

// What to do with a statement a migrator that died had started without strata learning whether it
// took effect (a statement that ran outside a transaction, on CockroachDB or in a no-transaction
// file). By default strata stops and says which statement; a user who has looked decides.
enum class InterruptedStatement { Stop, Retry, Skip };

struct MigrateOptions {
  LockKind lock = LockKind::Auto;
  std::chrono::seconds lease{30};
  std::chrono::seconds lock_wait{300};
  std::chrono::seconds statement_lock_timeout{10};
  int max_retries = 5;
  std::chrono::seconds job_timeout{3600};
  bool dry_run = false;       // say what would run; change nothing
  bool out_of_order = false;  // apply a pending version lower than one already applied
  InterruptedStatement interrupted = InterruptedStatement::Stop;
  MigrateObserver* observer = nullptr;
  ConnectOptions connect;  // connect and statement timeouts
};

struct MigrationRun {
  std::int64_t version = 0;
  std::string name;
  bool down = false;
  int statements = 0;      // statements run in this call
  int resumed_from = 0;    // >0: the statement (from 1) a half-applied migration resumed at
  std::chrono::milliseconds took{0};
  std::vector<std::int64_t> jobs;  // CockroachDB schema-change jobs waited on
};

struct MigrateReport {
  std::vector<MigrationRun> runs;  // in the order they ran (for a dry run: would run)
  bool waited_for_lock = false;
  bool dry_run = false;
};

enum class MigrationState {
  Applied,    // in the history, checksum matches
  Pending,    // a file not yet applied
  Partial,    // stopped half way (statements_applied of statements_total)
  Failed,     // the last attempt failed and was rolled back
  Reverting,  // its down file stopped half way
  Modified,   // applied, but the up file changed since
  Missing,    // in the history, but its file is gone
};
std::string_view state_name(MigrationState state);

struct MigrationStatus {
  std::int64_t version = 0;
  std::string name;
  MigrationState state = MigrationState::Pending;
  int statements_applied = 0;
  int statements_total = 0;
  std::string applied_at;  // finished (or last attempted) at, as the server wrote it; empty when pending
  std::optional<std::int64_t> duration_ms;
  std::string error;       // the last failure's message
};

struct MigrateStatusReport {
  std::vector<MigrationStatus> migrations;  // ascending by version
  std::vector<std::string> sum_problems;    // strata.sum disagreeing with the files
};

// An applied migration's up file changed (exit code 2). `strata migrate hash` does not make it
// apply again: put the change in a new migration.
class MigrationChanged : public UsageError {
 public:
  using UsageError::UsageError;
};

// A migration's statement failed (exit code 4). What ran before it in the same run stays applied
// and recorded; the failing file is recorded as failed (or partial where it ran statement by
// statement), so the next run resumes at that statement.
class MigrationFailed : public DatabaseError {
 public:
  MigrationFailed(const std::string& message, std::string statement, std::string sqlstate, std::string file,
                  int line);
  const std::string& file() const { return file_; }
  int line() const { return line_; }

 private:
  std::string file_;
  int line_;
};

// A statement begun outside a transaction by a strata that stopped before it learned whether the
// statement took effect, and nothing tells (exit code 1): a user must look and decide with
// MigrateOptions::interrupted (`--interrupted=retry|skip`).
class MigrationInterrupted : public FindingsError {
 public:
  using FindingsError::FindingsError;
};

class Migrator {
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

 private:
  std::string url_;
  std::filesystem::path directory_;
  MigrateOptions options_;
};

// Migrator(url, directory, options).up().
MigrateReport migrate_up(const std::string& url, const std::filesystem::path& directory,
                         const MigrateOptions& options = {});

// `strata migrate new`: the up and down files that take the schema the migrations of `directory`
// produce to `declared`. The migrations are replayed in a scratch database created on
// `scratch_server_url` (and dropped after), the difference is planned, and the pair is checked
// there before anything is written: up leads to `declared`, down leads back. Writes
// <version>_<name>.up.sql and .down.sql (the version continues the directory's numbering, or is a
// UTC timestamp) and rewrites strata.sum. Returns nullopt, writing nothing, when there is no
// difference.
struct NewMigration {
  std::filesystem::path up_file;
  std::filesystem::path down_file;
  Plan up;
  Plan down;
};
std::optional<NewMigration> new_migration(const std::filesystem::path& directory, const std::string& name,
                                          const Schema& declared, const std::string& scratch_server_url,
                                          const ConnectOptions& connect = {});

// The table strata keeps its migration history in.
inline constexpr const char* kHistoryTable = "strata_schema_history";

}  // namespace strata
