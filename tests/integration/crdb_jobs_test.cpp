// The job waiter on the real PostgreSQL, against a table with the columns of CockroachDB's SHOW
// JOBS (from the release catalogue, tests/fixtures/crdb-releases). A second connection plays
// CockroachDB's job system: it inserts jobs and moves them through their statuses, from a thread,
// while the waiter polls. The last test runs a real index build on the CockroachDB of
// STRATA_TEST_CRDB_URL.
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "dialects/cockroachdb/jobs.hpp"
#include "engine/db/connection.hpp"
#include "engine/exec/executor.hpp"
#include "support/test_database.hpp"

namespace strata::cockroachdb {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using strata::testing::TestDatabase;
using Clock = std::chrono::steady_clock;

// ---- the fake table, column for column from the catalogue

// The SHOW JOBS columns of the newest release in the catalogue, with PostgreSQL's types.
std::string show_jobs_columns() {
  const fs::path catalogue = fs::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-releases";
  std::ifstream in(catalogue / "v26.3.json");
  const auto release = nlohmann::json::parse(in);
  const std::map<std::string, std::string> pg = {{"INT8", "bigint"},
                                                 {"STRING", "text"},
                                                 {"FLOAT8", "double precision"},
                                                 {"TIMESTAMPTZ", "timestamptz"},
                                                 {"TIMESTAMP", "timestamp"},
                                                 {"DECIMAL", "numeric"},
                                                 {"INTERVAL", "interval"}};
  std::vector<std::string> columns;
  for (const auto& column : release.at("show").at("SHOW JOBS").at("columns")) {
    columns.push_back(column.at(0).get<std::string>() + " " + pg.at(column.at(1).get<std::string>()));
  }
  return fmt::format("{}", fmt::join(columns, ", "));
}

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
  explicit FakeJobs(const std::string& url) : connection_(url) {
    exec("CREATE TABLE fake_show_jobs (" + show_jobs_columns() + ")");
  }

  JobWaitOptions options(std::chrono::milliseconds timeout = 5s) const {
    JobWaitOptions options;
    options.timeout = timeout;
    options.first_poll_interval = 10ms;
    options.max_poll_interval = 50ms;
    options.jobs = "fake_show_jobs";
    options.job = "(SELECT * FROM fake_show_jobs WHERE job_id = {id}) AS j";
    options.database = "test";
    return options;
  }

  // The INSERT that makes `job` appear (also run by the executor as a step's statement).
  std::string insert_sql(const FakeJob& job) {
    return fmt::format(
        "INSERT INTO fake_show_jobs (job_id, job_type, description, user_name, status, created, fraction_completed, "
        "error) VALUES ({}, {}, {}, {}, {}, {}, {}, '')",
        job.id, q(job.type), q(job.description), job.user_sql, q(job.status), job.created_sql, job.fraction);
  }
  void add(const FakeJob& job) { exec(insert_sql(job)); }

  // Moves a job on.
  void set(JobId id, const std::string& status, double fraction, const std::string& error = "") {
    exec(
        fmt::format("UPDATE fake_show_jobs SET status = {}, fraction_completed = {}, error = {}, finished = CASE "
                    "WHEN {} IN ('succeeded', 'failed', 'canceled', 'revert-failed') THEN clock_timestamp() END "
                    "WHERE job_id = {}",
                    q(status), fraction, q(error), q(status), id));
  }
  void remove(JobId id) { exec(fmt::format("DELETE FROM fake_show_jobs WHERE job_id = {}", id)); }
  void exec(const std::string& sql) {
    pqxx::nontransaction tx(connection_);
    tx.exec0(sql);
  }

 private:
  std::string q(const std::string& text) { return connection_.quote(text); }

  pqxx::connection connection_;
};

// Runs `script` on a thread (CockroachDB's job system moving on while strata waits); a failure
// inside it fails the test.
std::jthread in_background(std::function<void()> script) {
  return std::jthread([script = std::move(script)] {
    try {
      script();
    } catch (const std::exception& error) {
      ADD_FAILURE() << "the fake job system failed: " << error.what();
    }
  });
}

