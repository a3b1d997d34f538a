// Waiting for CockroachDB's schema-change jobs. A schema change on CockroachDB runs as a job that
// may still be running when its statement returns (explicit transactions, a dropped connection, a
// killed migrator), so a step counts as done only once every schema-change job it started has
// succeeded. Facts used here are recorded in tests/fixtures/crdb-corpus/jobs.txt ("corpus" below).
//
// How a run uses it (see JobWaiter::after_step_hook):
//   1. before the first step, best before reading the live schema: settle_leftover_jobs(the declared
//      tables), so a job left behind by a killed migrator ends (either way) before the schema is read
//      and changed (if it returns any job, a plan made earlier should be made again);
//   2. start(): takes the first mark, on the server's clock;
//   3. after each step (ExecutorOptions::after_step): finish_step() finds the schema-change jobs
//      this user created since the mark, waits until each has succeeded, throws JobFailed for the
//      first that failed, was canceled or is being reverted (the step is then not recorded), and
//      takes the next mark.
//
// Polling, not SHOW JOBS WHEN COMPLETE: that statement holds its connection and a transaction open
// for the whole wait (re-running itself every second for up to 24 h), reports no progress, and
// returns only once a job is terminal, so a job that starts reverting could not fail the step at once.
//
// Where the rows come from: SELECT … FROM [SHOW JOBS] (every supported release, and allowed with
// allow_unsafe_internals off: SHOW statements are delegated, PR #152084), and SHOW JOB <id> for one
// job's full description (plain SHOW JOBS shortens long ones from v24.1). Neither carries the ids
// of the tables a job touches (crdb_internal.jobs' descriptor_ids is NULL from v25.1 and gone from
// v25.3): a job is matched to the tables its description names, which CockroachDB writes as the
// statement with every name fully qualified (research/jobs.md section 4). A job whose description
// names no table is not taken for a job on the tables a run touches.
//
// A user without the admin role (and without VIEWJOB) sees only the jobs they own: CockroachDB
// filters the rows, it does not raise an error. Every query here is written so that this is
// enough: the step's jobs are selected by `user_name = current_user` (the same user who ran the
// step's DDL owns its jobs), and jobs are looked up by id. For such a user "jobs already running
// on a table" are only their own: jobs of other users on the same table cannot be seen, and
// CockroachDB itself then makes the step's DDL wait for or refuse the concurrent change.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/errors.hpp"
#include "strata/plan.hpp"
#include "strata/schema.hpp"

namespace strata {
class Connection;
}

namespace strata::cockroachdb {

using JobId = std::int64_t;

// ---- job types and statuses (corpus sections 3 and 4)

// The job types strata waits for: the legacy and the declarative schema changer, and enum type
// changes. Never 'SCHEMA CHANGE GC' (it waits out the GC TTL, a day by default, before it ends)
// nor statistics jobs ('CREATE STATS', 'AUTO CREATE STATS').
inline constexpr std::string_view kSchemaChangeJobTypes[] = {"SCHEMA CHANGE", "NEW SCHEMA CHANGE",
                                                             "TYPEDESC SCHEMA CHANGE"};

// The statuses after which a job never changes again (Status.Terminal() in the corpus).
inline constexpr std::string_view kTerminalStatuses[] = {"succeeded", "failed", "canceled", "revert-failed"};

// What a status means for a waiter.
enum class JobPhase {
  Running,    // pending, running, and any status this code does not know: keep waiting
  Paused,     // paused, pause-requested: keep waiting (someone must RESUME JOB it), and say so
  Undoing,    // reverting, cancel-requested: the change is being rolled back
  Succeeded,  // succeeded
  Failed,     // failed, canceled, revert-failed: ended without the change
};

JobPhase job_phase(std::string_view status);
bool is_terminal(JobPhase phase);  // Succeeded or Failed

// ---- the SQL, as named constants (tests/unit/crdb_jobs_query_test.cpp checks every column, job
// type and status they name against the catalogue). `{jobs}` is replaced by the relation of job
// rows (JobWaitOptions::jobs), `{job}` by one job's (JobWaitOptions::job), `{ids}` by a list of
// integer job ids; $1 is the mark's text.

namespace job_queries {

// Columns used: job_id INT8, job_type STRING, description STRING, user_name STRING, status STRING,
// created TIMESTAMPTZ (truncated to whole seconds by plain SHOW JOBS from v24.1: JobWaitOptions::
// clock_slack covers it), fraction_completed FLOAT8, error STRING.
extern const char* const kStartedSince;  // job_id of this user's schema-change jobs since $1
extern const char* const kUnfinished;    // job_id of every unfinished schema-change job visible
extern const char* const kStates;        // job_id, type, description, status, fraction, error of {ids}
extern const char* const kDescription;   // description of one job ({job}), in full
// The mark: the server's clock (never the client's) minus $1 (an INTERVAL, the clock slack).
extern const char* const kMarkTime;

}  // namespace job_queries

// ---- options, state, errors

// One job as last read.
struct JobState {
  JobId id = 0;
  std::string type;
  std::string description;  // the statement, as CockroachDB re-formatted it
  std::string status;
  std::optional<double> fraction;  // 0..1; unset when the server gives none
  std::string error;               // empty when none

