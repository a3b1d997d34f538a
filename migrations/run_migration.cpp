#include "migrations/run_migration.hpp"
#include "engine/db/sqlstate.hpp"

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/retry.hpp"
#include "engine/exec/progress_watcher.hpp"
#include "engine/lock/lock.hpp"

namespace strata::migrations {

namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

const MigrationFile& file_of(const Action& action) {
  return action.down ? *action.migration->down : action.migration->up;
}

std::string path_of(const RunContext& context, const Action& action) {
  return (context.directory / file_of(action).file_name).string();
}

// Runs `work(tx)` in a transaction that first checks the lock is still held, retrying
// serialization failures. `what` names the statement for errors.
template <typename Work>
void fenced(RunContext& context, const std::string& what, Work&& work) {
  with_retries(what, context.options.run.max_retries, context.options.observer, [&] {
    try {
      pqxx::work tx(context.connection.raw());
      if (context.lock) context.lock->check_held(tx);
      work(tx);
      tx.commit();
    } catch (const strata::Error&) {
      throw;
    } catch (const std::exception& error) {
      context.connection.rethrow(error, what);
    }
  });
}

ProgressWatcher::Watch watch_progress(RunContext& context, const std::vector<std::string>& statements) {
  return context.progress ? context.progress->watch(statements) : ProgressWatcher::Watch();
}

void record(RunContext& context, const HistoryRow& row) {
  fenced(context, "writing " + context.history.table().display(),
         [&](pqxx::work& tx) { context.history.write(tx, row); });
}

// The row a run starts from: the history's own when resuming a half-done file.
HistoryRow base_row(const Action& action, int total) {
  HistoryRow row;
  const bool resuming =
      action.row && (action.row->state == RowState::Partial || action.row->state == RowState::Reverting);
  if (resuming) row = *action.row;
  row.version = action.migration->version;
  row.name = action.migration->name;
  row.checksum = action.migration->up.checksum;
  row.statements_total = total;
  row.error.clear();
  row.finished = false;
  row.duration_ms.reset();
  if (!resuming) {
    row.started_at.clear();
    row.jobs.clear();
  }
  return row;
}

[[noreturn]] void fail(const RunContext& context, const Action& action, const std::vector<Statement>& statements,
                       std::size_t index, const DatabaseError& error, const std::string& outcome) {
  const std::string file = path_of(context, action);
  const Statement& statement = statements[index];
  throw MigrationFailed(fmt::format("{}:{}: statement {} of {} failed: {}\n{}", file, statement.line, index + 1,
                                    statements.size(), error.what(), outcome),
                        statement.sql, error.sqlstate(), file, statement.line);
}

MigrationRun run_in_transaction(RunContext& context, const Action& action, const std::vector<Statement>& statements) {
  const auto start = Clock::now();
  const int total = static_cast<int>(statements.size());
  std::optional<std::size_t> current;
  try {
    std::vector<std::string> sql;
    for (const auto& statement : statements) sql.push_back(statement.sql);
    const auto watch = watch_progress(context, sql);
    fenced(context, file_of(action).file_name, [&](pqxx::work& tx) {
      for (std::size_t i = 0; i < statements.size(); ++i) {
        current = i;
        try {
          tx.exec(statements[i].sql);
        } catch (const std::exception& error) {
          context.connection.rethrow(error, statements[i].sql);
        }
      }
      current.reset();
      if (action.down) {
        context.history.remove(tx, action.migration->version);
      } else {
        HistoryRow row = base_row(action, total);
        row.state = RowState::Applied;
        row.statements_applied = total;
        row.prefix_checksum = prefix_checksum(statements, total);
        row.finished = true;
        row.duration_ms = since(start).count();
        context.history.write(tx, row);
      }
    });
  } catch (const LockLost&) {
    throw;
  } catch (const ConnectionError&) {
    throw;  // whether COMMIT arrived is in the history: it commits with the statements
  } catch (const DatabaseError& error) {
    if (!current) throw;  // the history write itself
    if (action.down) {
      fail(context, action, statements, *current, error,
           "The down file was rolled back: none of it took effect, and the migration stays applied.");
    }
    HistoryRow row = base_row(action, total);
    row.state = RowState::Failed;
    row.statements_applied = 0;
    row.finished = true;
    row.duration_ms = since(start).count();
    row.error = error.what();
    record(context, row);
    fail(context, action, statements, *current, error,
         "The file was rolled back: none of it took effect. Fix it, run `strata migrate hash`, and run "
         "`strata migrate up` again.");
  }
  return MigrationRun{
      action.migration->version, action.migration->name, action.down, total, 0, since(start), {}, {}, true, {}, {}};
}

// The statement, cut to what a message shows.
std::string shown(const std::string& sql) {
  constexpr std::size_t kShown = 400;
  return sql.size() > kShown ? sql.substr(0, kShown) + " ..." : sql;
}

// Stops the run at an interrupted statement a user must decide on, noting why in the history row
// (`strata migrate status` shows it).
[[noreturn]] void stop_interrupted(RunContext& context, HistoryRow& row, const InterruptedFinding& finding,
                                   const std::string& message) {
  row.error = finding.detail.empty()
                  ? "interrupted: begun outside a transaction by a strata that stopped; nothing tells whether it took "
                    "effect (--interrupted=retry|skip decides)"
                  : "interrupted: " + finding.detail;
  record(context, row);
  throw MigrationInterrupted(message);
}

// A statement a strata that died had begun: did it take effect? The jobs it started tell
// (CockroachDB), or the catalog (an index build on PostgreSQL), or else the user
// (MigrateOptions::interrupted).
void resolve_interrupted(RunContext& context, const Action& action, const std::vector<Statement>& statements,
                         HistoryRow& row) {
  const int k = *action.row->statement_started;
  if (k < 1 || k > static_cast<int>(statements.size())) {
    throw MigrationInterrupted(fmt::format("{}: the history says statement {} was interrupted, but the file has {}",
                                           path_of(context, action), k, statements.size()));
  }
  const Statement& statement = statements[static_cast<std::size_t>(k - 1)];
  const std::string where =
      fmt::format("{}:{}: statement {} of {}", path_of(context, action), statement.line, k, statements.size());
  std::optional<bool> took_effect;
  if (context.jobs) took_effect = context.jobs->outcome_since(action.row->statement_started_at);
  InterruptedFinding finding;
  if (!took_effect) {
    finding = context.dialect.interrupted_statement(context.connection, statement.sql);
    took_effect = finding.took_effect;
  }
  const std::string found = finding.detail.empty() ? "" : "\n" + finding.detail + ".";
  if (!took_effect) {
    switch (context.options.interrupted) {
      case InterruptedStatement::Retry:
        if (finding.skip_refused && finding.before_retry.empty()) {
          stop_interrupted(context, row, finding, fmt::format("{} cannot be retried yet.{}", where, found));
        }
        for (const auto& cleanup : finding.before_retry) {
          if (context.lock) context.lock->check_held(context.connection);
          context.connection.exec(cleanup);
        }
        took_effect = false;
        break;
      case InterruptedStatement::Skip:
        if (finding.skip_refused) {
          stop_interrupted(context, row, finding,
                           fmt::format("{} cannot be skipped: it did not take effect as a whole.{}\nThe statement:\n{}",
                                       where, found, shown(statement.sql)));
        }
        took_effect = true;
        break;
      case InterruptedStatement::Stop:
        stop_interrupted(
            context, row, finding,
            fmt::format("{} was started at {} by a strata that stopped before it learned whether the statement "
                        "took effect; it ran outside a transaction{}.{}\nThe statement:\n{}\n"
                        "Look at the database: if the statement took effect, run `strata migrate {} "
                        "--interrupted=skip`; if not, `--interrupted=retry` runs it again.",
                        where, action.row->statement_started_at,
                        finding.detail.empty() ? " and left no schema-change job to tell by" : "", found,
                        shown(statement.sql), action.down ? "down" : "up"));
    }
  }
  row.statements_applied = *took_effect ? k : k - 1;
  row.statement_started.reset();
  row.error.clear();
}

// PostgreSQL: the statement and its count commit together. False when it cannot run in a
// transaction block (CREATE INDEX CONCURRENTLY and the like: SQLSTATE 25001), so it must run alone.
template <typename Count>
bool run_with_its_count(RunContext& context, const Statement& statement, HistoryRow& row, Count&& count) {
  try {
    const auto watch = watch_progress(context, {statement.sql});
    fenced(context, statement.sql, [&](pqxx::work& tx) {
      try {
        tx.exec(statement.sql);
      } catch (const std::exception& error) {
        context.connection.rethrow(error, statement.sql);
      }
      HistoryRow next = row;
      count(next);
      context.history.write(tx, next);
    });
    count(row);
    return true;
  } catch (const DatabaseError& error) {
    if (error.sqlstate() != sqlstate::kActiveSqlTransaction) throw;
    return false;
  }
}

// A statement on its own: noted as started, run (and its schema-change jobs waited for), counted.
template <typename Count>
void run_alone(RunContext& context, const Action& action, const Statement& statement, int counted, HistoryRow& row,
               Count&& count) {
  row.statement_started = counted;
  record(context, row);
  if (context.lock) context.lock->check_held(context.connection);
  {
    const auto watch = watch_progress(context, {statement.sql});
    with_retries(statement.sql, context.options.run.max_retries, context.options.observer,
                 [&] { context.connection.exec(statement.sql); });
  }
  if (context.jobs) {
    context.jobs->after_step(
        Step{fmt::format("{}:{}", file_of(action).file_name, statement.line), {statement.sql}, {}, false});
    const auto jobs = context.jobs->last_step_jobs();
    row.jobs.insert(row.jobs.end(), jobs.begin(), jobs.end());
  }
  row.statement_started.reset();
  count(row);
  record(context, row);
}

// The end of a file run statement by statement: the row of a down file goes, an up file's is applied.
void finish_file(RunContext& context, const Action& action, HistoryRow& row, Clock::time_point start) {
  if (action.down) {
    fenced(context, "writing " + context.history.table().display(),
           [&](pqxx::work& tx) { context.history.remove(tx, action.migration->version); });
  } else {
    row.state = RowState::Applied;
    row.finished = true;
    row.duration_ms = since(start).count();
    record(context, row);
  }
}

MigrationRun run_statement_by_statement(RunContext& context, const Action& action,
                                        const std::vector<Statement>& statements) {
  const auto start = Clock::now();
  const int total = static_cast<int>(statements.size());
  HistoryRow row = base_row(action, total);
  row.state = action.down ? RowState::Reverting : RowState::Partial;
  row.statements_applied = action.resume_at;
  const bool interrupted = action.row && action.row->statement_started;
  if (interrupted) resolve_interrupted(context, action, statements, row);
  const int first = row.statements_applied;
  // Retrying a statement a killed strata left unconfirmed: if it fails now, it may still have taken
  // effect then, so the note stays for a later --interrupted=skip.
  const bool retrying_interrupted = interrupted && first == *action.row->statement_started - 1;
  record(context, row);
  if (context.jobs) context.jobs->start();
  const bool try_transaction = context.dialect.capabilities().transactional_ddl;
  for (std::size_t i = static_cast<std::size_t>(first); i < statements.size(); ++i) {
    const Statement& statement = statements[i];
    const int counted = static_cast<int>(i) + 1;
    auto count = [&](HistoryRow& r) {
      r.statements_applied = counted;
      if (!action.down) r.prefix_checksum = prefix_checksum(statements, counted);
    };
    try {
      if (!try_transaction || !run_with_its_count(context, statement, row, count)) {
        run_alone(context, action, statement, counted, row, count);
      }
    } catch (const LockLost&) {
      throw;
    } catch (const ConnectionError&) {
      throw;
    } catch (const MigrationFailed&) {
      throw;
    } catch (const DatabaseError& error) {
      if (retrying_interrupted && static_cast<int>(i) == first) {
        row.statement_started = counted;
      } else {
        row.statement_started.reset();
      }
      row.error = error.what();
      record(context, row);
      fail(context, action, statements, i, error,
           fmt::format("Statements before it took effect and are recorded ({} of {}); `strata migrate {}` resumes "
                       "at this statement{}.",
                       i, total, action.down ? "down" : "up",
                       action.down ? "" : " (it and the statements after it may be fixed first)"));
    }
  }
  finish_file(context, action, row, start);
  return MigrationRun{action.migration->version,
                      action.migration->name,
                      action.down,
                      total - first,
                      first > 0 ? first + 1 : 0,
                      since(start),
                      row.jobs,
                      {},
                      false,
                      {},
                      {}};
}

}  // namespace

MigrationRun run_migration(RunContext& context, const Action& action, const std::vector<Statement>& statements,
                           bool in_transaction) {
  return in_transaction ? run_in_transaction(context, action, statements)
                        : run_statement_by_statement(context, action, statements);
}

}  // namespace strata::migrations
