// Progress of index builds on PostgreSQL (pg_stat_progress_create_index), reported while the
// statement runs, in `apply` and in `migrate`. The build is held in a phase the test controls (a
// CREATE INDEX CONCURRENTLY waits for a writer the test keeps open), so the report is certain to be
// seen; the test then lets the build go on.
#include <filesystem>
#include <mutex>
#include <thread>

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
using testing::strata_binary;

void fill(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::nontransaction(connection)
      .exec(
          "CREATE TABLE big (id int PRIMARY KEY, v int NOT NULL);"
          "INSERT INTO big SELECT g, g % 1000 FROM generate_series(1, 200000) g");
}

// An open transaction that wrote to `big`: CREATE INDEX CONCURRENTLY waits for it to end.
class Writer {
 public:
  explicit Writer(const std::string& url) : connection_(url), tx_(connection_) {
    tx_.exec("INSERT INTO big VALUES (0, 0)");
  }
  void finish() {
    std::lock_guard<std::mutex> guard(mutex_);
    if (!done_) tx_.commit();
    done_ = true;
  }

 private:
  pqxx::connection connection_;
  pqxx::work tx_;
  std::mutex mutex_;
  bool done_ = false;
};

TEST(IndexProgress, ApplyReportsTheBuildWhileItRuns) {
  testing::TestDatabase db;
  fill(db.url());
  MigrationDir files;
  files.write("schema.yaml",
              "tables:\n  big:\n    columns: { id: int, v: int }\n    primary_key: [id]\n"
              "    indexes:\n      - { name: big_v, columns: [v] }\n");
  Writer writer(db.url());
  Process apply({strata_binary(), "apply", "--url", db.url(), "--schema", (files.path() / "schema.yaml").string(),
                 "--auto-approve", "--allow-hazards", "index-build"});
  ASSERT_TRUE(eventually([&] {
    return apply.err_so_far().find("index build: waiting for writers before build") != std::string::npos;
  })) << apply.err_so_far();
  writer.finish();
  const auto result = apply.wait();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("sessions waited for 0/1"));
}

// Collects the reports, and lets the build go on once it was seen waiting.
class Collector : public MigrateObserver {
 public:
  explicit Collector(Writer& writer) : writer_(writer) {}
  void index_build_progress(const IndexBuildProgress& progress) override {
    {
      std::lock_guard<std::mutex> guard(mutex_);
      seen_.push_back(progress);
    }
    if (progress.phase.starts_with("waiting for writers")) writer_.finish();
  }
  std::vector<IndexBuildProgress> seen() {
    std::lock_guard<std::mutex> guard(mutex_);
    return seen_;
  }

 private:
  Writer& writer_;
  std::mutex mutex_;
  std::vector<IndexBuildProgress> seen_;
};

TEST(IndexProgress, MigrateReportsTheBuildThroughTheObserver) {
  testing::TestDatabase db;
  fill(db.url());
  MigrationDir dir;
  dir.add("1_index", "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY big_v ON big (v);", std::nullopt);
  dir.hash();
  Writer writer(db.url());
  Collector collector(writer);
  // Should no report come, the writer still ends (and the test fails below) instead of hanging.
  std::thread backstop([&] {
    eventually([&] { return !collector.seen().empty(); });
    writer.finish();
  });
  MigrateOptions options;
  options.observer = &collector;
  EXPECT_EQ(Migrator(db.url(), dir.path(), options).up().runs.size(), 1u);
  backstop.join();
  const auto seen = collector.seen();
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front().statement, "CREATE INDEX CONCURRENTLY big_v ON big (v)");
  EXPECT_THAT(seen.front().phase, HasSubstr("waiting for writers before build"));
  EXPECT_EQ(seen.front().lockers_total, 1);
  for (const auto& progress : seen) {
    EXPECT_FALSE(progress.phase.empty());
    EXPECT_LE(progress.blocks_done, progress.blocks_total == 0 ? progress.blocks_done : progress.blocks_total);
  }
}

}  // namespace
}  // namespace strata
