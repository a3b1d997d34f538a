// strata's locks between real processes on the real PostgreSQL: concurrent applies change the
// schema exactly once; a holder killed with SIGKILL is taken over after its lease runs out; a
// holder stopped past its lease and resumed stops before its next statement. The lease and the
// lock commands also run on the CockroachDB of STRATA_TEST_CRDB_URL when one is given (skipped,
// saying so, when not), where `--lock advisory` must be refused.
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "engine/db/connection.hpp"
#include "engine/lock/lock.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using testing::Process;
using testing::Server;
using testing::strata_binary;

const std::string kSchema =
    "tables:\n"
    "  accounts:\n"
    "    columns: { id: bigint, owner: text, balance: { type: numeric, default: 0 } }\n"
    "    primary_key: [id]\n"
    "    indexes: [{ columns: [owner] }]\n"
    "  ledger:\n"
    "    columns: { id: bigint, account: bigint, amount: numeric }\n"
    "    primary_key: [id]\n"
    "    foreign_keys: [{ columns: [account], references: accounts }]\n";

fs::path write_schema(const std::string& name, const std::string& yaml) {
  const fs::path path = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << yaml;
  return path;
}

int count_tables(const std::string& url) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  return tx.exec("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'strata_%'")[0][0]
      .as<int>();
}

void concurrent_applies(const std::string& lock, Server server = Server::postgres) {
  const fs::path schema = write_schema("concurrent-" + lock, kSchema);
  for (int round = 0; round < 20; ++round) {
    testing::TestDatabase db(server);
    std::vector<std::unique_ptr<Process>> runs;
    for (int i = 0; i < 8; ++i) {
      runs.push_back(std::make_unique<Process>(std::vector<std::string>{
          strata_binary(), "apply", "--url", db.url(), "--schema", schema.string(), "--auto-approve", "--lock", lock}));
    }
    int applied = 0, nothing = 0;
    for (auto& run : runs) {
      const auto result = run->wait();
      ASSERT_EQ(result.exit_code, 0) << result.err;
      if (result.err.find("Applied 4 steps") != std::string::npos) ++applied;
      if (result.out.find("No changes") != std::string::npos) ++nothing;
    }
    EXPECT_EQ(applied, 1) << "round " << round;
    EXPECT_EQ(nothing, 7) << "round " << round;
    EXPECT_EQ(count_tables(db.url()), 2);
  }
  fs::remove(schema);
}

TEST(Lock, EightConcurrentAppliesChangeTheSchemaOnceWithTheLease) {
  concurrent_applies("lease");
}
TEST(Lock, EightConcurrentAppliesChangeTheSchemaOnceWithTheAdvisoryLock) {
  concurrent_applies("advisory");
}
TEST(LockOnCockroachdb, EightConcurrentAppliesChangeTheSchemaOnceWithTheLease) {
  STRATA_REQUIRE_CRDB();
  concurrent_applies("lease", Server::cockroachdb);
}

TEST(LockOnCockroachdb, TheAdvisoryLockIsRefusedBeforeAnyChange) {
  STRATA_REQUIRE_CRDB();
  testing::TestDatabase db(Server::cockroachdb);
  const fs::path schema = write_schema("advisory-crdb", kSchema);
  const auto run = testing::run_command({strata_binary(), "apply", "--url", db.url(), "--schema", schema.string(),
                                         "--auto-approve", "--lock", "advisory"});
  fs::remove(schema);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("advisory"), std::string::npos) << run.err;
  EXPECT_EQ(count_tables(db.url()), 0);
}

// Holds an ACCESS EXCLUSIVE lock on `table` so that a strata's ALTER waits behind it.
class TableBlocker {
 public:
  TableBlocker(const std::string& url, const std::string& table) : connection_(url), tx_(connection_) {
    tx_.exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
  }
  void release() { tx_.abort(); }

 private:
  pqxx::connection connection_;
  pqxx::work tx_;
};

