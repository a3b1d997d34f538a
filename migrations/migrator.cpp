// A migration run: read the directory and the history, decide, and run under the lock.
#include "migrations/migrator.hpp"

#include <map>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/server_dialect.hpp"
#include "engine/exec/job_waiter.hpp"
#include "engine/lock/lock.hpp"
#include "migrations/run_migration.hpp"
#include "migrations/splitter.hpp"
#include "migrations/sum.hpp"

namespace strata::migrations {

namespace {

// Every file the actions run, split before anything runs (a file that cannot be split is bad
// input and stops the run with nothing changed).
std::map<std::pair<std::int64_t, bool>, std::vector<Statement>> split_all(const Directory& directory,
                                                                          const std::vector<Action>& actions) {
  std::map<std::pair<std::int64_t, bool>, std::vector<Statement>> statements;
  for (const auto& action : actions) {
    const auto& file = action.down ? *action.migration->down : action.migration->up;
    statements[{action.migration->version, action.down}] =
        split_statements(file.text, (directory.path / file.file_name).string());
  }
  return statements;
}

const MigrationFile& file_of(const Action& action) {
  return action.down ? *action.migration->down : action.migration->up;
}

bool runs_in_transaction(const ServerDialect& dialect, const MigrationFile& file) {
  return dialect.capabilities().transactional_ddl && !has_directive(file.text, "no-transaction");
}

// What a dry run reports of an action: the statements it would run, from the resume point.
MigrationRun preview(const ServerDialect& dialect, const Action& action, const std::vector<Statement>& statements) {
  MigrationRun run;
  run.version = action.migration->version;
  run.name = action.migration->name;
  run.down = action.down;
  run.statements = static_cast<int>(statements.size()) - action.resume_at;
  run.resumed_from = action.resume_at > 0 ? action.resume_at + 1 : 0;
  run.file = file_of(action).file_name;
  run.in_transaction = runs_in_transaction(dialect, file_of(action));
  for (std::size_t i = static_cast<std::size_t>(action.resume_at); i < statements.size(); ++i) {
    run.would_run.push_back(MigrationStatement{statements[i].sql, statements[i].line});
  }
  return run;
}

}  // namespace

MigrateReport run(Connection& connection, const std::string& url, const ServerDialect& dialect,
                  const std::filesystem::path& path, const MigrateOptions& options, const Selector& select) {
  const Directory directory = read_directory(path);
  require_sum(directory);
  MigrateReport report;
  report.dry_run = options.dry_run;
  History history(connection, dialect);
  // Without the lock first: a start-up with nothing to do costs this one query.
  auto rows = history.read();
  check_history(directory, rows);
  auto actions = select(directory, rows);
  auto statements = split_all(directory, actions);
  if (actions.empty()) return report;
  if (options.dry_run) {
    for (const auto& action : actions)
      report.runs.push_back(preview(dialect, action, statements[{action.migration->version, action.down}]));
    return report;
  }

  const auto lock = acquire_schema_lock(connection, url, dialect, options.run.lock, "strata migrate", options.observer,
                                        &report.waited_for_lock);
  // Under the lock, again: a strata that held it before may have done some or all of it.
  history.ensure_table();
  rows = history.read();
  check_history(directory, rows);
  actions = select(directory, rows);
  statements = split_all(directory, actions);
  if (actions.empty()) return report;

  if (options.run.statement_lock_timeout.count() > 0) {
    // A DDL statement waiting for its lock blocks every query queued behind it: give up instead.
    connection.set_lock_timeout(options.run.statement_lock_timeout);
  }
  const auto jobs = make_job_waiter(connection, dialect, options.run, options.observer);
  RunContext context{connection, dialect, history, lock.get(), jobs.get(), options, directory.path};
  for (const auto& action : actions) {
    const auto& file_statements = statements[{action.migration->version, action.down}];
    const bool in_transaction = runs_in_transaction(dialect, file_of(action));
    if (options.observer) {
      options.observer->migration_started(action.migration->version, action.migration->name, action.down,
                                          static_cast<int>(file_statements.size()), action.resume_at + 1);
    }
    report.runs.push_back(run_migration(context, action, file_statements, in_transaction));
    report.runs.back().file = file_of(action).file_name;
    report.runs.back().in_transaction = in_transaction;
    if (options.observer) {
      options.observer->migration_finished(action.migration->version, action.migration->name, action.down,
                                           report.runs.back().took);
    }
  }
  return report;
}

MigrateStatusReport status(Connection& connection, const ServerDialect& dialect, const std::filesystem::path& path) {
  const Directory directory = read_directory(path);
  MigrateStatusReport report;
  for (const auto& problem : verify_sum(directory)) {
    report.sum_problems.push_back(problem.line > 0
                                      ? fmt::format("{}:{}: {}", problem.file_name, problem.line, problem.message)
                                      : fmt::format("{}: {}", problem.file_name, problem.message));
  }
  History history(connection, dialect);
  report.migrations = migration_states(directory, history.read());
  return report;
}

}  // namespace strata::migrations
