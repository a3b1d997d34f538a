// apply_schema(): lock, read, plan, check, run, verify.
#include <algorithm>

#include <fmt/format.h>

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/history_table.hpp"
#include "engine/db/live_schema.hpp"
#include "engine/exec/executor.hpp"
#include "engine/exec/job_waiter.hpp"
#include "engine/exec/progress_watcher.hpp"
#include "engine/lock/lock.hpp"
#include "strata/apply.hpp"
#include "strata/diff.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

std::string hazard_list(const std::set<HazardKind>& kinds) {
  std::vector<std::string_view> names;
  for (auto kind : kinds) names.push_back(hazard_name(kind));
  return fmt::format("{}", fmt::join(names, ","));
}

void refuse_hazards(const Plan& plan, const std::set<HazardKind>& allowed) {
  std::set<HazardKind> refused;
  std::string detail;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    for (const auto& hazard : plan.steps[i].hazards) {
      if (allowed.count(hazard.kind) > 0) continue;
      refused.insert(hazard.kind);
      detail += fmt::format("\n  step {} ({}): {}: {}", i + 1, plan.steps[i].description, hazard_name(hazard.kind),
                            hazard.reason);
    }
  }
  if (refused.empty()) return;
  // The list given replaces the one allowed so far (strata.yaml's allow_hazards, or an earlier
  // --allow-hazards): the suggestion names both, so that following it refuses nothing allowed now.
  std::set<HazardKind> suggested = allowed;
  suggested.insert(refused.begin(), refused.end());
  const std::string replaces =
      allowed.empty()
          ? ""
          : fmt::format(" (the list replaces the hazards allowed now, {}, so it names them too)", hazard_list(allowed));
  throw HazardRefused(fmt::format("the plan has hazards that were not allowed; nothing was changed.{}\nTo go ahead, "
                                  "allow them by name{}: --allow-hazards {}",
                                  detail, replaces, hazard_list(suggested)),
                      refused);
}

}  // namespace

HazardRefused::HazardRefused(const std::string& message, std::set<HazardKind> refused)
    : FindingsError(message), refused_(std::move(refused)) {}

Plan plan_schema(const std::string& url, const Schema& declared, const ConnectOptions& connect,
                 const std::string& history_table) {
  Connection connection(url, connect);
  const auto dialect = detect_dialect(connection);
  return plan_changes(read_live(connection, *dialect, declared, history_table), declared, *dialect);
}

ApplyResult apply_schema(const std::string& url, const Schema& declared, const ApplyOptions& options) {
  parse_history_table(options.run.history_table);  // a bad name is bad input before anything is done
  Connection connection(url, options.run.connect);
  const auto dialect = detect_dialect(connection);
  ApplyResult result;
  std::unique_ptr<SchemaLock> lock;
  std::unique_ptr<SchemaJobs> jobs;
  if (!options.dry_run) {
    lock = acquire_schema_lock(connection, url, *dialect, options.run.lock, "strata apply", options.observer, nullptr,
                               options.run.stop);
    jobs = make_job_waiter(connection, *dialect, options.run, options.observer);
  }
  // Schema-change jobs a killed strata left running on these tables finish first (CockroachDB).
  if (jobs) {
    std::vector<QualifiedName> tables;
    for (const auto& table : declared.tables) tables.push_back(table.name);
    jobs->settle(tables);
  }
  // Read and plan under the lock: a strata that waited sees what the one before it did.
  result.plan = plan_changes(read_live(connection, *dialect, declared, options.run.history_table), declared, *dialect);
  if (result.plan.empty()) return result;
  refuse_hazards(result.plan, options.allowed_hazards);
  if (options.dry_run) return result;
  if (options.confirm && !options.confirm(result.plan)) {
    result.confirmed = false;
    return result;
  }
  ExecutorOptions executor;
  executor.statement_lock_timeout = options.run.statement_lock_timeout;
  executor.max_retries = options.run.max_retries;
  executor.observer = options.observer;
  executor.lock = lock.get();
  executor.stop = options.run.stop;
  ProgressWatcher progress(*dialect, url, options.run.connect, connection.raw().backendpid(), options.observer);
  executor.progress = &progress;
  if (jobs) {
    jobs->start();
    executor.after_step = [&](const Step& step) { jobs->after_step(step); };
  }
  execute_plan(connection, result.plan, executor);
  result.applied = true;

  const Plan remaining =
      plan_changes(read_live(connection, *dialect, declared, options.run.history_table), declared, *dialect);
  if (!remaining.empty()) {
    std::string steps;
    for (const auto& step : remaining.steps) steps += "\n  " + step.description;
    throw DatabaseError(
        "the plan ran, but the database still differs from the declared schema (a strata bug or a "
        "concurrent change); what is left:" +
            steps,
        "", "");
  }
  return result;
}

}  // namespace strata
