// The job waiter on the real PostgreSQL, against a table with the columns of CockroachDB's SHOW
// JOBS (from the release catalogue, tests/fixtures/crdb-releases). A second connection plays
// CockroachDB's job system (support/fake_crdb_jobs.hpp): it inserts jobs and moves them through
// their statuses, from a thread, while the waiter polls. These are a step's own jobs;
// crdb_leftover_jobs_test.cpp has the jobs left behind and the real CockroachDB.
#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "dialects/cockroachdb/jobs.hpp"
#include "engine/db/connection.hpp"
#include "engine/exec/executor.hpp"
#include "support/fake_crdb_jobs.hpp"
#include "support/test_database.hpp"

namespace strata::cockroachdb {
namespace {

using namespace std::chrono_literals;
using strata::testing::TestDatabase;
using testing::FakeJob;
using testing::FakeJobs;
using testing::in_background;
using testing::SeenStates;
using Clock = std::chrono::steady_clock;

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

}  // namespace
}  // namespace strata::cockroachdb
