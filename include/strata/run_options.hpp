// How a run that changes a database behaves: the lock that keeps two strata apart, how long
// statements and schema-change jobs may wait, retries, and where progress goes. `apply` and
// `migrate` share these settings and their defaults, defined here once.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "strata/connect.hpp"
#include "strata/errors.hpp"
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

// The tables strata keeps its own records in: never part of a schema it reads or plans. The
// history table's name may be changed (RunSettings::history_table); the lock table's may not.
inline constexpr const char* kHistoryTable = "strata_schema_history";
inline constexpr const char* kLockTable = "strata_lock";

// A request that a run stop at its next safe point: between two steps of apply, between two
// migrations, or while it waits for strata's lock. What ran before is applied and recorded; the
// run then throws RunStopped saying what was left. request_stop() may be called from any thread,
// and from a signal handler (it only stores to a lock-free atomic).
class StopToken {
 public:
  void request_stop() noexcept { requested_.store(true, std::memory_order_relaxed); }
  bool stop_requested() const noexcept { return requested_.load(std::memory_order_relaxed); }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler must be able to set it");
  std::atomic<bool> requested_{false};
};

// The run stopped because its StopToken asked it to. The message says what ran and what was left.
class STRATA_EXPORT RunStopped : public Error {
 public:
  using Error::Error;
};

struct RunSettings {
  LockSettings lock;
  std::chrono::seconds statement_lock_timeout{10};  // lock_timeout for each DDL statement (0: none)
  int max_retries = 5;                              // for serialization failures (SQLSTATE 40001)
  std::chrono::seconds job_timeout{3600};           // CockroachDB: how long one step's schema-change jobs may take
  ConnectOptions connect;                           // connect and statement timeouts
  // The history table of versioned migrations: a table name, optionally schema-qualified
  // ("ops.schema_history"), lower-case letters, digits, '_' and '$'. apply leaves it alone too.
  std::string history_table = kHistoryTable;
  // Asked between steps and migrations (nullptr: never stop early). Not owned; it must outlive the run.
  const StopToken* stop = nullptr;
};

// The progress of an index build as the server reports it while the statement runs (PostgreSQL:
// pg_stat_progress_create_index). Counts are 0 when the phase has none.
struct IndexBuildProgress {
  std::string statement;  // the statement building the index
  std::string phase;      // e.g. "building index: scanning table", "waiting for writers before build"
  std::int64_t blocks_done = 0;
  std::int64_t blocks_total = 0;
  std::int64_t tuples_done = 0;
  std::int64_t tuples_total = 0;
  std::int64_t lockers_done = 0;  // the waiting phases: sessions waited for so far, and in all
  std::int64_t lockers_total = 0;

  friend bool operator==(const IndexBuildProgress&, const IndexBuildProgress&) = default;
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
  // An index build's progress (PostgreSQL), reported while its statement runs, when it changed.
  virtual void index_build_progress(const IndexBuildProgress& progress);
};

}  // namespace strata
