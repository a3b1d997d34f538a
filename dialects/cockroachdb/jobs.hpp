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
// Where the rows come from. crdb_internal.jobs (v19.2+) has every column used here. Newer servers
// refuse crdb_internal to ordinary sessions unless allow_unsafe_internals is set (cockroachdb/
// cockroach#158085, late 2025; SQLSTATE 42501): strata never sets that escape hatch (its use is
// audited and discouraged) and falls back to information_schema.crdb_jobs_with_progress, the
// supported view, which has no descriptor_ids (see JobsCatalog).
//
// A user without the admin role (and without VIEWJOB) sees only the jobs they own in
// crdb_internal.jobs (corpus section 7; the view is assumed to filter the same way): CockroachDB
// filters the rows, it does not raise an error. Every query here is
// written so that this is enough: it reads only rows the user can see, the step's jobs are
// selected by `user_name = current_user` (the same user who ran the step's DDL owns its jobs),
// and jobs are looked up by id, so no query ever needs VIEWJOB or the admin role. For such a user
// "jobs already running on a table" are only their own: jobs of other users on the same table
// cannot be seen, and CockroachDB itself then makes the step's DDL wait for or refuse the
// concurrent change.
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
// type and status they name against the corpus). `{jobs}` is replaced by the relation
// (JobWaitOptions), `{ids}` by a list of integer job ids; $1 is the mark's text.

namespace job_queries {

// crdb_internal.jobs. Columns used: job_id INT, job_type STRING, description STRING, status STRING,
// created TIMESTAMPTZ (TIMESTAMP before v21: compared as TIMESTAMPTZ in the session time zone,
// CockroachDB's default UTC), fraction_completed FLOAT, error STRING ('' when none),
// descriptor_ids INT[], user_name STRING. All exist from v19.2 on.
extern const char* const kCrdbInternalProbe;         // every column above, no rows: fails if one is missing
extern const char* const kCrdbInternalStartedSince;  // job_id of this user's schema-change jobs since $1
extern const char* const kCrdbInternalUnfinished;    // job_id, descriptor_ids of unfinished schema-change jobs
extern const char* const kCrdbInternalStates;        // job_id, type, description, status, fraction, error

// information_schema.crdb_jobs_with_progress (newest versions): job_id bigint, job_type text,
// owner text, description text, created timestamptz, state text, error text (NULL when none),
// progress_fraction double precision. No descriptor ids.
extern const char* const kInformationSchemaStartedSince;
extern const char* const kInformationSchemaUnfinished;  // job_id, NULL
extern const char* const kInformationSchemaStates;

// The mark: the server's clock (never the client's) minus $1 (an INTERVAL, the clock slack).
extern const char* const kMarkTime;
// schema, name, descriptor id of tables. On CockroachDB a table's pg_class oid is its descriptor
// id (corpus catalog_differences.md item 21). `{schemas}` and `{names}` are quoted literal lists.
extern const char* const kTableDescriptorIds;

}  // namespace job_queries

// ---- options, state, errors

// Which relation job rows are read from.
enum class JobsCatalog {
  Auto,               // crdb_internal.jobs; information_schema if CockroachDB refuses it or lacks a column
  CrdbInternal,       // always crdb_internal.jobs (relation: JobWaitOptions::crdb_internal_jobs)
  InformationSchema,  // always the view: jobs on a table cannot be told apart (no descriptor_ids)
};

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
  // See JobMark. CockroachDB's default maximum clock offset between nodes is 500 ms.
  std::chrono::milliseconds clock_slack{1000};
  JobsCatalog catalog = JobsCatalog::Auto;
  // The relations read, as SQL text (not user input); tests point them at tables of the same
  // columns on PostgreSQL.
  std::string crdb_internal_jobs = "crdb_internal.jobs";
  std::string information_schema_jobs = "information_schema.crdb_jobs_with_progress";
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

  // The relation in use (Auto resolved on first use: probes crdb_internal.jobs once).
  JobsCatalog catalog();

  // Takes a mark on the server's clock (two queries: kMarkTime, then the jobs in the slack window).
  JobMark mark();

  // Ids of the schema-change jobs the current user created after `mark` was taken, in id order.
  // Other users' jobs, GC and statistics jobs are never listed.
  std::vector<JobId> jobs_started_since(const JobMark& mark);

  // Descriptor ids of those of `tables` that exist (missing ones are skipped: the plan may create them).
  std::vector<std::int64_t> table_descriptor_ids(const std::vector<QualifiedName>& tables);

  // Ids of unfinished schema-change jobs (any visible user) whose descriptor_ids include one of
  // `descriptor_ids`. With the information_schema view, every unfinished schema-change job visible.
  std::vector<JobId> unfinished_jobs_on(const std::vector<std::int64_t>& descriptor_ids);

  // Polls until every job of `ids` is done (see WaitPolicy), reporting progress. Returns the last
  // state of each, in the order of `ids`. Throws JobFailed (RequireSuccess), JobWaitTimeout, and
  // DatabaseError when a job is no longer listed (deleted, or not visible to this user).
  std::vector<JobState> wait(const std::vector<JobId>& ids, WaitPolicy policy);

  // ---- one run of steps

  // Waits (UntilFinished) for the unfinished schema-change jobs on those of `tables` that exist;
  // returns how they ended (empty: nothing was running). Call before reading the live schema.
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
  std::string relation();
  std::vector<JobState> read_states(const std::vector<JobId>& ids);

  Connection& connection_;
  JobWaitOptions options_;
  JobsCatalog resolved_ = JobsCatalog::Auto;
  std::optional<JobMark> mark_;
  std::vector<JobId> last_step_jobs_;
};

// ---- progress display

// One plain line: `job 123 SCHEMA CHANGE running 45% (12s): CREATE INDEX ON db.public.t (x)`.
std::string format_job_progress(const JobProgress& progress);

// A progress callback. terminal = true: redraws the current job's line in place ("\r", erase to end
// of line) and ends it with a newline when the job stops being waited on. terminal = false (logs):
// a plain line on the first report of a job, when its status changes, when its fraction passes
// another 10%, and every 60 s without news. `out` must outlive the callback.
std::function<void(const JobProgress&)> job_progress_printer(std::ostream& out, bool terminal);

}  // namespace strata::cockroachdb
