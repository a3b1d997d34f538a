// What another tool's history table says was applied, and how that maps onto an imported strata
// directory (`strata migrate adopt`). Reading is per tool: golang-migrate's schema_migrations (one
// row: the version reached, and whether it is dirty), goose's goose_db_version (a row per up and
// down), Flyway's flyway_schema_history (success, checksum, baselines, undo), dbmate's
// schema_migrations (a row per applied version), Prisma's _prisma_migrations (started, finished,
// rolled back, checksum), Atlas's atlas_schema_revisions (applied of total statements, error, hash).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrations/directory.hpp"
#include "migrations/import/tool_directory.hpp"

namespace strata {
class Connection;
}

namespace strata::migrations::import {

struct ToolRecord {
  std::string version;   // the tool's version (Flyway repeatables: "R:<file name>")
  bool applied = false;  // the tool counts it as applied now
  std::string problem;   // dirty / failed / half applied: why the tool itself would stop
  std::string checksum;  // what the tool recorded ("" when it keeps none)
};

struct ToolHistory {
  std::string table;                // the table read, for messages
  std::vector<ToolRecord> records;  // in the tool's order
  // Everything up to this version counts as applied (golang-migrate's one row, a baseline).
  std::optional<std::string> applied_through;
};

// The default history table of each tool, schema-qualified where the tool puts it elsewhere.
std::string default_history_table(Tool tool);

// Reads the tool's history from `table` (default_history_table when empty). Throws UsageError
// when the table cannot be read, saying which table and how to name another.
ToolHistory read_tool_history(Connection& connection, Tool tool, const std::string& table);

struct AdoptPlan {
  std::vector<std::int64_t> applied;  // strata versions to record as applied, ascending
  std::vector<std::string> refusals;  // where the tool and the directory disagree: nothing is recorded
  std::vector<std::string> remarks;   // worth saying, not blocking
};

// Matches the history with the directory's imported files (their `strata:imported` lines).
AdoptPlan plan_adoption(const Directory& directory, Tool tool, const ToolHistory& history);

}  // namespace strata::migrations::import
