// A database of its own on a server, created for a while and dropped after: `migrate new` and
// `check --dev-url` replay the migrations there to learn the schema they produce.
//
// A strata killed before it dropped its scratch database leaves it behind, so the name says who
// made it and when: strata_scratch_<started>_<pid>_<random>, the creating session's start (seconds
// since the epoch) and server process id (0 where the server cannot tell sessions apart later).
// That session stays open as long as the scratch database is used. Every new scratch database
// first drops the stale ones: those whose creating session is gone, or, where the server cannot
// tell, those older than an hour.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/db/server_dialect.hpp"
#include "strata/connect.hpp"

namespace strata {
class Connection;
}

namespace strata::migrations {

inline constexpr std::chrono::seconds kScratchMaxAge{3600};

// The parts of a scratch database's name; nullopt for a name strata did not make this way.
struct ScratchName {
  std::int64_t started = 0;
  std::int64_t pid = 0;
};
std::optional<ScratchName> parse_scratch_name(std::string_view database);

class ScratchDatabase {
 public:
  // Creates strata_scratch_… on the server `server_url` names (`dialect` is that server's), after
  // dropping stale ones. Throws ConnectionError or DatabaseError (the user may lack CREATEDB: the
  // message says to pass --dev-url).
  ScratchDatabase(const std::string& server_url, const ConnectOptions& connect, const ServerDialect& dialect);
  ~ScratchDatabase();  // drops it; a failure to drop is reported on stderr, never thrown
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  void drop_stale();

  std::string server_url_;
  ConnectOptions connect_;
  const ServerDialect& dialect_;
  std::unique_ptr<Connection> creator_;  // the session the name refers to, open until the drop
  std::string name_;
  std::string url_;
};

}  // namespace strata::migrations
