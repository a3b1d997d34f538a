#include <thread>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/lock/lock.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

// One key for every strata (advisory locks are per database already): "strata" in ASCII.
constexpr const char* kKey = "126943972389985";

class AdvisoryLock : public SchemaLock {
 public:
  explicit AdvisoryLock(Connection& connection) : connection_(connection) {}
  // The lock lives as long as the session: a lost session fails the statement that meets it.
  void check_held(Connection&) const override {}
  void check_held(pqxx::transaction_base&) const override {}

  ~AdvisoryLock() override {
    try {
      connection_.exec(fmt::format("SELECT pg_advisory_unlock({})", kKey));
    } catch (...) {
      // The session ends with the connection, and the lock with it.
    }
  }

 private:
  Connection& connection_;
};

std::string describe_holder(Connection& connection) {
  const auto holder = read_advisory_holder(connection);
  if (!holder) return "another session";
  return fmt::format("pid {} ({} from {}, connected since {})", holder->pid,
                     holder->application_name.empty() ? "no application name" : holder->application_name,
                     holder->client_address, holder->connected_since);
}

}  // namespace

std::optional<AdvisoryHolderRow> read_advisory_holder(Connection& connection) {
  // A session-level advisory lock on one bigint key is classid (high 32 bits), objid (low 32 bits),
  // objsubid 1.
  const auto rows = connection.exec(fmt::format(
      "SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local'), "
      "       to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'), coalesce(a.state, ''), "
      "       coalesce(to_char(a.state_change, 'YYYY-MM-DD HH24:MI:SS TZ'), ''), coalesce(a.query, '') "
      "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
      "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database "
      "WHERE datname = current_database()) AND ((l.classid::bigint << 32) | l.objid::bigint) = {} LIMIT 1",
      kKey));
  if (rows.empty()) return std::nullopt;
  const auto& row = rows[0];
  return AdvisoryHolderRow{row[0].as<int>(), row[1].c_str(), row[2].c_str(), row[3].c_str(),
                           row[4].c_str(),   row[5].c_str(), row[6].c_str()};
}

std::unique_ptr<SchemaLock> acquire_advisory_lock(Connection& connection, const LockOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto next_report = start;
  for (;;) {
    stop_if_asked_while_waiting(options.stop);
    if (connection.exec(fmt::format("SELECT pg_try_advisory_lock({})", kKey))[0][0].as<bool>()) {
      return std::make_unique<AdvisoryLock>(connection);
    }
    const auto now = std::chrono::steady_clock::now();
    const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - start);
    if (waited >= options.wait) {
      throw LockWaitTimeout(fmt::format("gave up after {} s waiting for strata's lock on {}: it is held by {}",
                                        waited.count(), connection.display_url(), describe_holder(connection)));
    }
    if (now >= next_report && options.on_wait) {
      options.on_wait(describe_holder(connection), waited);
      next_report = now + std::chrono::seconds(5);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace strata
