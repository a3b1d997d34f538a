// Test support: the CockroachDB stand-in (support/crdb_standin/README.md) for one release of the
// catalogue, started on a free loopback port and stopped (SIGTERM) by the destructor.
//
//   CrdbStandin standin("v26.2", "off");
//   pqxx::connection connection(standin.url());
//   ... standin.statements() is what it received, in order, with each one's SQLSTATE.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/crdb_standin/statement_log.hpp"

namespace strata::testing {

using standin::LoggedStatement;

class CrdbStandin {
 public:
  // Starts strata-crdb-standin for `release` ("v25.4") with --unsafe-internals `unsafe_internals`
  // ("on", "off" or "default"); waits for its "port N" line. Throws std::runtime_error with what it
  // printed when it does not start.
  // `claimed_version`, when given, is the SELECT version() text it answers instead of the release's
  // (a server outside the catalogue, for the release policy).
  explicit CrdbStandin(const std::string& release, const std::string& unsafe_internals = "default",
                       const std::string& claimed_version = "");
  ~CrdbStandin();
  CrdbStandin(const CrdbStandin&) = delete;
  CrdbStandin& operator=(const CrdbStandin&) = delete;

  int port() const { return port_; }
  // postgresql://root@127.0.0.1:PORT/DATABASE?sslmode=disable
  std::string url(const std::string& database = "defaultdb") const;
  // Every statement the stand-in received so far.
  std::vector<LoggedStatement> statements() const;

  // tests/fixtures/crdb-releases, and the releases it holds ("v24.3", …).
  static std::filesystem::path catalogue_dir();
  static std::vector<std::string> releases();

 private:
  int pid_ = -1;
  int port_ = 0;
  std::filesystem::path work_dir_;
};

// One stand-in configuration: a release of the catalogue with allow_unsafe_internals "on" or "off".
struct StandinCase {
  std::string release;
  std::string unsafe_internals;
};

// Every release of the catalogue, each with the setting on and off.
std::vector<StandinCase> standin_cases();

// "v24_3_off": a GoogleTest name for the case.
std::string standin_case_name(const ::testing::TestParamInfo<StandinCase>& info);

// GoogleTest prints a case as "v24.3 allow_unsafe_internals=off".
void PrintTo(const StandinCase& c, std::ostream* out);

}  // namespace strata::testing
