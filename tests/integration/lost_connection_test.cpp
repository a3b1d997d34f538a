// The server ends strata's session (pg_terminate_backend) in the middle of `strata migrate up` and
// of `strata apply`, at chosen points and at random moments: strata says it lost the connection
// (exit code 3), the history never records a statement that did not take effect, and a rerun
// converges. STRATA_TEST_SEED and STRATA_TEST_CUT_ROUNDS vary the random part.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "migrations/splitter.hpp"
#include "support/case_files.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using testing::env_int;

using ::testing::AnyOf;
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::Process;
using testing::strata_binary;

// Terminates the backends of `database` whose current query contains `marker` (any strata backend
// when `marker` is empty), waiting up to `patience` for one to show. Returns how many it ended.
int cut(const std::string& admin_url, const std::string& database, const std::string& marker,
        std::chrono::milliseconds patience = std::chrono::seconds(20)) {
  pqxx::connection c(admin_url);
  const auto deadline = std::chrono::steady_clock::now() + patience;
  do {
    pqxx::nontransaction tx(c);
    const auto ended = tx.exec_params(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = $1 AND application_name = 'strata' AND pid <> pg_backend_pid() "
        "AND ($2 = '' OR position($2 in query) > 0)",
        database, marker);
    if (!ended.empty()) return static_cast<int>(ended.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  } while (std::chrono::steady_clock::now() < deadline);
  return 0;
}

std::set<std::string> tables(const std::string& url) {
  const auto names = testing::table_names(url);
  return {names.begin(), names.end()};
}

// How long `argv` takes on a fresh database, in ms: random cuts land within that.
int calibrate(const std::vector<std::string>& argv) {
  const auto start = std::chrono::steady_clock::now();
  const auto result = testing::run_command(argv);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
}

// What exit code and message a session ended by the server gives.
void expect_lost_connection(const testing::CommandResult& result, const std::string& where) {
  EXPECT_EQ(result.exit_code, 3) << where << ": " << result.err;
  EXPECT_THAT(result.err, HasSubstr("lost the connection")) << where;
  EXPECT_THAT(result.err, ::testing::Not(HasSubstr("terminate called"))) << where;
}

// Whether a session of strata on `database` shows, waiting for one while `run` is running.
bool session_shows(const std::string& admin_url, const std::string& database, Process& run) {
  pqxx::connection c(admin_url);
  while (run.running()) {
    pqxx::nontransaction tx(c);
    if (!tx.exec_params("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name = 'strata'", database)
             .empty()) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

// Rounds of: a fresh database prepared by `prepare`, `command(db)` started, its session cut after a
// random delay within the time one run takes, counted from when strata's first session shows (so
// that the cut lands in what strata does on the server, not in its start-up, however slow a
// sanitized build starts), then `converges(db, where)`. A cut that lands must be reported as a
// lost connection. At least one must land: rounds go on (up to three times as many) until one has.
void cut_at_random_moments(const std::function<void(const testing::TestDatabase&)>& prepare,
                           const std::function<std::vector<std::string>(const testing::TestDatabase&)>& command,
                           const std::function<void(const testing::TestDatabase&, const std::string&)>& converges) {
  std::mt19937 random(static_cast<unsigned>(env_int("STRATA_TEST_SEED", 20261205)));
  int took = 0;
  {
    testing::TestDatabase db;
    prepare(db);
    took = calibrate(command(db));
  }
  std::uniform_int_distribution<int> delay_ms(0, took);
  const int rounds = env_int("STRATA_TEST_CUT_ROUNDS", 8);
  int cut_mid_run = 0;
  for (int round = 0; round < rounds || (cut_mid_run == 0 && round < 3 * rounds); ++round) {
    testing::TestDatabase db;
    prepare(db);
    Process run(command(db));
    const std::string where = "round " + std::to_string(round);
    const bool showed = session_shows(db.server_url(), db.name(), run);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    const int ended = showed ? cut(db.server_url(), db.name(), "", std::chrono::milliseconds(0)) : 0;
    const auto result = run.wait();
    if (ended > 0 && result.exit_code != 0) {
      ++cut_mid_run;
      expect_lost_connection(result, where);
    } else {
      EXPECT_EQ(result.exit_code, 0) << where << " (" << (showed ? "" : "no session showed; ") << ended
                                     << " session(s) ended): " << result.err;
    }
    converges(db, where);
  }
  EXPECT_GT(cut_mid_run, 0) << "no cut landed while strata ran: the test proved nothing";
}

// ---- migrate up

struct Migrations {
  MigrationDir dir;
  // The tables each file creates, statement by statement (empty for other statements).
  std::map<int, std::vector<std::string>> creates;

  void add(int version, const std::string& name, const std::string& text) {
    dir.add(std::to_string(version) + "_" + name, text, std::nullopt);
    for (const auto& s : migrations::split_statements(text, name)) {
      const std::string prefix = "CREATE TABLE ";
      creates[version].push_back(
          s.sql.starts_with(prefix) ? s.sql.substr(prefix.size(), s.sql.find(' ', prefix.size()) - prefix.size()) : "");
    }
  }

  // The tables the history says exist: every statement of an applied file, the first
  // statements_applied of a partial one, none of a failed one.
  std::set<std::string> recorded(const std::string& url) const {
    pqxx::connection c(url);
    pqxx::nontransaction tx(c);
    std::set<std::string> out;
    if (tx.exec("SELECT to_regclass('strata_schema_history') IS NULL")[0][0].as<bool>()) return out;
    for (const auto& row : tx.exec("SELECT version, state, statements_applied FROM strata_schema_history")) {
      const auto& file = creates.at(row[0].as<int>());
      const std::string state = row[1].c_str();
      const std::size_t count = state == "applied" ? file.size() : state == "partial" ? row[2].as<std::size_t>() : 0;
      for (std::size_t i = 0; i < count && i < file.size(); ++i) {
        if (!file[i].empty()) out.insert(file[i]);
      }
    }
    return out;
  }

  std::set<std::string> all() const {
    std::set<std::string> out;
    for (const auto& [version, file] : creates) {
      for (const auto& t : file) {
        if (!t.empty()) out.insert(t);
      }
    }
    return out;
  }
};

Migrations paused_migrations() {
  Migrations m;
  m.add(1, "in_transaction", "CREATE TABLE a1 (id int);\nSELECT pg_sleep(0.3), 'point-1';\nCREATE TABLE a2 (id int);");
  m.add(2, "outside",
        "-- strata:no-transaction\nCREATE TABLE b1 (id int);\nSELECT pg_sleep(0.3), 'point-2';\n"
        "CREATE TABLE b2 (id int);\nSELECT pg_sleep(0.3), 'point-3';\nCREATE TABLE b3 (id int);");
  m.add(3, "last", "CREATE TABLE c1 (id int);\nSELECT pg_sleep(0.3), 'point-4';");
  m.dir.hash();
  return m;
}

std::vector<std::string> migrate_up(const testing::TestDatabase& db, const Migrations& m) {
  return {strata_binary(), "migrate", "up", "--url", db.url(), "--dir", m.dir.path().string()};
}

void expect_converges(const testing::TestDatabase& db, const Migrations& m, const std::string& where) {
  EXPECT_EQ(tables(db.url()), m.recorded(db.url())) << where << ": the history disagrees with the catalog";
  const auto rerun = testing::run_command(migrate_up(db, m));
  ASSERT_EQ(rerun.exit_code, 0) << where << ": " << rerun.err;
  EXPECT_EQ(tables(db.url()), m.all()) << where;
  EXPECT_EQ(m.recorded(db.url()), m.all()) << where;
}

TEST(LostConnection, MigrateUpCutAtEachPointReportsItAndTheRerunConverges) {
  const Migrations m = paused_migrations();
  for (const std::string point : {"point-1", "point-2", "point-3", "point-4"}) {
    testing::TestDatabase db;
    Process run(migrate_up(db, m));
    ASSERT_EQ(cut(db.server_url(), db.name(), "'" + point + "'"), 1) << point << " never ran: " << run.err_so_far();
    const auto result = run.wait();
    expect_lost_connection(result, point);
    expect_converges(db, m, point);
  }
}

TEST(LostConnection, MigrateUpCutAtRandomMomentsLeavesATruthfulHistory) {
  const Migrations m = paused_migrations();
  cut_at_random_moments(
      [](const testing::TestDatabase&) {}, [&](const testing::TestDatabase& db) { return migrate_up(db, m); },
      [&](const testing::TestDatabase& db, const std::string& where) { expect_converges(db, m, where); });
}

// ---- apply

constexpr int kTables = 12;

std::string declared_schema() {
  std::string yaml =
      "tables:\n  held:\n    columns:\n      id: bigint\n      note: { type: text, nullable: true }\n"
      "    primary_key: [id]\n";
  for (int i = 0; i < kTables; ++i) {
    const std::string t = "t" + std::to_string(i);
    yaml += "  " + t +
            ":\n    columns:\n      id: bigint\n      held_id: bigint\n    primary_key: [id]\n"
            "    indexes:\n      - { name: " +
            t +
            "_held, columns: [held_id] }\n"
            "    foreign_keys:\n      - { columns: [held_id], references: held }\n";
  }
  return yaml;
}

struct ApplyProject {
  MigrationDir dir;  // only a temporary place for the schema file
  std::string schema;
  ApplyProject() {
    schema = (dir.path() / "schema.yaml").string();
    std::ofstream(schema) << declared_schema();
  }
  std::vector<std::string> apply(const testing::TestDatabase& db) const {
    return {strata_binary(), "apply", "--url", db.url(), "--schema", schema, "--auto-approve", "--lock-timeout", "30",
            // a rerun finds the tables a cut run created: they could hold rows now
            "--allow-hazards", "index-build,constraint-validation"};
  }
  void expect_converges(const testing::TestDatabase& db, const std::string& where) const {
    const auto rerun = testing::run_command(apply(db));
    ASSERT_EQ(rerun.exit_code, 0) << where << ": " << rerun.err;
    const auto plan = testing::run_command({strata_binary(), "plan", "--url", db.url(), "--schema", schema});
    ASSERT_EQ(plan.exit_code, 0) << where << ": " << plan.err;
    EXPECT_THAT(plan.out, HasSubstr("No changes")) << where << ": the rerun left a plan:\n" << plan.out;
  }
};

void create_held(const testing::TestDatabase& db) {
  pqxx::connection c(db.url());
  pqxx::nontransaction tx(c);
  tx.exec("CREATE TABLE held (id bigint PRIMARY KEY)");
}

TEST(LostConnection, ApplyCutWhileAStepWaitsReportsItAndTheRerunConverges) {
  const ApplyProject p;
  testing::TestDatabase db;
  create_held(db);
  {
    // Hold a lock on `held` so that the step that alters it waits where the test can see it.
    pqxx::connection holder(db.url());
    pqxx::work lock(holder);
    lock.exec("LOCK TABLE held IN ACCESS EXCLUSIVE MODE");
    Process run(p.apply(db));
    ASSERT_EQ(cut(db.server_url(), db.name(), "ADD COLUMN note"), 1) << run.err_so_far();
    lock.abort();
    expect_lost_connection(run.wait(), "a step waiting on its lock");
  }
  p.expect_converges(db, "after the cut");
}

TEST(LostConnection, ApplyCutAtRandomMomentsConverges) {
  const ApplyProject p;
  cut_at_random_moments(
      create_held, [&](const testing::TestDatabase& db) { return p.apply(db); },
      [&](const testing::TestDatabase& db, const std::string& where) { p.expect_converges(db, where); });
}

}  // namespace
}  // namespace strata
