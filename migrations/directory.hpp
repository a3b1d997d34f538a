// The migrations directory: <version>_<name>.up.sql and <version>_<name>.down.sql files, and
// strata.sum (see sum.hpp). The version is a number (0001, 42, or a timestamp such as
// 20261123101500); versions are compared as numbers and must be unique.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace strata::migrations {

struct MigrationFile {
  std::string file_name;  // "0001_create_users.up.sql"
  std::string checksum;   // "sha256:<hex>" of the whole file
  std::string path;       // where it is read from

  // The whole file. Read on first use when its checksum came from the checksum cache (a start-up
  // with nothing pending reads no migration file); a file that no longer matches its checksum by
  // then is a LoadError.
  const std::string& text() const;

  mutable std::optional<std::string> content;       // the text, once read
  std::optional<std::filesystem::path> cache_file;  // the checksum cache the checksum came from
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
  int files_hashed = 0;               // read and hashed; the others' checksums came from the cache
};

// Reads every migration in `path`. Throws LoadError (file and what was expected) for a file name
// that does not follow the pattern, a .sql file that is neither .up nor .down, a down file without
// its up file, two files of one version, a version that does not fit in 64 bits, or an unreadable
// file. Files that do not end in .sql, and strata.sum, are ignored. A missing directory is a
// UsageError.
//
// A file's checksum is taken from the checksum cache (checksum_cache.hpp) when the file is, by
// stat(), the one hashed before; otherwise the file is read and hashed. `cache_file` is where the
// cache is kept (none: every file is read); `now` decides which files have settled (tests pass a
// later time instead of waiting).
Directory read_directory(const std::filesystem::path& path);
Directory read_directory(const std::filesystem::path& path, const std::optional<std::filesystem::path>& cache_file,
                         std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// "sha256:<64 lowercase hex digits>" of `bytes`.
std::string sha256_checksum(std::string_view bytes);

}  // namespace strata::migrations
