// One client connection of the stand-in: the startup handshake, the simple query protocol and the
// extended protocol as libpq uses it (Parse, Bind, Describe, Execute, Sync, Close, Flush).
#pragma once

#include <optional>
#include <string>

#include "support/crdb_standin/responder.hpp"
#include "support/crdb_standin/statement_log.hpp"

namespace strata::standin {

struct ServerSetup {
  const Responder& responder;
  StatementLog& log;
  std::optional<std::string> unsafe_internals;  // "on", "off", or nullopt for the release's default
};

// Serves the client on socket `fd` until it ends the session; closes `fd`.
void serve_connection(int fd, int session_id, const ServerSetup& setup);

}  // namespace strata::standin
