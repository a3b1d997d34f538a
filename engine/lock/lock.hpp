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
#include "strata/run_options.hpp"

namespace strata {

class Connection;

struct LockOptions {
  std::chrono::seconds wait = LockSettings{}.wait;    // how long to wait for another holder
  std::chrono::seconds lease = LockSettings{}.lease;  // lease: how long the row holds without a heartbeat
  // Called every few seconds while waiting, with who holds the lock and for how long so far.
  std::function<void(const std::string& holder, std::chrono::seconds waited)> on_wait;
  std::string purpose = "strata";   // recorded with the lease, shown by `strata lock status`
  const StopToken* stop = nullptr;  // asked while waiting: RunStopped, with nothing changed
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
                                                RunObserver* observer, bool* waited = nullptr,
                                                const StopToken* stop = nullptr);

// Throws RunStopped when `stop` asks (called while waiting for the lock).
void stop_if_asked_while_waiting(const StopToken* stop);

// The lease row in strata_lock (strata::LeaseStatus in the public API).
struct LeaseRow {
  std::string holder;
  std::string purpose;
  std::string acquired_at;
  std::string heartbeat_at;
  std::string expires_at;
  bool expired = false;
};

// The lease's current row, for `strata lock status`: empty when nobody holds it.
std::optional<LeaseRow> read_lease(Connection& connection);

// The session holding strata's advisory lock on this database (PostgreSQL; strata::AdvisoryLockHolder
// in the public API). Times are the server's, as text.
struct AdvisoryHolderRow {
  int pid = 0;
  std::string application_name;
  std::string client_address;  // "local" for a Unix socket
  std::string connected_since;
  std::string state;  // pg_stat_activity.state: active, idle, idle in transaction, ...
  std::string state_since;
  std::string query;  // its current or last statement
};

// The holder of strata's advisory lock, or nullopt when it is free. Only for a server whose
// advisory locks work (Capabilities::advisory_locks_work): it reads pg_locks.
std::optional<AdvisoryHolderRow> read_advisory_holder(Connection& connection);

// Deletes the lease row whoever holds it (`strata lock release --force`). Returns whether there
// was one.
bool break_lease(Connection& connection);

}  // namespace strata
