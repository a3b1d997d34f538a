// Other migration tools' directories, read into one shape: each tool has a reader that knows its
// file names, its up/down sections and its no-transaction marker (golang_migrate.cpp, goose.cpp,
// flyway.cpp, dbmate.cpp, prisma.cpp, atlas.cpp), and importer.cpp turns what they read into a
// strata migrations directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::migrations::import {

enum class Tool { GolangMigrate, Goose, Flyway, Dbmate, Prisma, Atlas };

std::string_view tool_name(Tool tool);
std::optional<Tool> tool_from_name(std::string_view name);

// One migration as the tool holds it.
struct ToolMigration {
  std::string version;  // as the tool spells it ("00001", "20240101120000", "1.1"); empty for a repeatable
  std::string name;     // its title or description, as written
  std::string up;       // the SQL that goes up, without the tool's markers
  std::optional<std::string> down;
  bool no_transaction = false;     // the tool runs it outside a transaction (its marker said so)
  bool repeatable = false;         // Flyway R__: run again whenever it changes
  std::string checksum;            // what the tool's history records for the file ("" when it keeps none)
  std::vector<std::string> files;  // the files it came from, relative to the tool's directory
};

struct Remark {
  std::string file;     // its path
  int line = 0;         // 0: the whole file
  std::string message;  // what could not be carried, and what to do
};

struct ToolDirectory {
  Tool tool = Tool::GolangMigrate;
  std::filesystem::path path;
  std::vector<ToolMigration> migrations;  // in the tool's order
  std::vector<Remark> not_carried;
};

// Reads `path` as `tool` writes it. Throws LoadError (file:line, what was expected) for what the
// tool itself would refuse (a file without its up marker, two files of one version); what it would
// accept but strata cannot carry is a Remark.
ToolDirectory read_tool_directory(Tool tool, const std::filesystem::path& path);

// The readers, one per tool.
ToolDirectory read_golang_migrate(const std::filesystem::path& path);
ToolDirectory read_goose(const std::filesystem::path& path);
ToolDirectory read_flyway(const std::filesystem::path& path);
ToolDirectory read_dbmate(const std::filesystem::path& path);
ToolDirectory read_prisma(const std::filesystem::path& path);
ToolDirectory read_atlas(const std::filesystem::path& path);

// Shared by the readers.
std::string read_file(const std::filesystem::path& path);
// The regular files directly in `path` (or below it, with `recursive`), sorted by relative path.
std::vector<std::filesystem::path> files_in(const std::filesystem::path& path, bool recursive = false);
bool all_digits(std::string_view text);
// Lines of a file with their number (from 1), without line endings.
std::vector<std::pair<int, std::string>> lines_of(std::string_view text);

// Checksums the tools keep in their history tables.
// Flyway: CRC-32 of the file's lines without their endings (UTF-8, byte order mark dropped), as a
// signed 32-bit number.
std::int32_t flyway_checksum(std::string_view text);
// Prisma: SHA-256 of migration.sql, lower-case hex.
std::string prisma_checksum(std::string_view text);

}  // namespace strata::migrations::import
