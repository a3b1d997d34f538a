// The migrations directory: <version>_<name>.up.sql and <version>_<name>.down.sql files, and
// strata.sum (see sum.hpp). The version is a number (0001, 42, or a timestamp such as
// 20261123101500); versions are compared as numbers and must be unique.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace strata::migrations {

struct MigrationFile {
  std::string file_name;  // "0001_create_users.up.sql"
  std::string text;       // the whole file
  std::string checksum;   // "sha256:<hex>" of text
};

struct Migration {
  std::int64_t version = 0;
  std::string version_text;  // as spelled in the file name ("0001")
  std::string name;          // "create_users"
  MigrationFile up;
  std::optional<MigrationFile> down;
};

struct Directory {
  std::filesystem::path path;
  std::vector<Migration> migrations;  // ascending by version
};

// Reads every migration in `path`. Throws LoadError (file and what was expected) for a file name
// that does not follow the pattern, a .sql file that is neither .up nor .down, a down file without
// its up file, two files of one version, a version that does not fit in 64 bits, or an unreadable
// file. Files that do not end in .sql, and strata.sum, are ignored. A missing directory is a
// UsageError.
Directory read_directory(const std::filesystem::path& path);

// "sha256:<64 lowercase hex digits>" of `bytes`.
std::string sha256_checksum(std::string_view bytes);

}  // namespace strata::migrations
