// Migrator: read the directory and the history, decide, and run under the lock.
#include <map>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/lock/lock.hpp"
#include "migrations/directory.hpp"
#include "migrations/history.hpp"
#include "migrations/run_migration.hpp"
#include "migrations/selection.hpp"
#include "migrations/splitter.hpp"
#include "migrations/sum.hpp"
#include "strata/migrate.hpp"

namespace strata {

namespace {

using migrations::Action;
using migrations::HistoryRow;
using Selector = std::function<std::vector<Action>(const migrations::Directory&, const std::vector<HistoryRow>&)>;

bool is_cockroach(const Dialect& dialect) {
  return dialect.name() == "cockroachdb";
}

// Every file the actions run, split before anything runs (a file that cannot be split is bad
// input and stops the run with nothing changed).
std::map<std::pair<std::int64_t, bool>, std::vector<migrations::Statement>> split_all(
    const migrations::Directory& directory, const std::vector<Action>& actions) {
  std::map<std::pair<std::int64_t, bool>, std::vector<migrations::Statement>> statements;
  for (const auto& action : actions) {
    const auto& file = action.down ? *action.migration->down : action.migration->up;
    statements[{action.migration->version, action.down}] =
        migrations::split_statements(file.text, (directory.path / file.file_name).string());
  }
  return statements;
}

MigrationRun preview(const Action& action, const std::vector<migrations::Statement>& statements) {
  MigrationRun run;
  run.version = action.migration->version;
  run.name = action.migration->name;
  run.down = action.down;
  run.statements = static_cast<int>(statements.size()) - action.resume_at;
  run.resumed_from = action.resume_at > 0 ? action.resume_at + 1 : 0;
  return run;
}

MigrateReport run(const std::string& url, const std::filesystem::path& path, const MigrateOptions& options,
                  const Selector& select) {
  const migrations::Directory directory = migrations::read_directory(path);
  migrations::require_sum(directory);
  MigrateReport report;
  report.dry_run = options.dry_run;

  Connection connection(url, options.connect);
  const auto dialect = detect_dialect(connection);
  migrations::History history(connection, is_cockroach(*dialect));
  // Without the lock first: a start-up with nothing to do costs this one query.
  auto rows = history.read();
  migrations::check_history(directory, rows);
  auto actions = select(directory, rows);
  auto statements = split_all(directory, actions);
  if (actions.empty()) return report;
  if (options.dry_run) {
    for (const auto& action : actions) report.runs.push_back(preview(action, statements[{action.migration->version, action.down}]));
    return report;
  }

  LockOptions lock_options;
  lock_options.wait = options.lock_wait;
  lock_options.lease = options.lease;
  lock_options.purpose = "strata migrate";
  lock_options.on_wait = [&](const std::string& holder, std::chrono::seconds waited) {
    report.waited_for_lock = true;
    if (options.observer) options.observer->waiting_for_lock(holder, waited);
  };
  const auto lock = acquire_schema_lock(connection, url, *dialect, options.lock, lock_options);
  // Under the lock, again: a strata that held it before may have done some or all of it.
  history.ensure_table();
  rows = history.read();
  migrations::check_history(directory, rows);
  actions = select(directory, rows);
  statements = split_all(directory, actions);
  if (actions.empty()) return report;

  if (options.statement_lock_timeout.count() > 0) {
    // A DDL statement waiting for its lock blocks every query queued behind it: give up instead.
    connection.set_lock_timeout(options.statement_lock_timeout);
  }
  JobWaitSettings job_settings;
  job_settings.timeout = options.job_timeout;
  if (options.observer) {
    job_settings.on_progress = [&](const std::string& line) { options.observer->job_progress(line); };
  }
  const auto jobs = dialect->schema_jobs(connection, job_settings);
  migrations::RunContext context{connection, *dialect, history, lock.get(), jobs.get(), options, directory.path};
  for (const auto& action : actions) {
    const auto& file_statements = statements[{action.migration->version, action.down}];
    const auto& file = action.down ? *action.migration->down : action.migration->up;
    const bool in_transaction =
        dialect->capabilities().transactional_ddl && !migrations::has_directive(file.text, "no-transaction");
    if (options.observer) {
      options.observer->migration_started(action.migration->version, action.migration->name, action.down,
                                          static_cast<int>(file_statements.size()), action.resume_at + 1);
    }
    report.runs.push_back(migrations::run_migration(context, action, file_statements, in_transaction));
    if (options.observer) {
      options.observer->migration_finished(action.migration->version, action.migration->name, action.down,
                                           report.runs.back().took);
    }
  }
  return report;
}

}  // namespace

std::string_view state_name(MigrationState state) {
  switch (state) {
    case MigrationState::Applied: return "applied";
    case MigrationState::Pending: return "pending";
    case MigrationState::Partial: return "partial";
    case MigrationState::Failed: return "failed";
    case MigrationState::Reverting: return "reverting";
    case MigrationState::Modified: return "modified";
    case MigrationState::Missing: return "missing";
  }
  return "pending";
}

MigrationFailed::MigrationFailed(const std::string& message, std::string statement, std::string sqlstate,
                                 std::string file, int line)
    : DatabaseError(message, std::move(statement), std::move(sqlstate)), file_(std::move(file)), line_(line) {}

Migrator::Migrator(std::string url, std::filesystem::path directory, MigrateOptions options)
    : url_(std::move(url)), directory_(std::move(directory)), options_(std::move(options)) {}

MigrateReport Migrator::up(std::optional<std::size_t> count) {
  return run(url_, directory_, options_, [&](const auto& directory, const auto& history) {
    return migrations::select_up(directory, history, count, options_.out_of_order);
  });
}

MigrateReport Migrator::down(std::size_t count) {
  return run(url_, directory_, options_, [&](const auto& directory, const auto& history) {
    return migrations::select_down(directory, history, count);
  });
}

MigrateReport Migrator::go_to(std::int64_t version) {
  return run(url_, directory_, options_, [&](const auto& directory, const auto& history) {
    return migrations::select_goto(directory, history, version, options_.out_of_order);
  });
}

MigrateStatusReport Migrator::status() {
  const migrations::Directory directory = migrations::read_directory(directory_);
  MigrateStatusReport report;
  for (const auto& problem : migrations::verify_sum(directory)) {
    report.sum_problems.push_back(problem.line > 0 ? fmt::format("{}:{}: {}", problem.file_name, problem.line,
                                                                 problem.message)
                                                   : fmt::format("{}: {}", problem.file_name, problem.message));
  }
  Connection connection(url_, options_.connect);
  migrations::History history(connection, false);
  report.migrations = migrations::migration_states(directory, history.read());
  return report;
}

MigrateReport migrate_up(const std::string& url, const std::filesystem::path& directory,
                         const MigrateOptions& options) {
  return Migrator(url, directory, options).up();
}

}  // namespace strata
