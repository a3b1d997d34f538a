// Naming and writing a new migration's files, for `strata migrate new` with a declared schema
// (app/migrate_new.cpp) and without one (an empty pair for hand-written SQL).
#pragma once

#include <filesystem>
#include <string>

#include "migrations/directory.hpp"

namespace strata {

// Throws UsageError unless `name` can name a migration: letters, digits, '_' and '-'.
void check_migration_name(const std::string& name);

// The version after the directory's last: the next number in the same width for a directory
// numbered 1, 2, 3 (or 0001, 0002), else a UTC timestamp (later than the last one).
std::string next_version(const migrations::Directory& directory);

// Writes `text` to `path`, replacing it. Throws UsageError when it cannot.
void write_migration_file(const std::filesystem::path& path, const std::string& text);

}  // namespace strata
