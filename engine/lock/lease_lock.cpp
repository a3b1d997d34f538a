// The lease lock: a row in strata_lock, taken with one conditional write, renewed by a heartbeat
// on a connection of its own, given up on exit, taken over after expiry. Expiry is judged by the
// server's clock (now()), never the client's.
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/sqlstate.hpp"
#include "engine/lock/lock.hpp"

namespace strata {

namespace {

constexpr const char* kName = "schema";  // one lease per database

const char* const kCreateTable =
    "CREATE TABLE IF NOT EXISTS strata_lock ("
    " name text PRIMARY KEY, holder text NOT NULL, purpose text NOT NULL,"
    " acquired_at timestamptz NOT NULL, heartbeat_at timestamptz NOT NULL, expires_at timestamptz NOT NULL)";

// Takes the row if it is free, expired, or already ours: one statement, so two strata cannot both
// succeed. Returns a row only when this holder now holds the lease.
const char* const kTake =
    "INSERT INTO strata_lock (name, holder, purpose, acquired_at, heartbeat_at, expires_at) "
    "VALUES ($1, $2, $3, now(), now(), now() + $4::interval) "
    "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, purpose = excluded.purpose, "
    " acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at "
    "WHERE strata_lock.expires_at < now() OR strata_lock.holder = excluded.holder "
    "RETURNING holder";

const char* const kRenew =
    "UPDATE strata_lock SET heartbeat_at = now(), expires_at = now() + $3::interval "
    "WHERE name = $1 AND holder = $2 AND expires_at > now() RETURNING holder";

const char* const kHeld = "SELECT 1 FROM strata_lock WHERE name = $1 AND holder = $2 AND expires_at > now()";

const char* const kRelease = "DELETE FROM strata_lock WHERE name = $1 AND holder = $2";

const char* const kRead =
    "SELECT holder, purpose, acquired_at::text, heartbeat_at::text, expires_at::text, expires_at < now() "
    "FROM strata_lock WHERE name = $1";

std::string holder_id() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  std::random_device random;
  return fmt::format("{}:{}:{:08x}", host, getpid(), random());
}

std::string interval(std::chrono::seconds seconds) {
  return fmt::format("{} seconds", seconds.count());
}

class LeaseLock : public SchemaLock {
 public:
  LeaseLock(Connection& connection, const std::string& url, std::string holder, const LockOptions& options)
      : connection_(connection), holder_(std::move(holder)), lease_(options.lease) {
    heartbeat_ = std::thread([this, url] { beat(url); });
  }