  JobPhase phase() const { return job_phase(status); }
};

// What the progress callback receives: after every poll, one report for each job still waited on
// (the one in which a job stops being waited on has `last` set).
struct JobProgress {
  JobState job;
  std::chrono::milliseconds waited{0};  // since this wait began
  bool changed = false;                 // status or fraction differs from the previous report (true on the first)
  bool last = false;                    // the job's final report in this wait (it ended, or the wait fails on it)
};

struct JobWaitOptions {
  // How long one wait (one step, or the leftover jobs) may take; 0 waits forever.
  std::chrono::milliseconds timeout = std::chrono::hours(1);
  // Polls start this far apart and double up to max_poll_interval.
  std::chrono::milliseconds first_poll_interval{50};
  std::chrono::milliseconds max_poll_interval{1000};
  // See JobMark. CockroachDB's default maximum clock offset between nodes is 500 ms, and plain
  // SHOW JOBS truncates `created` to whole seconds: the slack covers both.
  std::chrono::milliseconds clock_slack{1500};
  // The relations read, as SQL text (not user input); tests point them at tables of the same
  // columns on PostgreSQL. `job` holds `{id}`.
  std::string jobs = "[SHOW JOBS]";
  std::string job = "[SHOW JOB {id}]";
  // The current database: a description's three-part names are matched against it.
  std::string database;
  // Progress for a terminal or a log (see job_progress_printer). May be empty.
  std::function<void(const JobProgress&)> on_progress;
};

// Where a step's jobs begin. `since` is the server's clock when the mark was taken, minus
// JobWaitOptions::clock_slack, as the server's own TIMESTAMPTZ text; `present` holds the jobs
// created in that slack window before the mark, which are not the step's. The slack covers a
// job's `created` being taken from a different clock reading than the mark's now() (wall clock
// versus the hybrid logical clock, or another node's clock); comparing server times only, it
// never depends on the client's clock.
struct JobMark {
  std::string since;
  std::vector<JobId> present;
};

// A job the step started (or a leftover one) ended without its change, or is being undone.
// statement() is the job's description, sqlstate() is empty. Derives from DatabaseError so the
// executor names the step and the run exits with code 4.
class JobFailed : public DatabaseError {
 public:
  explicit JobFailed(JobState job);
  const JobState& job() const { return job_; }

 private:
  JobState job_;
};

// A wait ran out of time. Names every job still waited on with its status and progress. The jobs
// keep running; the step is not recorded, and the next run waits for them as leftovers.
class JobWaitTimeout : public DatabaseError {
 public:
  JobWaitTimeout(std::chrono::milliseconds timeout, std::vector<JobState> pending);
  const std::vector<JobState>& pending() const { return pending_; }

 private:
  std::vector<JobState> pending_;
};

// How a wait treats jobs that do not succeed.
enum class WaitPolicy {
  RequireSuccess,  // the step's own jobs: throw JobFailed at failed/canceled/revert-failed and at once
                   // at reverting/cancel-requested (the change is being undone)
  UntilFinished,   // leftover jobs: wait until each is terminal, whatever the outcome, and return it
};

// ---- the waiter

// Reads jobs through `connection` (the executor's own connection is fine: every query here runs
// outside any transaction). Not thread-safe; one per run.
class JobWaiter {
 public:
  JobWaiter(Connection& connection, JobWaitOptions options);

  // Takes a mark on the server's clock (two queries: kMarkTime, then the jobs in the slack window).
  JobMark mark();

  // Ids of the schema-change jobs the current user created after `mark` was taken, in id order.
  // Other users' jobs, GC and statistics jobs are never listed.
  std::vector<JobId> jobs_started_since(const JobMark& mark);

  // Ids of the unfinished schema-change jobs (any user visible) whose description names one of
  // `tables`, in id order. One query, and one more per unfinished schema-change job.
  std::vector<JobId> unfinished_jobs_on(const std::vector<QualifiedName>& tables);

  // Polls until every job of `ids` is done (see WaitPolicy), reporting progress. Returns the last
  // state of each, in the order of `ids`. Throws JobFailed (RequireSuccess), JobWaitTimeout, and
  // DatabaseError when a job is no longer listed (deleted, or not visible to this user).
  std::vector<JobState> wait(const std::vector<JobId>& ids, WaitPolicy policy);

  // ---- one run of steps

  // Waits (UntilFinished) for the unfinished schema-change jobs on `tables`; returns how they ended
  // (empty: nothing was running). Call before reading the live schema.
  std::vector<JobState> settle_leftover_jobs(const std::vector<QualifiedName>& tables);
  // Takes the mark the first step's jobs are compared with. Call just before the first step.
  void start();
  // Waits (RequireSuccess) for the jobs started since the last mark, then takes a new mark.
  // Returns their ids (the ledger records them).
  std::vector<JobId> finish_step();
  // The ids finish_step() returned last.
  const std::vector<JobId>& last_step_jobs() const { return last_step_jobs_; }
  // finish_step() as an ExecutorOptions::after_step hook (takes the first mark if start() was not
  // called; the waiter must outlive the hook).
  std::function<void(const Step&)> after_step_hook();

 private:
  std::vector<JobState> read_states(const std::vector<JobId>& ids);
  std::string description(JobId id);

  Connection& connection_;
  JobWaitOptions options_;
  std::optional<JobMark> mark_;
  std::vector<JobId> last_step_jobs_;
};

// Whether a job's description (the statement, names qualified as CockroachDB prints them) names
// `table` of `database`: db.schema.table, schema.table, or a bare name in public.
bool description_names_table(std::string_view description, const QualifiedName& table, std::string_view database);

// ---- progress display

// One plain line: `job 123 SCHEMA CHANGE running 45% (12s): CREATE INDEX ON db.public.t (x)`.
std::string format_job_progress(const JobProgress& progress);

// A progress callback. terminal = true: redraws the current job's line in place ("\r", erase to end
// of line) and ends it with a newline when the job stops being waited on. terminal = false (logs):
// a plain line on the first report of a job, when its status changes, when its fraction passes
// another 10%, and every 60 s without news. `out` must outlive the callback.
std::function<void(const JobProgress&)> job_progress_printer(std::ostream& out, bool terminal);

}  // namespace strata::cockroachdb
