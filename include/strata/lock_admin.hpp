// Looking at strata's lock from outside a run: `strata lock status` and `strata lock release`.
// Neither creates anything or needs more than the right to read pg_locks, pg_stat_activity and
// strata_lock (release: to delete from strata_lock).
#pragma once

#include <optional>
#include <string>

#include "strata/connect.hpp"
#include "strata/export.hpp"

namespace strata {

// The lease row in strata_lock: who holds it, why, and when it expires.
struct LeaseStatus {
  std::string holder;
  std::string purpose;
  std::string acquired_at;
  std::string heartbeat_at;
  std::string expires_at;
  bool expired = false;  // the next strata takes it over
};

// The session that holds strata's advisory lock (PostgreSQL). The lock lives as long as the
// session: it is given up when the session ends (pg_terminate_backend(pid) ends it by force).
struct AdvisoryLockHolder {
  int pid = 0;                   // the server process of the session
  std::string application_name;  // "strata" for a strata run (ConnectOptions::application_name)
  std::string client_address;    // "local" for a Unix-domain socket
  std::string connected_since;   // the session's start: the lock was taken at or after it
  std::string state;             // active, idle, idle in transaction, ...
  std::string state_since;       // when it entered that state
  std::string query;             // its current (active) or last statement
};

// Which lock a server's strata use, and who holds it.
enum class LockStatusKind {
  Advisory,  // PostgreSQL: a session advisory lock (strata's default there)
  Lease,     // a row in strata_lock (CockroachDB, or --lock lease)
};

struct LockStatus {
  LockStatusKind kind = LockStatusKind::Lease;  // the lock `--lock auto` takes on this server
  std::optional<AdvisoryLockHolder> advisory;   // the advisory lock's holder; nullopt: free (or no such lock)
  std::optional<LeaseStatus> lease;             // the lease row; nullopt: nobody holds the lease
  // Whether a strata holds (or, for an expired lease, held) either lock.
  bool held() const { return advisory.has_value() || (lease.has_value() && !lease->expired); }
};

// Both locks on the database `url` names: the advisory lock's holder where the server's advisory
// locks work (PostgreSQL), and the lease row (which `--lock lease` uses on any server).
STRATA_EXPORT LockStatus lock_status(const std::string& url, const ConnectOptions& connect = {});

// The lease's current row; nullopt when nobody holds it.
STRATA_EXPORT std::optional<LeaseStatus> lease_status(const std::string& url, const ConnectOptions& connect = {});

// Deletes the lease row whoever holds it (only when its holder is gone). Returns whether there was
// one. The advisory lock cannot be broken this way: it ends with its holder's session.
STRATA_EXPORT bool release_lease(const std::string& url, const ConnectOptions& connect = {});

}  // namespace strata
