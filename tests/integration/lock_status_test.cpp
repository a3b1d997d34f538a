// `strata lock status` on PostgreSQL while a real `strata migrate up` holds the lock: the advisory
// lock's holder (pid, application, client address, since) from pg_locks and pg_stat_activity, and
// the lease row when the run takes the lease; "free" only when neither is held.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "strata/lock_admin.hpp"
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

class Gate {
 public:
  Gate(const std::string& url, const std::string& table) : connection_(url), tx_(connection_) {
    tx_.exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
  }
  void release() { tx_.abort(); }

 private:
  pqxx::connection connection_;
  pqxx::work tx_;
};

// The pid of the strata session waiting for the gate.
std::string blocked_strata(const std::string& url) {
  return query_value(url,
                     "SELECT pid FROM pg_stat_activity WHERE application_name = 'strata' AND wait_event_type = 'Lock' "
                     "AND datname = current_database()");
}

struct Held {
  testing::TestDatabase db;
  MigrationDir dir;
  std::unique_ptr<Gate> gate;
  std::unique_ptr<Process> run;
  std::string pid;

  explicit Held(const std::string& lock) {
    pqxx::connection c(db.url());
    pqxx::nontransaction(c).exec("CREATE TABLE gate (id int)");
    dir.add("1_gated", "LOCK TABLE gate IN ACCESS EXCLUSIVE MODE;\nCREATE TABLE after_gate (id int);", std::nullopt);
    dir.hash();
    gate = std::make_unique<Gate>(db.url(), "gate");
    run =
        std::make_unique<Process>(std::vector<std::string>{strata_binary(), "migrate", "up", "--url", db.url(), "--dir",
                                                           dir.path().string(), "--lock", lock, "--lock-timeout", "0"});
    EXPECT_TRUE(eventually([&] { return !(pid = blocked_strata(db.url())).empty(); })) << run->err_so_far();
  }
  ~Held() {
    gate->release();
    run->wait();
  }
};

TEST(LockStatus, FreeWhenNoStrataRuns) {
  testing::TestDatabase db;
  const LockStatus status = lock_status(db.url());
  EXPECT_EQ(status.kind, LockStatusKind::Advisory);
  EXPECT_FALSE(status.held());
  const auto out = run_command({strata_binary(), "lock", "status", "--url", db.url()});
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out, "free: no strata holds the advisory lock or the lease\n");
}

TEST(LockStatus, ShowsTheSessionHoldingTheAdvisoryLock) {
  Held held("advisory");
  if (HasFailure()) return;
  const LockStatus status = lock_status(held.db.url());
  ASSERT_TRUE(status.advisory.has_value());
  EXPECT_TRUE(status.held());
  EXPECT_FALSE(status.lease.has_value());
  const AdvisoryLockHolder& holder = *status.advisory;
  EXPECT_EQ(std::to_string(holder.pid), held.pid);
  EXPECT_EQ(holder.application_name, "strata");
  EXPECT_EQ(holder.client_address, "127.0.0.1");
  EXPECT_FALSE(holder.connected_since.empty());
  EXPECT_EQ(holder.state, "active");
  EXPECT_THAT(holder.query, HasSubstr("LOCK TABLE gate"));

  const auto out = run_command({strata_binary(), "lock", "status", "--url", held.db.url()});
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_THAT(out.out, HasSubstr("held: strata's advisory lock, by the session of pid " + held.pid));
  EXPECT_THAT(out.out, HasSubstr("application: strata"));
  EXPECT_THAT(out.out, HasSubstr("client: 127.0.0.1"));
  EXPECT_THAT(out.out, HasSubstr("connected since: " + holder.connected_since));
  EXPECT_THAT(out.out, HasSubstr("statement: LOCK TABLE gate"));
}

TEST(LockStatus, ShowsTheLeaseOfARunThatTookIt) {
  Held held("lease");
  if (HasFailure()) return;
  const LockStatus status = lock_status(held.db.url());
  EXPECT_FALSE(status.advisory.has_value());
  ASSERT_TRUE(status.lease.has_value());
  EXPECT_EQ(status.lease->purpose, "strata migrate");
  const auto out = run_command({strata_binary(), "lock", "status", "--url", held.db.url()});
  EXPECT_THAT(out.out, HasSubstr("held: the lease, by "));
  EXPECT_THAT(out.out, HasSubstr("purpose: strata migrate"));
}

}  // namespace
}  // namespace strata
