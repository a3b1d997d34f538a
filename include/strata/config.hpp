// strata.yaml: a project's settings, so that a team types `strata migrate up` and nothing more.
// Command-line flags override it.
//
//   url: ${DATABASE_URL}          # ${NAME} is read from the environment
//   dev_url: ${STRATA_DEV_URL}    # a scratch server for `migrate new` and `check`
//   schema: [schema]              # declared schema: files or directories
//   migrations: migrations        # the migrations directory
//   lock: { kind: auto, wait: 300, lease: 30, timeout: 10 }
//   job_timeout: 3600
//   connect_timeout: 10           # seconds to reach the server and log in
//   statement_timeout: 0          # seconds one statement may run (0: no limit)
//   allow_hazards: [index-build]
//   history_table: strata_schema_history   # versioned migrations' history (optionally schema.table)
//
// Relative paths are relative to the file's directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "strata/export.hpp"

namespace strata {

struct ProjectConfig {
  std::filesystem::path file;  // where it was read from; empty when there is none
  std::optional<std::string> url;
  std::optional<std::string> dev_url;
  std::vector<std::string> schema;
  std::optional<std::string> migrations;
  std::optional<std::string> lock_kind;      // auto | advisory | lease
  std::optional<int> lock_wait;              // seconds
  std::optional<int> lease;                  // seconds
  std::optional<int> lock_timeout;           // seconds a DDL statement may wait for its table lock
  std::optional<int> job_timeout;            // seconds
  std::optional<int> connect_timeout;        // seconds
  std::optional<int> statement_timeout;      // seconds, 0: no limit
  std::vector<std::string> allow_hazards;    // checked: each a hazard name, or all
  std::optional<std::string> history_table;  // checked: a table name, optionally schema-qualified
  // Environment variables the file names that are not set (a URL left unset says which).
  std::vector<std::string> unset_variables;
};

// Reads `file`. Throws LoadError naming file:line:column and what was expected.
STRATA_EXPORT ProjectConfig load_project_config(const std::filesystem::path& file);

// `explicit_file` when given (it must exist), else ./strata.yaml when there is one, else an empty
// config.
STRATA_EXPORT ProjectConfig find_project_config(const std::optional<std::filesystem::path>& explicit_file);

}  // namespace strata
