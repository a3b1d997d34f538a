// The three checks of `strata check`, each filling CheckCases of the report (see run_check.cpp
// for how they are chosen and fed).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "migrations/directory.hpp"
#include "migrations/history.hpp"
#include "strata/check.hpp"
#include "strata/dialect.hpp"
#include "strata/schema.hpp"

namespace strata {
class Connection;
class ServerDialect;
}  // namespace strata

namespace strata::check {

// What integrity learned that lint needs: which up files to lint.
struct IntegrityResult {
  CheckCase report;
  std::vector<std::size_t> lint_targets;  // indices into directory.migrations
  std::string lint_scope;                 // "pending", "new since REF", "all"
};

// `history`: the live history when a database was given. `base`: a git ref, or empty.
IntegrityResult check_integrity(const migrations::Directory& directory,
                                const std::optional<std::vector<migrations::HistoryRow>>& history,
                                const std::string& base);

// The path a finding shows for a file of the directory.
std::string display_path(const migrations::Directory& directory, const std::string& file_name);

// SD101: the live schema against the declared one.
CheckCase live_drift(Connection& connection, const ServerDialect& dialect, const Schema& declared,
                     const std::string& history_table);

// SD102 / SD103: the migrations replayed in a scratch database on `dev_url`, against the declared schema.
CheckCase migrations_drift(const std::filesystem::path& dir, const std::string& dev_url, const Schema& declared,
                           const ConnectOptions& connect, const std::string& history_table);

// SD102 / SD103 without a server: the migrations read offline by `dialect`'s SQL reader.
CheckCase migrations_drift_offline(const std::filesystem::path& dir, const Schema& declared, const Dialect& dialect);

}  // namespace strata::check
