// A database of its own on a server, created for a while and dropped after: `migrate new` replays
// the migrations there to learn the schema they produce.
#pragma once

#include <string>

#include "strata/connect.hpp"

namespace strata::migrations {

class ScratchDatabase {
 public:
  // Creates strata_scratch_<random> on the server `server_url` names. Throws ConnectionError or
  // DatabaseError (the user may lack CREATEDB: the message says to pass --dev-url).
  ScratchDatabase(const std::string& server_url, const ConnectOptions& connect);
  ~ScratchDatabase();  // drops it; a failure to drop is reported on stderr, never thrown
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  std::string server_url_;
  ConnectOptions connect_;
  std::string name_;
  std::string url_;
};

}  // namespace strata::migrations
