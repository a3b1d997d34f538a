// The executor: the only code that writes a schema change to a database. Runs a plan's steps in
// order, a transaction per step where the step allows it, retrying serialization failures.
#pragma once

#include <chrono>
#include <functional>

#include "strata/plan.hpp"
#include "strata/run_options.hpp"

namespace strata {

class Connection;
class ProgressWatcher;
class SchemaLock;

struct ExecutorOptions {
  std::chrono::seconds statement_lock_timeout = RunSettings{}.statement_lock_timeout;
  int max_retries = RunSettings{}.max_retries;
  RunObserver* observer = nullptr;
  // Runs after each step's statements, before the step counts as done (CockroachDB waits for
  // the step's schema-change jobs here). Throws to fail the step.
  std::function<void(const Step&)> after_step;
  // The lock this run holds: checked before every statement (inside the step's transaction when
  // it has one), so a strata that lost its lease stops before its next statement.
  const SchemaLock* lock = nullptr;
  // Asked before each step: when set, the run stops there (RunStopped naming the steps left).
  const StopToken* stop = nullptr;
  // Polls the server for the progress of statements it reports on (index builds) while they run.
  ProgressWatcher* progress = nullptr;
};

// Throws DatabaseError naming the step, the statement, the server's message and SQLSTATE, or
// ConnectionError when the connection is lost. Steps before the failing one stay applied. Throws
// RunStopped when `options.stop` asks, before the next step.
void execute_plan(Connection& connection, const Plan& plan, const ExecutorOptions& options);

}  // namespace strata
