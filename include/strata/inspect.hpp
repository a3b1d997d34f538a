// Reading the live schema of a database.
#pragma once

#include <string>
#include <vector>

#include "strata/connect.hpp"
#include "strata/export.hpp"
#include "strata/schema.hpp"

namespace strata {

struct InspectOptions {
  std::vector<std::string> schemas;  // namespaces to read; empty reads every user namespace
  ConnectOptions connect;
  std::vector<SkippedObject>* skipped = nullptr;  // when set, receives what was seen and not read
  std::string* dialect = nullptr;                 // when set, receives the server's: "postgres", "cockroachdb"
};

// Connects to `url` (PostgreSQL or CockroachDB, detected), reads its schema and returns it in
// canonical form. Throws ConnectionError, DatabaseError, UsageError.
STRATA_EXPORT Schema inspect(const std::string& url, const InspectOptions& options = {});

}  // namespace strata
