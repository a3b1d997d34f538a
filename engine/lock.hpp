// strata's lock: one strata at a time changes a database.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace strata {

class Connection;

struct LockOptions {
  std::chrono::seconds wait{300};
  // Called now and then while waiting, with a description of the holder.
  std::function<void(const std::string& holder, std::chrono::seconds waited)> on_wait;
};

// Held until destroyed.
class SchemaLock {
 public:
  virtual ~SchemaLock() = default;
};

// PostgreSQL's session advisory lock (which really excludes other sessions there). Waits up to
// options.wait, then throws Error naming the holder.
std::unique_ptr<SchemaLock> acquire_advisory_lock(Connection& connection, const LockOptions& options);

}  // namespace strata
