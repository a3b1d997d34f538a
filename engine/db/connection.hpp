// A connection to PostgreSQL or CockroachDB: libpqxx underneath, with every error turned into a
// strata error whose text never holds the password, and a count of round trips for tests and
// benchmarks. Internal header: the public API does not expose libpqxx.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

#include "strata/connect.hpp"

namespace strata {

// `url` naming `database` instead of its own (URI or key=value form).
std::string url_with_database(std::string_view url, std::string_view database);

class Connection {
 public:
  // Connects at once. Throws ConnectionError (redacted) when the server cannot be reached or
  // refuses the credentials, UsageError when the URL cannot be parsed.
  explicit Connection(const std::string& url, const ConnectOptions& options = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement outside any explicit transaction (one round trip).
  pqxx::result exec(const std::string& sql);

  // Runs one statement with $1, $2… parameters (one round trip).
  template <typename... Args>
  pqxx::result exec_params(const std::string& sql, Args&&... args) {
    return run(sql, [&](pqxx::nontransaction& tx) { return tx.exec_params(sql, std::forward<Args>(args)...); });
  }

  // Runs `sql`, whose $1 is a text array of `names` (NULL when there are none: catalog queries read
  // every user namespace then).
  pqxx::result exec_with_names(const std::string& sql, const std::vector<std::string>& names);

  // Round trips made so far through exec() and exec_params().
  int round_trips() const { return round_trips_; }

  // The URL with its password replaced by "***": the only form of it strata ever prints.
  const std::string& display_url() const { return display_url_; }

  // The text of `SELECT version()`, read once at connect time.
  const std::string& server_version() const { return server_version_; }

  // What this connection was opened with (a second connection to the same server uses them too).
  const ConnectOptions& options() const { return options_; }

  // Sets the session's lock_timeout (0: none), remembered so that a statement that runs out of
  // it is reported as a wait for a lock.
  void set_lock_timeout(std::chrono::seconds timeout);

  pqxx::connection& raw() { return *connection_; }

  // Turns an exception from libpqxx into the matching strata error, scrubbing secrets.
  [[noreturn]] void rethrow(const std::exception& error, const std::string& statement) const;

 private:
  template <typename Fn>
  pqxx::result run(const std::string& sql, Fn&& fn) {
    ++round_trips_;
    try {
      pqxx::nontransaction tx(*connection_);
      return fn(tx);
    } catch (const std::exception& error) {
      rethrow(error, sql);
    }
  }

  std::unique_ptr<pqxx::connection> connection_;
  ConnectOptions options_;
  std::chrono::seconds lock_timeout_{0};
  std::string display_url_;
  std::vector<std::string> secrets_;
  std::string server_version_;
  int round_trips_ = 0;
};

}  // namespace strata
