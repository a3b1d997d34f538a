// CockroachDB's job system played on PostgreSQL, for the job waiter's tests: a table with the
// columns of SHOW JOBS in the newest release of the catalogue (tests/fixtures/crdb-releases), jobs
// put in it and moved through their statuses from a second connection, and a record of what the
// waiter reported, so that the script moves a job on only after the waiter saw its state before.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "dialects/cockroachdb/jobs.hpp"

namespace strata::cockroachdb::testing {

// The SHOW JOBS columns of the newest release in the catalogue, with PostgreSQL's types.
std::string show_jobs_columns();

struct FakeJob {
  JobId id = 0;
  std::string type = "SCHEMA CHANGE";
  std::string status = "running";
  std::string user_sql = "current_user";          // an SQL expression
  std::string created_sql = "clock_timestamp()";  // an SQL expression
  double fraction = 0;
  std::string description = "CREATE INDEX ON test.public.t (x)";
};

// CockroachDB's job system, played on PostgreSQL through a connection of its own.
class FakeJobs {
 public:
  explicit FakeJobs(const std::string& url);

  // Options that make a JobWaiter read the fake table, polling fast.
  JobWaitOptions options(std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;

  // The INSERT that makes `job` appear (also run by the executor as a step's statement).
  std::string insert_sql(const FakeJob& job);
  void add(const FakeJob& job) { exec(insert_sql(job)); }

  // Moves a job on.
  void set(JobId id, const std::string& status, double fraction, const std::string& error = "");
  void remove(JobId id);
  void exec(const std::string& sql);

 private:
  std::string q(const std::string& text) { return connection_.quote(text); }

  pqxx::connection connection_;
};

// Runs `script` on a thread (CockroachDB's job system moving on while strata waits); a failure
// inside it fails the test.
std::jthread in_background(std::function<void()> script);

// What the waiter has reported, for the thread that plays the job system: it moves a job on only
// once the waiter has seen the job in the state before (a wait on an explicit state, never on time).
class SeenStates {
 public:
  // A progress callback recording each report (and passing it on to `also`, when given).
  std::function<void(const JobProgress&)> recorder(std::function<void(const JobProgress&)> also = {});
  // Blocks until a report of job `id` has `status` (and `fraction`, when given). A waiter that never
  // reports it fails the test after a minute instead of hanging it.
  void await(JobId id, const std::string& status, std::optional<double> fraction = std::nullopt);

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<JobProgress> reports_;
};

}  // namespace strata::cockroachdb::testing
