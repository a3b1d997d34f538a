// Looking at strata's lock from outside a run: `strata lock status` and `strata lock release`.
// Neither creates anything or needs more than the right to read (release: to delete) strata_lock.
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

// The lease's current row; nullopt when nobody holds it.
STRATA_EXPORT std::optional<LeaseStatus> lease_status(const std::string& url, const ConnectOptions& connect = {});

// Deletes the lease row whoever holds it (only when its holder is gone). Returns whether there was one.
STRATA_EXPORT bool release_lease(const std::string& url, const ConnectOptions& connect = {});

}  // namespace strata
