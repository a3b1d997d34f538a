// The limits every connection strata opens gets. A limit that runs out fails with an error that
// says what was being waited for (the server, a statement, a lock).
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace strata {

struct ConnectOptions {
  // To reach the server and log in (libpq's connect_timeout; 0: wait forever, and libpq counts
  // anything below 2 as 2). Used unless the URL sets connect_timeout itself.
  std::chrono::seconds connect_timeout{10};
  // How long one statement may run (the session's statement_timeout; 0: no limit). A migration
  // that builds an index on a big table may rightly take hours, hence no limit by default.
  std::chrono::seconds statement_timeout{0};
  std::string application_name = "strata";
  // Receives a one-line warning about the server (a release newer than strata knows, say).
  // Empty: warnings are dropped.
  std::function<void(const std::string& warning)> on_warning;
};

}  // namespace strata
