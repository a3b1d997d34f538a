// Choosing strata's lock for a server.
#include <fmt/format.h>

#include "engine/lock/lock.hpp"
#include "strata/dialect.hpp"

namespace strata {

std::unique_ptr<SchemaLock> acquire_schema_lock(Connection& connection, const std::string& url, const Dialect& dialect,
                                                const LockSettings& settings, const std::string& purpose,
                                                RunObserver* observer, bool* waited) {
  LockOptions options;
  options.wait = settings.wait;
  options.lease = settings.lease;
  options.purpose = purpose;
  options.on_wait = [observer, waited](const std::string& holder, std::chrono::seconds so_far) {
    if (waited) *waited = true;
    if (observer) observer->waiting_for_lock(holder, so_far);
  };
  if (settings.kind == LockKind::Advisory && !dialect.capabilities().advisory_locks_work) {
    // CockroachDB accepts pg_advisory_lock and locks nothing: two strata would both go ahead.
    throw UsageError(fmt::format(
        "--lock advisory cannot keep two strata apart on {}: its session advisory locks are accepted and lock "
        "nothing; use --lock lease (or auto, which picks it)",
        dialect.name()));
  }
  const bool advisory = settings.kind == LockKind::Advisory ||
                        (settings.kind == LockKind::Auto && dialect.capabilities().advisory_locks_work);
  return advisory ? acquire_advisory_lock(connection, options) : acquire_lease_lock(connection, url, options);
}

}  // namespace strata
