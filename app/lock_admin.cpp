// `strata lock status|release`: the advisory lock's holder and the lease row, read or deleted on a
// connection of its own.
#include "strata/lock_admin.hpp"

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "engine/lock/lock.hpp"

namespace strata {

namespace {

std::optional<LeaseStatus> public_lease(const std::optional<LeaseRow>& row) {
  if (!row) return std::nullopt;
  return LeaseStatus{row->holder, row->purpose, row->acquired_at, row->heartbeat_at, row->expires_at, row->expired};
}

}  // namespace

LockStatus lock_status(const std::string& url, const ConnectOptions& connect) {
  Connection connection(url, connect);
  const auto dialect = detect_dialect(connection);
  LockStatus status;
  if (dialect->capabilities().advisory_locks_work) {
    status.kind = LockStatusKind::Advisory;
    if (const auto holder = read_advisory_holder(connection)) {
      status.advisory =
          AdvisoryLockHolder{holder->pid,   holder->application_name, holder->client_address, holder->connected_since,
                             holder->state, holder->state_since,      holder->query};
    }
  }
  status.lease = public_lease(read_lease(connection));
  return status;
}

std::optional<LeaseStatus> lease_status(const std::string& url, const ConnectOptions& connect) {
  Connection connection(url, connect);
  return public_lease(read_lease(connection));
}

bool release_lease(const std::string& url, const ConnectOptions& connect) {
  Connection connection(url, connect);
  return break_lease(connection);
}

}  // namespace strata
