#include "engine/exec/executor.hpp"

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/retry.hpp"
#include "engine/exec/progress_watcher.hpp"
#include "engine/lock/lock.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

void run_step(Connection& connection, const Step& step, const ExecutorOptions& options) {
  if (step.transactional) {
    with_retries(step.description, options.max_retries, options.observer, [&] {
      std::string current;
      try {
        pqxx::work tx(connection.raw());
        if (options.lock) options.lock->check_held(tx);
        for (const auto& statement : step.statements) {
          current = statement;
          tx.exec(statement);
        }
        current = "COMMIT";
        tx.commit();
      } catch (const LockLost&) {
        throw;
      } catch (const std::exception& error) {
        connection.rethrow(error, current);
      }
    });
    return;
  }
  for (const auto& statement : step.statements) {
    if (options.lock) options.lock->check_held(connection);
    with_retries(statement, options.max_retries, options.observer, [&] { connection.exec(statement); });
  }
}

[[noreturn]] void stop_before(const Plan& plan, std::size_t next) {
  std::string left;
  for (std::size_t i = next; i < plan.steps.size(); ++i) {
    left += fmt::format("\n  step {}: {}", i + 1, plan.steps[i].description);
  }
  const std::size_t count = plan.steps.size() - next;
  throw RunStopped(
      fmt::format("stopped on request {}; {} step{} of {} {} not run:{}\nRun the same command again to "
                  "go on from there.",
                  next == 0 ? "before the first step: nothing was changed"
                            : fmt::format("after step {} of {}, which is applied", next, plan.steps.size()),
                  count, count == 1 ? "" : "s", plan.steps.size(), count == 1 ? "was" : "were", left));
}

}  // namespace

void execute_plan(Connection& connection, const Plan& plan, const ExecutorOptions& options) {
  if (options.statement_lock_timeout.count() > 0) {
    // A DDL statement waiting for its lock blocks every query queued behind it: give up instead.
    connection.set_lock_timeout(options.statement_lock_timeout);
  }
  const std::size_t total = plan.steps.size();
  for (std::size_t i = 0; i < total; ++i) {
    const Step& step = plan.steps[i];
    if (options.stop && options.stop->stop_requested()) stop_before(plan, i);
    if (options.observer) options.observer->step_started(i + 1, total, step);
    const auto start = std::chrono::steady_clock::now();
    try {
      const auto watch = options.progress ? options.progress->watch(step.statements) : ProgressWatcher::Watch();
      run_step(connection, step, options);
      if (options.after_step) options.after_step(step);
    } catch (const DatabaseError& error) {
      throw DatabaseError(fmt::format("step {} of {} ({}) failed: {}", i + 1, total, step.description, error.what()),
                          error.statement(), error.sqlstate());
    } catch (const ConnectionError& error) {
      throw ConnectionError(fmt::format("step {} of {} ({}): {}", i + 1, total, step.description, error.what()));
    }
    if (options.observer) {
      options.observer->step_finished(
          i + 1, total, step,
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start));
    }
  }
}

}  // namespace strata
