// A `CREATE INDEX CONCURRENTLY` in a versioned migration, interrupted for real on PostgreSQL: the
// strata running it is killed while the build waits for a writer, and the build is then cancelled
// (or let finish). The next run asks the catalog: an INVALID index is dropped and built again on
// --interrupted=retry and refused by skip; a valid one is recorded as applied; `migrate status`
// says which statement stopped and why.
#include <signal.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "strata/migrate.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"
#include "support/waiting.hpp"

namespace strata {
namespace {

using testing::eventually;
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::Process;
using testing::query_value;
using testing::run_command;
using testing::strata_binary;

const char* const kIndex = "CREATE INDEX CONCURRENTLY t_x ON t (x)";

MigrationDir index_migrations() {
  MigrationDir dir;
  dir.add("1_table", "CREATE TABLE t (x int);\nINSERT INTO t SELECT generate_series(1, 1000);", "DROP TABLE t;");
  dir.add("2_index", std::string("-- strata:no-transaction\n") + kIndex + ";\n", "DROP INDEX t_x;");
  dir.hash();
  return dir;
}

std::vector<std::string> up(const testing::TestDatabase& db, const MigrationDir& dir,
                            const std::vector<std::string>& more = {}) {
  std::vector<std::string> argv = {strata_binary(), "migrate", "up", "--url", db.url(), "--dir", dir.path().string()};
  argv.insert(argv.end(), more.begin(), more.end());
  return argv;
}

std::string index_validity(const std::string& url) {
  return query_value(url, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = to_regclass('t_x')");
}

// Runs migration 2 until its index build waits for a writer the test holds, then kills the strata
// running it. `finish`: the build is let through and completes (a valid index); otherwise it is
// cancelled (an INVALID index, as a killed build leaves).
void interrupt_the_index_build(const testing::TestDatabase& db, const MigrationDir& dir, bool finish) {
  ASSERT_EQ(run_command(up(db, dir, {"1"})).exit_code, 0);
  pqxx::connection writer(db.url());
  pqxx::work writing(writer);
  writing.exec("INSERT INTO t VALUES (0)");  // CREATE INDEX CONCURRENTLY waits for this transaction
  Process strata(up(db, dir));
  std::string build_pid;
  ASSERT_TRUE(eventually([&] {
    build_pid = query_value(db.url(), "SELECT pid FROM pg_stat_progress_create_index WHERE relid = 't'::regclass");
    return !build_pid.empty();
  })) << strata.err_so_far();
  strata.signal(SIGKILL);
  strata.wait();
  if (finish) {
    writing.commit();
  } else {
    query_value(db.url(), "SELECT pg_cancel_backend(" + build_pid + ")");
    writing.abort();
  }
  ASSERT_TRUE(eventually(
      [&] { return query_value(db.url(), "SELECT count(*) FROM pg_stat_activity WHERE pid = " + build_pid) == "0"; }));
  ASSERT_EQ(index_validity(db.url()), finish ? "true" : "false");
  ASSERT_EQ(query_value(db.url(), "SELECT statement_started FROM strata_schema_history WHERE version = 2"), "1");
}

TEST(MigrateInterrupted, AnInvalidIndexStopsIsRefusedBySkipAndIsRebuiltByRetry) {
  testing::TestDatabase db;
  MigrationDir dir = index_migrations();
  interrupt_the_index_build(db, dir, false);
  if (HasFailure()) return;

  const auto stopped = run_command(up(db, dir));
  EXPECT_EQ(stopped.exit_code, 1) << stopped.err;
  EXPECT_THAT(stopped.err, HasSubstr(kIndex)) << "the stop message shows the statement";
  EXPECT_THAT(stopped.err, HasSubstr("left INVALID"));

  const auto status = Migrator(db.url(), dir.path()).status();
  ASSERT_EQ(status.migrations.size(), 2u);
  const MigrationStatus& half = status.migrations[1];
  EXPECT_EQ(half.state, MigrationState::Partial);
  EXPECT_EQ(half.stopped_at, 1);
  EXPECT_EQ(half.stopped_line, 2);
  EXPECT_EQ(half.stopped_statement, kIndex);
  EXPECT_TRUE(half.interrupted);
  EXPECT_THAT(half.error, HasSubstr("INVALID"));
  const auto shown =
      run_command({strata_binary(), "migrate", "status", "--url", db.url(), "--dir", dir.path().string()});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("stopped at statement 1 of 1 (line 2)"));
  EXPECT_THAT(shown.out, HasSubstr(kIndex));
  EXPECT_THAT(shown.out, HasSubstr("left INVALID"));

  const auto skipped = run_command(up(db, dir, {"--interrupted=skip"}));
  EXPECT_EQ(skipped.exit_code, 1) << skipped.err;
  EXPECT_THAT(skipped.err, HasSubstr("cannot be skipped"));
  EXPECT_EQ(query_value(db.url(), "SELECT state FROM strata_schema_history WHERE version = 2"), "partial");
  EXPECT_EQ(index_validity(db.url()), "false");

  const auto retried = run_command(up(db, dir, {"--interrupted=retry"}));
  EXPECT_EQ(retried.exit_code, 0) << retried.err;
  EXPECT_EQ(index_validity(db.url()), "true");
  EXPECT_EQ(query_value(db.url(), "SELECT state FROM strata_schema_history WHERE version = 2"), "applied");
  EXPECT_EQ(query_value(db.url(), "SELECT coalesce(error, '') FROM strata_schema_history WHERE version = 2"), "");
}

TEST(MigrateInterrupted, AValidIndexTellsTheBuildTookEffect) {
  testing::TestDatabase db;
  MigrationDir dir = index_migrations();
  interrupt_the_index_build(db, dir, true);
  if (HasFailure()) return;
  const auto resumed = run_command(up(db, dir));
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(query_value(db.url(), "SELECT state FROM strata_schema_history WHERE version = 2"), "applied");
  EXPECT_EQ(index_validity(db.url()), "true");
}

}  // namespace
}  // namespace strata