void wait_until_blocked(const std::string& url, int seconds = 30) {
  pqxx::connection c(url);
  for (int i = 0; i < seconds * 10; ++i) {
    pqxx::nontransaction tx(c);
    const auto rows = tx.exec(
        "SELECT 1 FROM pg_stat_activity WHERE application_name = 'strata' AND wait_event_type = 'Lock' "
        "AND datname = current_database()");
    if (!rows.empty()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL() << "strata never blocked on the table lock";
}

const std::string kBase = "tables:\n  accounts:\n    columns: { id: bigint }\n    primary_key: [id]\n";
const std::string kTarget =
    "tables:\n  accounts:\n    columns: { id: bigint, note: { type: text, nullable: true } }\n    primary_key: [id]\n"
    "  later:\n    columns: { id: bigint }\n";

TEST(Lock, AKilledHolderIsTakenOverOnceItsLeaseRunsOut) {
  testing::TestDatabase db;
  const fs::path base = write_schema("killed-base", kBase);
  const fs::path target = write_schema("killed-target", kTarget);
  ASSERT_EQ(
      testing::run_command({strata_binary(), "apply", "--url", db.url(), "--schema", base.string(), "--auto-approve"})
          .exit_code,
      0);
  TableBlocker blocker(db.url(), "accounts");
  Process holder({strata_binary(), "apply", "--url", db.url(), "--schema", target.string(), "--auto-approve", "--lock",
                  "lease", "--lease", "3", "--lock-timeout", "0"});
  wait_until_blocked(db.url());
  holder.signal(SIGKILL);
  holder.wait();
  blocker.release();
  {
    Connection connection(db.url());
    const auto lease = read_lease(connection);
    ASSERT_TRUE(lease.has_value()) << "the killed holder's lease row should still be there";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto next = testing::run_command({strata_binary(), "apply", "--url", db.url(), "--schema", target.string(),
                                          "--auto-approve", "--lock", "lease", "--lease", "3"});
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.err.find("Applied"), std::string::npos) << next.err;
  EXPECT_LE(waited, std::chrono::seconds(20));
  EXPECT_EQ(count_tables(db.url()), 2);
  Connection connection(db.url());
  EXPECT_FALSE(read_lease(connection).has_value()) << "the lease is given back on exit";
  fs::remove(base);
  fs::remove(target);
}

// A holder paused between statements: its index build (outside a transaction) waits on the
// blocker, and its next step would drop a table.
const std::string kPausedBase = kBase + "  junk:\n    columns: { id: bigint }\n";
const std::string kPausedTarget =
    "tables:\n  accounts:\n    columns: { id: bigint }\n    primary_key: [id]\n    indexes: [{ columns: [id] }]\n";

TEST(Lock, AHolderPausedPastItsLeaseStopsBeforeItsNextStatement) {
  testing::TestDatabase db;
  const fs::path base = write_schema("paused-base", kPausedBase);
  const fs::path target = write_schema("paused-target", kPausedTarget);
  ASSERT_EQ(
      testing::run_command({strata_binary(), "apply", "--url", db.url(), "--schema", base.string(), "--auto-approve"})
          .exit_code,
      0);
  TableBlocker blocker(db.url(), "accounts");
  Process holder({strata_binary(), "apply", "--url", db.url(), "--schema", target.string(), "--auto-approve", "--lock",
                  "lease", "--lease", "2", "--lock-timeout", "0", "--allow-hazards", "all"});
  wait_until_blocked(db.url());
  holder.signal(SIGSTOP);
  std::this_thread::sleep_for(std::chrono::seconds(3));  // past the lease
  // Another strata takes the lease over meanwhile.
  Connection other(db.url());
  LockOptions options;
  options.wait = std::chrono::seconds(10);
  options.lease = std::chrono::seconds(60);
  auto taken = acquire_lease_lock(other, db.url(), options);
  blocker.release();  // the paused holder's statement in flight may now finish
  holder.signal(SIGCONT);
  const auto result = holder.wait();
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("lease"), std::string::npos) << result.err;
  // Its next step (dropping junk) never ran.
  pqxx::connection c(db.url());
  pqxx::nontransaction tx(c);
  EXPECT_FALSE(tx.exec("SELECT 1 FROM pg_tables WHERE tablename = 'junk'").empty());
  fs::remove(base);
  fs::remove(target);
}

void status_and_forced_release(Server server) {
  testing::TestDatabase db(server);
  Connection connection(db.url());
  LockOptions options;
  options.purpose = "test holder";
  auto lock = acquire_lease_lock(connection, db.url(), options);
  const auto status = testing::run_command({strata_binary(), "lock", "status", "--url", db.url()});
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find("held"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("test holder"), std::string::npos) << status.out;
  const auto refused = testing::run_command({strata_binary(), "lock", "release", "--url", db.url()});
  EXPECT_EQ(refused.exit_code, 2) << "release without --force must be refused";
  const auto released = testing::run_command({strata_binary(), "lock", "release", "--force", "--url", db.url()});
  EXPECT_EQ(released.exit_code, 0);
  EXPECT_THROW(lock->check_held(connection), LockLost);
}

TEST(Lock, StatusAndForcedRelease) {
  status_and_forced_release(Server::postgres);
}
TEST(LockOnCockroachdb, StatusAndForcedRelease) {
  STRATA_REQUIRE_CRDB();
  status_and_forced_release(Server::cockroachdb);
}

TEST(Lock, StatusAndReleaseOnADatabaseNeverLockedCreateNothing) {
  // A read-only user may look; looking must not need CREATE, nor leave strata_lock behind.
  testing::TestDatabase db;
  const auto status = testing::run_command({strata_binary(), "lock", "status", "--url", db.url()});
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("free"), std::string::npos) << status.out;
  const auto released = testing::run_command({strata_binary(), "lock", "release", "--force", "--url", db.url()});
  EXPECT_EQ(released.exit_code, 0) << released.err;
  pqxx::connection c(db.url());
  pqxx::nontransaction tx(c);
  EXPECT_TRUE(tx.exec("SELECT to_regclass('strata_lock') IS NULL")[0][0].as<bool>()) << "strata_lock was created";
}

}  // namespace
}  // namespace strata
