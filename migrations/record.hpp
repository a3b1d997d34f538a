// Recording migrations as applied without running them: `strata migrate adopt` (the other tool
// ran them) and `strata migrate baseline` (the database already has their schema). Under strata's
// lock, in one transaction that checks the lock is still held, so all rows are written or none.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "migrations/directory.hpp"
#include "strata/run_options.hpp"

namespace strata {
class Connection;
class ServerDialect;
}  // namespace strata

namespace strata::migrations {

struct RecordResult {
  std::vector<std::int64_t> recorded;         // written now
  std::vector<std::int64_t> already_applied;  // strata's history had them, with the same checksum
};

// Writes an `applied` row for each of `versions` (migrations of `directory`). Refuses
// (FindingsError, nothing written) when strata's history disagrees: a row of one of them that is
// not applied or has another checksum, or an applied row of a version not among them that the
// directory has below the highest of them .
RecordResult record_applied(Connection& connection, const std::string& url, const ServerDialect& dialect,
                            const Directory& directory, const std::vector<std::int64_t>& versions,
                            const RunSettings& settings, const std::string& purpose);

}  // namespace strata::migrations
