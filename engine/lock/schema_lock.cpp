// Choosing strata's lock for a server.
#include "engine/lock/lock.hpp"
#include "strata/dialect.hpp"

namespace strata {

std::unique_ptr<SchemaLock> acquire_schema_lock(Connection& connection, const std::string& url,
                                                const Dialect& dialect, LockKind kind, const LockOptions& options) {
  const bool advisory =
      kind == LockKind::Advisory || (kind == LockKind::Auto && dialect.capabilities().advisory_locks_work);
  return advisory ? acquire_advisory_lock(connection, options) : acquire_lease_lock(connection, url, options);
}

}  // namespace strata
