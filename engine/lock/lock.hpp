// strata's lock: one strata at a time changes a database.
//
// Two kinds. PostgreSQL's session advisory lock really excludes other sessions there. On
// CockroachDB pg_advisory_lock is accepted and does nothing, so the lock is a lease: a row in
// strata_lock taken with one conditional write, renewed by a heartbeat, released on exit, and taken
// over once it has expired (judged by the server's clock) when its holder died. The lease works
// on any server; the tests prove it on PostgreSQL.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <pqxx/pqxx>

#include "strata/errors.hpp"
#include "strata/lock_admin.hpp"
#include "strata/run_options.hpp"

namespace strata {

class Connection;

struct LockOptions {
  std::chrono::seconds wait = LockSettings{}.wait;    // how long to wait for another holder
  std::chrono::seconds lease = LockSettings{}.lease;  // lease: how long the row holds without a heartbeat
  // Called every few seconds while waiting, with who holds the lock and for how long so far.
  std::function<void(const std::string& holder, std::chrono::seconds waited)> on_wait;
  std::string purpose = "strata";  // recorded with the lease, shown by `strata lock status`
};

// This strata no longer holds its lock (a lease that expired while it was paused, or was broken
// on purpose): it must stop before its next statement and record nothing.
class LockLost : public Error {
 public:
  using Error::Error;
};

// Held until destroyed.
class SchemaLock {
 public:
  virtual ~SchemaLock() = default;
  // Throws LockLost unless the lock is still held. `check_held(tx)` checks inside a transaction
  // that then writes, so the write and the check stand or fall together (fencing).
  virtual void check_held(Connection& connection) const = 0;
  virtual void check_held(pqxx::transaction_base& tx) const = 0;
};

std::unique_ptr<SchemaLock> acquire_advisory_lock(Connection& connection, const LockOptions& options);

// `url` is used for the heartbeat's own connection.
std::unique_ptr<SchemaLock> acquire_lease_lock(Connection& connection, const std::string& url,
                                               const LockOptions& options);

class Dialect;

// The lock `settings.kind` names, or for LockKind::Auto the dialect's: PostgreSQL's advisory lock
// where it works, the lease elsewhere. `url` is for the lease's heartbeat connection. Waits are
// reported to `observer` (and `waited` set, when given).
std::unique_ptr<SchemaLock> acquire_schema_lock(Connection& connection, const std::string& url, const Dialect& dialect,
                                                const LockSettings& settings, const std::string& purpose,
                                                RunObserver* observer, bool* waited = nullptr);

// The lease's current row, for `strata lock status`: empty when nobody holds it.
std::optional<LeaseStatus> read_lease(Connection& connection);

// Deletes the lease row whoever holds it (`strata lock release --force`). Returns whether there
// was one.
bool break_lease(Connection& connection);

}  // namespace strata
