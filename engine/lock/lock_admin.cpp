// `strata lock status|release`: the lease row, read or deleted on a connection of its own.
#include "strata/lock_admin.hpp"

#include "engine/db/connection.hpp"
#include "engine/lock/lock.hpp"

namespace strata {

std::optional<LeaseStatus> lease_status(const std::string& url, const ConnectOptions& connect) {
  Connection connection(url, connect);
  return read_lease(connection);
}

bool release_lease(const std::string& url, const ConnectOptions& connect) {
  Connection connection(url, connect);
  return break_lease(connection);
}

}  // namespace strata
