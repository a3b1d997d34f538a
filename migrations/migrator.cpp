// A migration run: read the directory and the history, decide, and run under the lock.
#include "migrations/migrator.hpp"

#include <map>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/server_dialect.hpp"
#include "engine/exec/job_waiter.hpp"
#include "engine/exec/progress_watcher.hpp"
#include "engine/lock/lock.hpp"
#include "migrations/run_migration.hpp"
#include "migrations/splitter.hpp"
#include "migrations/sum.hpp"

namespace strata::migrations {

namespace {

// The statements of each file a run runs, by (version, down).
using StatementsByFile = std::map<std::pair<std::int64_t, bool>, std::vector<Statement>>;

// Every file the actions run, split before anything runs (a file that cannot be split is bad
// input and stops the run with nothing changed).
StatementsByFile split_all(const Directory& directory, const std::vector<Action>& actions) {
  StatementsByFile statements;
  for (const auto& action : actions) {
    const auto& file = action.down ? *action.migration->down : action.migration->up;
    statements[{action.migration->version, action.down}] =
        split_statements(file.text(), (directory.path / file.file_name).string());
  }
  return statements;
}

const MigrationFile& file_of(const Action& action) {
  return action.down ? *action.migration->down : action.migration->up;
}

bool runs_in_transaction(const ServerDialect& dialect, const MigrationFile& file) {
  return dialect.capabilities().transactional_ddl && !has_directive(file.text(), "no-transaction");
}

// Why a down file cannot restore data, as it says (`-- strata:lossy <why>`); nothing for an up.
std::vector<std::string> lossy_reasons(const Action& action) {
  if (!action.down) return {};
  return directive_values(action.migration->down->text(), "lossy");
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
  run.lossy = lossy_reasons(action);
  return run;
}

std::string action_name(const Action& action) {
  return fmt::format("{} {} ({})", action.down ? "down" : "up", action.migration->version, action.migration->name);
}

// Asked before each migration: the ones before it are applied (reverted) and recorded.
[[noreturn]] void stop_before(const std::vector<Action>& actions, std::size_t next) {
  std::vector<std::string> left;
  for (std::size_t i = next; i < actions.size(); ++i) left.push_back(action_name(actions[i]));
  throw RunStopped(
      fmt::format("stopped on request {}; {} migration{} not run: {}\nRun the same command again to go on "
                  "from there.",
                  next == 0 ? "before the first migration: nothing was changed"
                            : fmt::format("after {}, which is done and recorded", action_name(actions[next - 1])),
                  left.size(), left.size() == 1 ? " was" : "s were", fmt::join(left, ", ")));
}

void run_actions(RunContext& context, const std::vector<Action>& actions, StatementsByFile& statements,
                 MigrateReport& report) {
  const MigrateOptions& options = context.options;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const Action& action = actions[i];
    if (options.run.stop && options.run.stop->stop_requested()) stop_before(actions, i);
    const auto& file_statements = statements[{action.migration->version, action.down}];
    const bool in_transaction = runs_in_transaction(context.dialect, file_of(action));
    const auto lossy = lossy_reasons(action);
    if (options.observer) {
      options.observer->migration_started(action.migration->version, action.migration->name, action.down,
                                          static_cast<int>(file_statements.size()), action.resume_at + 1);
      if (!lossy.empty()) options.observer->down_loses_data(action.migration->version, action.migration->name, lossy);
    }
    report.runs.push_back(run_migration(context, action, file_statements, in_transaction));
    report.runs.back().lossy = lossy;
    report.runs.back().file = file_of(action).file_name;
    report.runs.back().in_transaction = in_transaction;
    if (options.observer) {
      options.observer->migration_finished(action.migration->version, action.migration->name, action.down,
                                           report.runs.back().took);
    }
  }
}

}  // namespace

MigrateReport run(Connection& connection, const std::string& url, const ServerDialect& dialect,
                  const Directory& directory, const MigrateOptions& options, const Selector& select) {
  MigrateReport report;
  report.dry_run = options.dry_run;
  History history(connection, dialect, options.run.history_table);
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
                                        &report.waited_for_lock, options.run.stop);
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
  ProgressWatcher progress(dialect, url, options.run.connect, connection.raw().backendpid(), options.observer);
  RunContext context{connection, dialect, history, lock.get(), jobs.get(), options, directory.path, &progress};
  run_actions(context, actions, statements, report);
  return report;
}

MigrateStatusReport status(Connection& connection, const ServerDialect& dialect, const std::filesystem::path& path,
                           const std::string& history_table) {
  const Directory directory = read_directory(path);
  MigrateStatusReport report;
  for (const auto& problem : verify_sum(directory)) {
    report.sum_problems.push_back(problem.line > 0
                                      ? fmt::format("{}:{}: {}", problem.file_name, problem.line, problem.message)
                                      : fmt::format("{}: {}", problem.file_name, problem.message));
  }
  History history(connection, dialect, history_table);
  report.migrations = migration_states(directory, history.read());
  return report;
}

}  // namespace strata::migrations
