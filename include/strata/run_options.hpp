// How a run that changes a database behaves: the lock that keeps two strata apart, how long
// statements and schema-change jobs may wait, retries, and where progress goes. `apply` and
// `migrate` share these settings and their defaults, defined here once.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "strata/connect.hpp"
#include "strata/export.hpp"
#include "strata/plan.hpp"

namespace strata {

// Which lock keeps two strata apart: the dialect's choice (PostgreSQL's advisory lock, a lease row
// on CockroachDB), or one of them on purpose.
enum class LockKind { Auto, Advisory, Lease };

struct LockSettings {
  LockKind kind = LockKind::Auto;
  std::chrono::seconds wait{300};  // how long to wait for another strata holding the lock
  std::chrono::seconds lease{30};  // lease lock: expires this long after the last heartbeat
};

struct RunSettings {
  LockSettings lock;
  std::chrono::seconds statement_lock_timeout{10};  // lock_timeout for each DDL statement (0: none)
  int max_retries = 5;                              // for serialization failures (SQLSTATE 40001)
  std::chrono::seconds job_timeout{3600};           // CockroachDB: how long one step's schema-change jobs may take
  ConnectOptions connect;                           // connect and statement timeouts
};

// Progress of a run, for a terminal or a log. Every method has a default that does nothing.
class STRATA_EXPORT RunObserver {
 public:
  virtual ~RunObserver();
  virtual void waiting_for_lock(const std::string& holder, std::chrono::seconds waited);
  virtual void step_started(std::size_t index, std::size_t total, const Step& step);
  virtual void step_finished(std::size_t index, std::size_t total, const Step& step, std::chrono::milliseconds took);
  // A line about the schema-change jobs a step waits for (CockroachDB).
  virtual void job_progress(const std::string& line);
  virtual void retrying(const std::string& statement, int attempt, std::chrono::milliseconds delay);
};

// The tables strata keeps its own records in: never part of a schema it reads or plans.
inline constexpr const char* kHistoryTable = "strata_schema_history";
inline constexpr const char* kLockTable = "strata_lock";

}  // namespace strata