// What the waiter has reported, for the thread that plays the job system: it moves a job on only
// once the waiter has seen the job in the state before (a wait on an explicit state, never on time).
class SeenStates {
 public:
  // A progress callback recording each report (and passing it on to `also`, when given).
  std::function<void(const JobProgress&)> recorder(std::function<void(const JobProgress&)> also = {}) {
    return [this, also = std::move(also)](const JobProgress& progress) {
      {
        const std::lock_guard lock(mutex_);
        reports_.push_back(progress);
      }
      changed_.notify_all();
      if (also) also(progress);
    };
  }
  // Blocks until a report of job `id` has `status` (and `fraction`, when given). A waiter that never
  // reports it fails the test after a minute instead of hanging it.
  void await(JobId id, const std::string& status, std::optional<double> fraction = std::nullopt) {
    std::unique_lock lock(mutex_);
    const bool seen = changed_.wait_for(lock, 60s, [&] {
      return std::any_of(reports_.begin(), reports_.end(), [&](const JobProgress& p) {
        return p.job.id == id && p.job.status == status && (!fraction || p.job.fraction == fraction);
      });
    });
    if (!seen) throw std::runtime_error(fmt::format("the waiter never reported job {} as {}", id, status));
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<JobProgress> reports_;
};

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---- a step's own jobs

class CrdbJobsWait : public ::testing::Test {
 protected:
  TestDatabase db_;
  FakeJobs fake_{db_.url()};
  Connection connection_{db_.url()};
};

TEST_F(CrdbJobsWait, StepJobThatSucceedsIsWaitedForWithProgress) {
  std::vector<JobProgress> seen;
  SeenStates gate;
  auto options = fake_.options();
  options.on_progress = gate.recorder([&](const JobProgress& progress) { seen.push_back(progress); });
  JobWaiter waiter(connection_, options);
  const JobMark mark = waiter.mark();
  fake_.add({.id = 101});
  const auto ids = waiter.jobs_started_since(mark);
  ASSERT_EQ(ids, std::vector<JobId>{101});

  auto driver = in_background([&] {
    gate.await(101, "running", 0.0);
    fake_.set(101, "running", 0.5);
    gate.await(101, "running", 0.5);
    fake_.set(101, "succeeded", 1.0);
  });
  const auto states = waiter.wait(ids, WaitPolicy::RequireSuccess);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].status, "succeeded");
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](const JobProgress& p) {
    return p.changed && p.job.status == "running" && p.job.fraction == 0.5;
  }));
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().job.status, "succeeded");
  EXPECT_TRUE(seen.back().last);
  EXPECT_EQ(std::count_if(seen.begin(), seen.end(), [](const JobProgress& p) { return p.last; }), 1);
}

TEST_F(CrdbJobsWait, FailedJobFailsTheStepWithItsIdAndError) {
  SeenStates gate;
  auto options = fake_.options();
  options.on_progress = gate.recorder();
  JobWaiter waiter(connection_, options);
  const JobMark mark = waiter.mark();
  fake_.add({.id = 102});
  auto driver = in_background([&] {
    gate.await(102, "running");
    fake_.set(102, "failed", 0.2, "duplicate key value violates unique constraint \"t_x_key\"");
  });
  try {
    waiter.wait(waiter.jobs_started_since(mark), WaitPolicy::RequireSuccess);
    FAIL() << "a failed job must fail the wait";
  } catch (const JobFailed& error) {
    EXPECT_EQ(error.job().id, 102);
    EXPECT_EQ(error.job().status, "failed");
    EXPECT_TRUE(contains(error.what(), "job 102")) << error.what();
    EXPECT_TRUE(contains(error.what(), "violates unique constraint \"t_x_key\"")) << error.what();
    EXPECT_EQ(error.statement(), "CREATE INDEX ON test.public.t (x)");
  }
}

TEST_F(CrdbJobsWait, RevertingJobFailsAtOnceWithoutWaitingForTheRevert) {
  SeenStates gate;
  auto options = fake_.options(1h);  // a wait that ended by timing out would fail the test below
  options.on_progress = gate.recorder();
  JobWaiter waiter(connection_, options);
  const JobMark mark = waiter.mark();
  fake_.add({.id = 103});
  auto driver = in_background([&] {
    gate.await(103, "running");
    fake_.set(103, "reverting", 0.4, "validation of CHECK \"x > 0\" failed on row: x=-1");  // and stays reverting
  });
  try {
    waiter.wait(waiter.jobs_started_since(mark), WaitPolicy::RequireSuccess);
    FAIL() << "a reverting job must fail the wait";
  } catch (const JobFailed& error) {  // not JobWaitTimeout: it did not wait for the revert to end
    EXPECT_EQ(error.job().status, "reverting");
    EXPECT_TRUE(contains(error.what(), "job 103")) << error.what();
    EXPECT_TRUE(contains(error.what(), "undoing the change")) << error.what();
    EXPECT_TRUE(contains(error.what(), "validation of CHECK")) << error.what();
  }
}

