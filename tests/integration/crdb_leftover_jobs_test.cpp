// The job waiter on the real PostgreSQL, against a table with the columns of CockroachDB's SHOW
// JOBS (from the release catalogue, tests/fixtures/crdb-releases). A second connection plays
// CockroachDB's job system (support/fake_crdb_jobs.hpp): it inserts jobs and moves them through
// their statuses, from a thread, while the waiter polls. These are the jobs left behind on the
// tables a plan touches (crdb_jobs_test.cpp has a step's own), and, on the CockroachDB of
// STRATA_TEST_CRDB_URL, a real index build.
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
