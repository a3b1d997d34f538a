// `strata check`: the CI gate. Three checks over a migrations directory, a declared schema and a
// database, each yielding findings with a stable code (the catalogue is in docs/check.md):
//   integrity  strata.sum agrees with the files; no applied migration was edited or lost; versions
//              are unique and in order (SI…);
//   lint       the migration files that are pending (or new since a git ref) against statements
//              that lose data, rewrite tables, take blocking locks, or are risky on CockroachDB (SL…);
//   drift      the live schema against the declared one, and the schema the migrations produce
//              against the declared one (SD…).
// A check that lacks its inputs (no --url, no --schema…) is reported as skipped with the reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/connect.hpp"
#include "strata/declared_schema.hpp"
#include "strata/export.hpp"
#include "strata/finding.hpp"
#include "strata/run_options.hpp"

namespace strata {

struct CheckReport {
  static constexpr int kFormatVersion = 1;  // of the JSON report; raised on incompatible changes
  std::vector<CheckCase> cases;
  std::vector<SchemaNote> notes;  // statements of SQL schema files strata left out
  STRATA_EXPORT std::size_t finding_count() const;
  bool clean() const { return finding_count() == 0; }
};

struct CheckOptions {
  std::string url;                            // the live database (integrity against history, live drift)
  std::vector<std::string> schema_paths;      // the declared schema (drift)
  std::string dir;                            // the migrations directory (integrity, lint, drift)
  std::string dev_url;                        // a server for a scratch database (migrations' drift)
  std::string base;                           // a git ref: lint what is new since it
  std::string dialect;                        // without --url: "postgres" or "cockroachdb" (empty: lint for both)
  std::string server_version;                 // with `dialect`: the release the migrations are for ("24.3")
  ConnectOptions connect;                     // for every connection (--url and --dev-url)
  std::string history_table = kHistoryTable;  // see RunSettings::history_table
};

// Runs every check its inputs allow. Without --dev-url, the migrations' drift is planned offline
// when the server's kind is known (--url or `dialect`): their statements are read by the dialect's
// SQL reader and the schema they build is compared with the declared one. Throws UsageError for unusable options
// (nothing to check, a bad git ref), LoadError for a declared schema or migration file that cannot be read, and
// ConnectionError when a database cannot be reached.
STRATA_EXPORT CheckReport run_check(const CheckOptions& options);

// Reports. JSON has the shape docs/check.md documents (with "version": kFormatVersion); JUnit XML
// holds one test case per CheckCase; GitHub prints workflow commands (::error file=…,line=…::);
// text colours codes and paths only when `colour`.
STRATA_EXPORT std::string check_report_json(const CheckReport& report);
STRATA_EXPORT std::string check_report_junit(const CheckReport& report);
STRATA_EXPORT std::string check_report_github(const CheckReport& report);
STRATA_EXPORT std::string check_report_text(const CheckReport& report, bool colour);

}  // namespace strata