TEST_F(CrdbJobsWait, CanceledJobFailsTheStep) {
  SeenStates gate;
  auto options = fake_.options();
  options.on_progress = gate.recorder();
  JobWaiter waiter(connection_, options);
  const JobMark mark = waiter.mark();
  fake_.add({.id = 104});
  auto driver = in_background([&] {
    gate.await(104, "running");
    fake_.set(104, "canceled", 0.1);
  });
  try {
    waiter.wait(waiter.jobs_started_since(mark), WaitPolicy::RequireSuccess);
    FAIL() << "a canceled job must fail the wait";
  } catch (const JobFailed& error) {
    EXPECT_EQ(error.job().id, 104);
    EXPECT_TRUE(contains(error.what(), "job 104")) << error.what();
    EXPECT_TRUE(contains(error.what(), "was canceled")) << error.what();
  }
}

TEST_F(CrdbJobsWait, StalledJobTimesOutNamingIt) {
  JobWaiter waiter(connection_, fake_.options(400ms));
  const JobMark mark = waiter.mark();
  fake_.add({.id = 105, .fraction = 0.3});
  const auto start = Clock::now();
  try {
    waiter.wait(waiter.jobs_started_since(mark), WaitPolicy::RequireSuccess);
    FAIL() << "a job that never ends must time out";
  } catch (const JobWaitTimeout& error) {
    ASSERT_EQ(error.pending().size(), 1u);
    EXPECT_EQ(error.pending()[0].id, 105);
    EXPECT_TRUE(contains(error.what(), "timed out after 400ms")) << error.what();
    EXPECT_TRUE(contains(error.what(), "job 105 (SCHEMA CHANGE, running, 30%")) << error.what();
  }
  EXPECT_GE(since(start), 400ms);  // it waited its whole timeout
}

TEST_F(CrdbJobsWait, PausedJobIsReportedAndWaitedForUntilResumed) {
  std::vector<std::string> statuses;
  SeenStates gate;
  auto options = fake_.options();
  options.on_progress = gate.recorder([&](const JobProgress& p) {
    if (p.changed) statuses.push_back(p.job.status);
  });
  JobWaiter waiter(connection_, options);
  const JobMark mark = waiter.mark();
  fake_.add({.id = 106});
  auto driver = in_background([&] {
    gate.await(106, "running");
    fake_.set(106, "pause-requested", 0.2);
    gate.await(106, "pause-requested");
    fake_.set(106, "paused", 0.2);
    gate.await(106, "paused");
    fake_.set(106, "running", 0.2);
    gate.await(106, "running", 0.2);
    fake_.set(106, "succeeded", 1);
  });
  const auto states = waiter.wait(waiter.jobs_started_since(mark), WaitPolicy::RequireSuccess);
  EXPECT_EQ(states.at(0).status, "succeeded");
  EXPECT_EQ(statuses, (std::vector<std::string>{"running", "pause-requested", "paused", "running", "succeeded"}));
}

TEST_F(CrdbJobsWait, OnlyTheStepsOwnSchemaChangeJobsAreWaitedFor) {
  const auto forever = [](JobId id, std::string type) { return FakeJob{.id = id, .type = std::move(type)}; };
  // Before the mark: long before it, and inside its clock-slack window. Both never end.
  fake_.add({.id = 201, .created_sql = "clock_timestamp() - interval '1 minute'"});
  fake_.add(forever(202, "SCHEMA CHANGE"));
  SeenStates gate;
  auto options = fake_.options(1h);
  options.on_progress = gate.recorder();
  JobWaiter waiter(connection_, options);
  const JobMark mark = waiter.mark();
  // After the mark. Never ending: a GC job (waits out the GC TTL), statistics jobs, another user's job.
  fake_.add(forever(203, "SCHEMA CHANGE GC"));
  fake_.add(forever(204, "AUTO CREATE STATS"));
  fake_.add(forever(205, "CREATE STATS"));
  fake_.add({.id = 206, .user_sql = "'someone_else'"});
  // The step's own jobs: one of each schema changer.
  fake_.add({.id = 207, .type = "NEW SCHEMA CHANGE", .description = "ALTER TABLE test.public.t ADD COLUMN j INT8"});
  fake_.add({.id = 208, .type = "TYPEDESC SCHEMA CHANGE", .status = "succeeded", .fraction = 1});
  fake_.add({.id = 209});

  const auto ids = waiter.jobs_started_since(mark);
  EXPECT_EQ(ids, (std::vector<JobId>{207, 208, 209}));
  EXPECT_EQ(mark.present, std::vector<JobId>{202});
  auto driver = in_background([&] {
    gate.await(207, "running");
    gate.await(209, "running");
    fake_.set(207, "succeeded", 1);
    fake_.set(209, "succeeded", 1);
  });
  const auto states = waiter.wait(ids, WaitPolicy::RequireSuccess);
  ASSERT_EQ(states.size(), 3u);
  for (const auto& state : states) EXPECT_EQ(state.status, "succeeded") << state.id;
}

