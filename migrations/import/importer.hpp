// Another tool's directory made into a strata migrations directory: each migration becomes
// <version>_<name>.up.sql (and .down.sql where the tool has one), headed by where it came from and
// `-- strata:imported TOOL VERSION [CHECKSUM]` (which `strata migrate adopt` matches against the
// tool's history), with `-- strata:no-transaction` where the tool ran it outside a transaction;
// then strata.sum is written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "migrations/import/tool_directory.hpp"

namespace strata::migrations::import {

// Flyway's repeatable migrations (R__) are run again whenever they change, which strata's
// migrations never are: refused unless one of the other mappings is chosen.
enum class Repeatables {
  Refuse,  // the import stops and says why
  Append,  // each becomes a migration after the versioned ones, in Flyway's order (run once)
  Skip,    // left out, and reported
};

struct ImportedFile {
  std::int64_t version = 0;
  std::string tool_version;  // "" for a repeatable
  std::string name;
  std::filesystem::path up;
  std::optional<std::filesystem::path> down;
  bool no_transaction = false;
  std::vector<std::string> from;  // the tool's files
};

struct ImportResult {
  std::vector<ImportedFile> files;
  std::vector<Remark> not_carried;
  std::filesystem::path sum;
};

// Writes `source`'s migrations into `target` (created; it must hold no migrations yet).
// Versions stay the tool's when they are numbers; otherwise (Flyway's 1.1, Atlas's names) the
// migrations are numbered 1, 2, … in the tool's order and the header keeps the tool's version.
// Throws UsageError for a refused repeatable or a target that holds migrations.
ImportResult write_strata_directory(const ToolDirectory& source, const std::filesystem::path& target,
                                    Repeatables repeatables);

// The `-- strata:imported TOOL VERSION [CHECKSUM]` line of an imported up file, if it has one.
struct ImportedFrom {
  std::string tool;
  std::string version;  // the tool's version; "R:<file name>" for a Flyway repeatable
  std::string checksum;
};
std::optional<ImportedFrom> imported_from(std::string_view up_text);

}  // namespace strata::migrations::import
