#include "engine/executor.hpp"

#include <random>
#include <thread>

#include <fmt/format.h>

#include "engine/connection.hpp"
#include "engine/lock.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

bool is_retryable(const DatabaseError& error) {
  return error.sqlstate() == "40001" || error.sqlstate() == "40P01";  // serialization failure, deadlock
}

std::chrono::milliseconds backoff(int attempt) {
  static thread_local std::mt19937 random{std::random_device{}()};
  const int base = std::min(2000, 50 << std::min(attempt, 6));
  return std::chrono::milliseconds(base / 2 + std::uniform_int_distribution<int>(0, base / 2)(random));
}

// Runs `work` and retries it on a serialization failure, with exponential backoff and jitter.
template <typename Work>
void with_retries(const std::string& what, const ExecutorOptions& options, Work&& work) {
  for (int attempt = 1;; ++attempt) {
    try {
      work();
      return;
    } catch (const DatabaseError& error) {
      if (!is_retryable(error) || attempt > options.max_retries) throw;
      const auto delay = backoff(attempt);
      if (options.observer) options.observer->retrying(what, attempt, delay);
      std::this_thread::sleep_for(delay);
    }
  }
}

void run_step(Connection& connection, const Step& step, const ExecutorOptions& options) {
  if (step.transactional) {
    with_retries(step.description, options, [&] {
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
    with_retries(statement, options, [&] { connection.exec(statement); });
  }
}

}  // namespace

void execute_plan(Connection& connection, const Plan& plan, const ExecutorOptions& options) {
  if (options.statement_lock_timeout.count() > 0) {
    // A DDL statement waiting for its lock blocks every query queued behind it: give up instead.
    connection.exec(fmt::format("SET lock_timeout = '{}s'", options.statement_lock_timeout.count()));
  }
  const std::size_t total = plan.steps.size();
  for (std::size_t i = 0; i < total; ++i) {
    const Step& step = plan.steps[i];
    if (options.observer) options.observer->step_started(i + 1, total, step);
    const auto start = std::chrono::steady_clock::now();
    try {
      run_step(connection, step, options);
      if (options.after_step) options.after_step(step);
    } catch (const DatabaseError& error) {
      throw DatabaseError(fmt::format("step {} of {} ({}) failed: {}", i + 1, total, step.description, error.what()),
                          error.statement(), error.sqlstate());
    }
    if (options.observer) {
      options.observer->step_finished(
          i + 1, total, step,
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start));
    }
  }
}

}  // namespace strata