TEST_F(CrdbJobsWait, AJobThatDisappearsIsAnError) {
  SeenStates gate;
  auto options = fake_.options();
  options.on_progress = gate.recorder();
  JobWaiter waiter(connection_, options);
  const JobMark mark = waiter.mark();
  fake_.add({.id = 501});
  auto driver = in_background([&] {
    gate.await(501, "running");
    fake_.remove(501);
  });
  try {
    waiter.wait(waiter.jobs_started_since(mark), WaitPolicy::RequireSuccess);
    FAIL() << "a job that is no longer listed cannot be taken as succeeded";
  } catch (const JobFailed&) {
    FAIL() << "not a job failure";
  } catch (const DatabaseError& error) {
    EXPECT_TRUE(contains(error.what(), "job 501 is no longer listed")) << error.what();
  }
}

// Through the executor: the hook fails step 2 of 3 on its job's failure, step 2 is not reported
// done and step 3 never runs. The steps' own statements create the jobs, as DDL would.
TEST_F(CrdbJobsWait, AfterStepHookFailsTheStepAndStopsThePlan) {
  struct Observer : RunObserver {
    std::vector<std::size_t> finished;
    void step_finished(std::size_t index, std::size_t, const Step&, std::chrono::milliseconds) override {
      finished.push_back(index);
    }
  } observer;
  Plan plan;
  plan.dialect = "cockroachdb";
  plan.steps.push_back({"create index t_x_idx", {fake_.insert_sql({.id = 601})}, {}, false});
  plan.steps.push_back(
      {"add check x_positive", {fake_.insert_sql({.id = 602, .description = "ALTER TABLE t ADD CHECK"})}, {}, false});
  plan.steps.push_back({"create table later", {"CREATE TABLE later (id int)"}, {}, false});

  SeenStates gate;
  auto driver = in_background([&] {  // job 601 succeeds, job 602 fails, once the waiter waits on each
    gate.await(601, "running");
    fake_.set(601, "succeeded", 1);
    gate.await(602, "running");
    fake_.set(602, "failed", 0.5, "boom");
  });
  auto waiter_options = fake_.options();
  waiter_options.on_progress = gate.recorder();
  JobWaiter waiter(connection_, waiter_options);
  ExecutorOptions options;
  options.observer = &observer;
  options.after_step = waiter.after_step_hook();
  try {
    execute_plan(connection_, plan, options);
    ADD_FAILURE() << "the plan must stop at step 2";
  } catch (const DatabaseError& error) {
    EXPECT_TRUE(contains(error.what(), "step 2 of 3 (add check x_positive) failed")) << error.what();
    EXPECT_TRUE(contains(error.what(), "job 602")) << error.what();
    EXPECT_TRUE(contains(error.what(), "boom")) << error.what();
  }
  EXPECT_EQ(observer.finished, std::vector<std::size_t>{1});
  EXPECT_EQ(waiter.last_step_jobs(), std::vector<JobId>{601});
  EXPECT_TRUE(connection_.exec("SELECT to_regclass('public.later')")[0][0].is_null()) << "step 3 must not run";
}

// ---- jobs left behind on the tables the plan touches