  ~LeaseLock() override {
    {
      std::lock_guard<std::mutex> guard(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (heartbeat_.joinable()) heartbeat_.join();
    try {
      connection_.exec_params(kRelease, std::string(kName), holder_);
    } catch (...) {
      // Unreleased, the lease expires on its own.
    }
  }

  void check_held(Connection& connection) const override {
    if (lost_) throw_lost();
    if (connection.exec_params(kHeld, std::string(kName), holder_).empty()) throw_lost();
  }

  void check_held(pqxx::transaction_base& tx) const override {
    if (lost_) throw_lost();
    // FOR UPDATE: nobody can take the lease over until this transaction ends.
    if (tx.exec_params(std::string(kHeld) + " FOR UPDATE", std::string(kName), holder_).empty()) throw_lost();
  }

 private:
  [[noreturn]] void throw_lost() const {
    throw LockLost(
        fmt::format("strata's lease on the database ran out or was broken (holder {}): stopping before "
                    "the next statement; nothing more is recorded",
                    holder_));
  }

  void beat(const std::string& url) {
    std::unique_ptr<Connection> beat_connection;
    std::unique_lock<std::mutex> guard(mutex_);
    const auto period = std::max<std::chrono::milliseconds>(std::chrono::milliseconds(200), lease_ / 3);
    while (!stopping_) {
      wake_.wait_for(guard, period, [this] { return stopping_; });
      if (stopping_) break;
      guard.unlock();
      try {
        if (!beat_connection) beat_connection = std::make_unique<Connection>(url, connection_.options());
        if (beat_connection->exec_params(kRenew, std::string(kName), holder_, interval(lease_)).empty()) lost_ = true;
      } catch (...) {
        beat_connection.reset();  // try again on the next beat; expiry decides
      }
      guard.lock();
    }
  }

  Connection& connection_;
  std::string holder_;
  std::chrono::seconds lease_;
  std::atomic<bool> lost_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread heartbeat_;
};

std::string describe(const LeaseRow& info) {
  return fmt::format("{} ({}, since {}, lease {} at {})", info.holder, info.purpose, info.acquired_at,
                     info.expired ? "expired" : "expires", info.expires_at);
}

// Creates strata_lock if missing. Two strata creating it at once may collide in PostgreSQL's
// catalog (23505 on pg_type, 42P07 on the relation, or 42710 on its row type); the loser finds the table
// there and goes on.
void ensure_table(Connection& connection) {
  try {
    connection.exec(kCreateTable);
  } catch (const DatabaseError& error) {
    const std::string& state = error.sqlstate();
    if (state != sqlstate::kUniqueViolation && state != sqlstate::kDuplicateTable &&
        state != sqlstate::kDuplicateObject)
      throw;
  }
}

// Whether strata_lock exists: reading or breaking the lease must not create it (a read-only user
// may look, and a database no strata ever locked has no lease to show).
bool table_exists(Connection& connection) {
  return connection.exec("SELECT to_regclass('strata_lock') IS NOT NULL")[0][0].as<bool>();
}

}  // namespace

std::optional<LeaseRow> read_lease(Connection& connection) {
  if (!table_exists(connection)) return std::nullopt;
  const auto rows = connection.exec_params(kRead, std::string(kName));
  if (rows.empty()) return std::nullopt;
  const auto& row = rows[0];
  return LeaseRow{row[0].c_str(), row[1].c_str(), row[2].c_str(), row[3].c_str(), row[4].c_str(), row[5].as<bool>()};
}

bool break_lease(Connection& connection) {
  if (!table_exists(connection)) return false;
  return connection.exec_params("DELETE FROM strata_lock WHERE name = $1 RETURNING holder", std::string(kName)).size() >
         0;
}

std::unique_ptr<SchemaLock> acquire_lease_lock(Connection& connection, const std::string& url,
                                               const LockOptions& options) {
  ensure_table(connection);
  const std::string holder = holder_id();
  // The holder keeps the lease row locked while it runs a step (fencing): a taker must not queue
  // behind it for ever, so its write gives up after a moment and counts as "held".
  connection.exec("SET lock_timeout = '2s'");
  const auto start = std::chrono::steady_clock::now();
  auto next_report = start;
  auto pause = std::chrono::milliseconds(100);
  for (;;) {
    stop_if_asked_while_waiting(options.stop);
    bool taken = false;
    try {
      taken =
          !connection.exec_params(kTake, std::string(kName), holder, options.purpose, interval(options.lease)).empty();
    } catch (const DatabaseError& error) {
      if (error.sqlstate() != sqlstate::kLockNotAvailable && error.sqlstate() != sqlstate::kSerializationFailure)
        throw;  // lock timeout, retry: held
    }
    if (taken) {
      connection.exec("RESET lock_timeout");
      return std::make_unique<LeaseLock>(connection, url, holder, options);
    }
    const auto now = std::chrono::steady_clock::now();
    const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - start);
    const auto current = read_lease(connection);
    const std::string who = current ? describe(*current) : "another strata";
    if (waited >= options.wait) {
      throw LockWaitTimeout(
          fmt::format("gave up after {} s waiting for strata's lock on {}: it is held by {}. If that holder "
                      "is gone, its lease expires by itself; `strata lock release --force` breaks it now",
                      waited.count(), connection.display_url(), who));
    }
    if (now >= next_report && options.on_wait) {
      options.on_wait(who, waited);
      next_report = now + std::chrono::seconds(5);
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(1000));
  }
}

}  // namespace strata
