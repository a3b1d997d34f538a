// Versioned migrations, the nouns: what a run is told (MigrateOptions), what it reports, the state
// of each migration, and the errors it throws. The verbs (Migrator, migrate_up, new_migration)
// are in strata/migrate.hpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/errors.hpp"
#include "strata/export.hpp"
#include "strata/run_options.hpp"

namespace strata {

// Progress of a migration run. Lock waits, job progress and retries come through RunObserver.
class STRATA_EXPORT MigrateObserver : public RunObserver {
 public:
  virtual void migration_started(std::int64_t version, const std::string& name, bool down, int statements,
                                 int resume_at) {
    (void)version;
    (void)name;
    (void)down;
    (void)statements;
    (void)resume_at;
  }
  // Before a down file that says it cannot restore data runs (`-- strata:lossy <why>` lines).
  virtual void down_loses_data(std::int64_t version, const std::string& name, const std::vector<std::string>& why) {
    (void)version;
    (void)name;
    (void)why;
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
  RunSettings run;            // lock, timeouts, retries, connection
  bool dry_run = false;       // say what would run; change nothing
  bool out_of_order = false;  // apply a pending version lower than one already applied
  InterruptedStatement interrupted = InterruptedStatement::Stop;
  MigrateObserver* observer = nullptr;
};

// A statement of a migration file, where it starts in the file.
struct MigrationStatement {
  std::string sql;  // without its terminating semicolon
  int line = 0;     // from 1
};

struct MigrationRun {
  std::int64_t version = 0;
  std::string name;
  bool down = false;
  int statements = 0;    // statements run in this call
  int resumed_from = 0;  // >0: the statement (from 1) a half-applied migration resumed at
  std::chrono::milliseconds took{0};
  std::vector<std::int64_t> jobs;  // CockroachDB schema-change jobs waited on
  std::string file;                // the file run, as named in the directory
  bool in_transaction = false;     // the whole file in one transaction (else statement by statement)
  // A dry run: the statements that would run, in order, from the resume point.
  std::vector<MigrationStatement> would_run;
  // A down run whose file says it cannot restore data (`-- strata:lossy <why>` lines, which
  // `strata migrate new` writes): why, one entry per line. Filled for dry runs too, so that a
  // front end can warn before it runs.
  std::vector<std::string> lossy;
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
STRATA_EXPORT std::string_view state_name(MigrationState state);

struct MigrationStatus {
  std::int64_t version = 0;
  std::string name;
  MigrationState state = MigrationState::Pending;
  int statements_applied = 0;
  int statements_total = 0;
  std::string applied_at;  // finished (or last attempted) at, as the server wrote it; empty when pending
  std::optional<std::int64_t> duration_ms;
  std::string error;       // the last failure's message, or why a half-applied migration stopped
  std::string applied_by;  // who wrote the history row ("host pid N", or a person's repair); empty when pending
  // A migration stopped half way (Partial, Reverting): the statement (from 1) of the up (down)
  // file it stopped at, its line and its text. `interrupted`: a strata that died had begun it
  // outside a transaction, and whether it took effect is to be found out (or decided with
  // MigrateOptions::interrupted); otherwise it failed, or was not reached yet.
  int stopped_at = 0;
  int stopped_line = 0;
  std::string stopped_statement;
  bool interrupted = false;
  // Its down file says reverting it cannot restore data (`-- strata:lossy <why>`): why.
  std::vector<std::string> down_lossy;
};

struct MigrateStatusReport {
  std::vector<MigrationStatus> migrations;  // ascending by version
  std::vector<std::string> sum_problems;    // strata.sum disagreeing with the files
};

// `strata migrate repair` and `strata migrate set`: the history changed on purpose, after a person
// fixed the database by hand or edited an applied file deliberately. Each change is recorded with
// who made it and when (applied_by, finished_at).
enum class RepairKind {
  MarkApplied,     // a failed, half-applied or half-reverted migration was finished by hand: record it applied
  MarkRolledBack,  // its effects were undone by hand: forget it, so that it is pending again
  AcceptEdit,      // an applied migration's up file was edited on purpose: record the file's checksum now
  SetVersion,      // the database is at `version`: every migration up to it applied, every newer one forgotten
};

struct RepairRequest {
  RepairKind kind = RepairKind::MarkApplied;
  // MarkApplied, MarkRolledBack: default the one failed, partial or reverting migration. AcceptEdit:
  // default the one modified migration. SetVersion: required (0: before the first migration).
  std::optional<std::int64_t> version;
  bool dry_run = false;  // say what would change; write nothing, take no lock
};

// One row of the history as a repair changes it.
struct HistoryChange {
  std::int64_t version = 0;
  std::string name;
  MigrationState from = MigrationState::Pending;  // as `migrate status` shows it now
  MigrationState to = MigrationState::Applied;    // Applied, or Pending (the row is deleted)
  std::string detail;                             // what changes, in words
};

struct RepairReport {
  std::vector<HistoryChange> changes;  // ascending by version; empty: nothing to change
  bool written = false;                // false: a dry run, nothing to change, or not confirmed
  std::string recorded_by;             // who the history names for the changes ("alice@host")
};

// An applied migration's up file changed (exit code 2). `strata migrate hash` does not make it
// apply again: put the change in a new migration.
class STRATA_EXPORT MigrationChanged : public UsageError {
 public:
  using UsageError::UsageError;
};

// A migration's statement failed (exit code 4). What ran before it in the same run stays applied
// and recorded; the failing file is recorded as failed (or partial where it ran statement by
// statement), so the next run resumes at that statement.
class STRATA_EXPORT MigrationFailed : public DatabaseError {
 public:
  MigrationFailed(const std::string& message, std::string statement, std::string sqlstate, std::string file, int line);
  const std::string& file() const { return file_; }
  int line() const { return line_; }

 private:
  std::string file_;
  int line_;
};

// A statement begun outside a transaction by a strata that stopped before it learned whether the
// statement took effect, and nothing tells (exit code 1): a user must look and decide with
// MigrateOptions::interrupted (`--interrupted=retry|skip`).
class STRATA_EXPORT MigrationInterrupted : public FindingsError {
 public:
  using FindingsError::FindingsError;
};

}  // namespace strata