TEST(CrdbJobsLeftover, UnfinishedJobsNamingTouchedTablesAreWaitedForWhateverTheirEnd) {
  TestDatabase db;
  FakeJobs fake(db.url());
  const std::string an_hour_ago = "clock_timestamp() - interval '1 hour'";
  // A killed migrator's index build (another user's), still running.
  fake.add({.id = 301,
            .user_sql = "'migrator_two'",
            .created_sql = an_hour_ago,
            .description = "CREATE INDEX orders_x_idx ON test.public.orders (x)"});
  // On another table, or naming none: never end, and are not waited for.
  fake.add({.id = 302, .created_sql = an_hour_ago, .description = "ALTER TABLE test.public.other ADD COLUMN y INT8"});
  fake.add({.id = 306, .created_sql = an_hour_ago, .description = "updating privileges for database 104"});
  fake.add({.id = 307, .created_sql = an_hour_ago, .description = "CREATE INDEX ON test.public.orders_archive (x)"});
  fake.add({.id = 303,
            .type = "SCHEMA CHANGE GC",
            .created_sql = an_hour_ago,
            .description = "GC for DROP INDEX test.public.orders@old"});
  fake.add({.id = 304,
            .status = "reverting",
            .created_sql = an_hour_ago,
            .description = "ALTER TABLE test.public.users ADD CONSTRAINT c CHECK (x > 0)"});
  fake.add({.id = 305,
            .status = "succeeded",
            .created_sql = an_hour_ago,
            .description = "ALTER TABLE test.public.orders ADD COLUMN z INT8"});

  Connection connection(db.url());
  SeenStates gate;
  auto options = fake.options();
  options.on_progress = gate.recorder();
  JobWaiter waiter(connection, options);
  const std::vector<QualifiedName> touched = {{"public", "orders"}, {"public", "users"}, {"public", "not_yet"}};
  EXPECT_EQ(waiter.unfinished_jobs_on(touched), (std::vector<JobId>{301, 304}));
  auto driver = in_background([&] {
    gate.await(304, "reverting");
    fake.set(304, "canceled", 0);
    gate.await(301, "running");
    fake.set(301, "succeeded", 1);
  });
  const auto states = waiter.settle_leftover_jobs(touched);
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0].id, 301);
  EXPECT_EQ(states[0].status, "succeeded");
  EXPECT_EQ(states[1].id, 304);
  EXPECT_EQ(states[1].status, "canceled");  // a leftover that was undone does not fail the run
}

TEST(CrdbJobsLeftover, NoTableTouchedMeansNothingToWaitFor) {
  TestDatabase db;
  FakeJobs fake(db.url());
  fake.add({.id = 310, .created_sql = "clock_timestamp() - interval '1 hour'"});
  Connection connection(db.url());
  JobWaiter waiter(connection, fake.options(300ms));
  EXPECT_TRUE(waiter.settle_leftover_jobs({}).empty());
  EXPECT_TRUE(waiter.settle_leftover_jobs({{"public", "not_named"}}).empty());
}

// ---- a real CockroachDB

TEST(CrdbJobsCockroachDB, IndexBuildJobIsFoundAndWaitedFor) {
  STRATA_REQUIRE_CRDB();
  TestDatabase db = TestDatabase::on_cockroachdb();
  Connection connection(db.url());
  std::vector<JobProgress> seen;
  JobWaitOptions options;
  options.timeout = 5min;
  options.database = connection.exec("SELECT current_database()")[0][0].c_str();
  options.on_progress = [&](const JobProgress& p) { seen.push_back(p); };
  JobWaiter waiter(connection, options);
  connection.exec("CREATE TABLE t (id INT8 PRIMARY KEY, x INT8)");
  connection.exec("INSERT INTO t SELECT i, i % 100 FROM generate_series(1, 10000) AS g (i)");
  for (const auto& leftover : waiter.settle_leftover_jobs({{"public", "t"}})) {
    EXPECT_TRUE(is_terminal(leftover.phase())) << leftover.id << " " << leftover.status;
  }

  waiter.start();
  connection.exec("CREATE INDEX t_x_idx ON t (x)");
  seen.clear();
  const auto ids = waiter.finish_step();
  ASSERT_FALSE(ids.empty()) << "CREATE INDEX on a table with rows runs a schema-change job";
  ASSERT_FALSE(seen.empty());
  for (const auto& p : seen) {
    EXPECT_NE(p.job.type, "SCHEMA CHANGE GC");
    EXPECT_TRUE(p.job.type == "SCHEMA CHANGE" || p.job.type == "NEW SCHEMA CHANGE") << p.job.type;
  }
  EXPECT_EQ(seen.back().job.status, "succeeded");
  // The next step starts from a new mark: the index job is not its job.
  EXPECT_TRUE(waiter.finish_step().empty());
  // The job's description names the table, as the leftover wait needs.
  for (const auto id : ids) {
    const auto described = connection.exec("SELECT description FROM [SHOW JOB " + std::to_string(id) + "]");
    EXPECT_TRUE(description_names_table(described[0][0].c_str(), {"public", "t"}, options.database))
        << described[0][0].c_str();
  }
}

}  // namespace
}  // namespace strata::cockroachdb
