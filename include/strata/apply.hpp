// Changing a live database into the declared schema: plan, check hazards, run, verify.
#pragma once

#include <chrono>
#include <functional>
#include <set>
#include <string>

#include "strata/connect.hpp"
#include "strata/errors.hpp"
#include "strata/plan.hpp"
#include "strata/schema.hpp"

namespace strata {

// Progress of an apply, for a terminal or a log. Every method has a default that does nothing.
class ApplyObserver {
 public:
  virtual ~ApplyObserver() = default;
  virtual void waiting_for_lock(const std::string& holder, std::chrono::seconds waited) {
    (void)holder;
    (void)waited;
  }
  virtual void step_started(std::size_t index, std::size_t total, const Step& step) {
    (void)index;
    (void)total;
    (void)step;
  }
  virtual void step_finished(std::size_t index, std::size_t total, const Step& step, std::chrono::milliseconds took) {
    (void)index;
    (void)total;
    (void)step;
    (void)took;
  }
  // A line about the schema-change jobs a step waits for (CockroachDB).
  virtual void job_progress(const std::string& line) { (void)line; }
  virtual void retrying(const std::string& statement, int attempt, std::chrono::milliseconds delay) {
    (void)statement;
    (void)attempt;
    (void)delay;
  }
};

// Which lock keeps two strata apart: the dialect's choice (PostgreSQL's advisory lock, a lease row
// on CockroachDB), or one of them on purpose.
enum class LockKind { Auto, Advisory, Lease };

struct ApplyOptions {
  LockKind lock = LockKind::Auto;
  std::chrono::seconds lease{30};                   // lease lock: expires this long after the last heartbeat
  std::set<HazardKind> allowed_hazards;             // a plan with any other hazard is refused (HazardRefused)
  bool dry_run = false;                             // plan and check, change nothing
  std::chrono::seconds lock_wait{300};              // how long to wait for another strata holding the lock
  std::chrono::seconds statement_lock_timeout{10};  // lock_timeout for each DDL statement (0: none)
  int max_retries = 5;                              // for serialization failures (SQLSTATE 40001)
  std::chrono::seconds job_timeout{3600};           // CockroachDB: how long one step's schema-change jobs may take
  // Called with the plan before anything runs; returning false stops with nothing changed.
  std::function<bool(const Plan&)> confirm;
  ApplyObserver* observer = nullptr;
  ConnectOptions connect;  // connect and statement timeouts
};

struct ApplyResult {
  Plan plan;
  bool applied = false;  // false: nothing to do, a dry run, or not confirmed
  bool confirmed = true;
};

// A plan with hazards that were not allowed. Nothing was changed. (Exit code 1.)
class HazardRefused : public FindingsError {
 public:
  HazardRefused(const std::string& message, std::set<HazardKind> refused);
  const std::set<HazardKind>& refused() const { return refused_; }

 private:
  std::set<HazardKind> refused_;
};

// Connects to `url`, takes strata's lock, reads the live schema (the namespaces `declared`
// uses), plans, refuses hazards not allowed, asks `confirm`, runs the steps in order, reads the
// schema again and fails (DatabaseError) if it still differs from `declared`. A failed step
// stops the run with the statement and the server's message; a second apply continues from
// what the first left.
ApplyResult apply_schema(const std::string& url, const Schema& declared, const ApplyOptions& options);

// The plan only (read-only: no lock).
Plan plan_schema(const std::string& url, const Schema& declared, const ConnectOptions& connect = {});

}  // namespace strata
