#include "app/migration_files.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "migrations/sum.hpp"
#include "strata/errors.hpp"
#include "strata/migrate.hpp"

namespace strata {

void check_migration_name(const std::string& name) {
  const bool valid = !name.empty() && name.size() <= 100 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-';
  });
  if (!valid) {
    throw UsageError(
        fmt::format("'{}' cannot name a migration: use letters, digits, '_' and '-' (e.g. add_orders)", name));
  }
}

std::string next_version(const migrations::Directory& directory) {
  const auto now = std::chrono::system_clock::now();
  std::string stamp = fmt::format("{:%Y%m%d%H%M%S}", fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
  if (directory.migrations.empty()) return stamp;
  const auto& last = directory.migrations.back();
  if (last.version < 100000000) {
    return fmt::format("{:0{}}", last.version + 1, last.version_text.size());
  }
  if (std::stoll(stamp) <= last.version) stamp = std::to_string(last.version + 1);
  return stamp;
}

void write_migration_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw UsageError(fmt::format("cannot write {}", path.string()));
}

NewMigration new_empty_migration(const std::filesystem::path& directory, const std::string& name) {
  check_migration_name(name);
  std::filesystem::create_directories(directory);
  const migrations::Directory existing = migrations::read_directory(directory);
  if (!existing.migrations.empty()) migrations::require_sum(existing);
  const std::string stem = fmt::format("{}_{}", next_version(existing), name);
  NewMigration result;
  result.up_file = directory / (stem + ".up.sql");
  result.down_file = directory / (stem + ".down.sql");
  write_migration_file(
      result.up_file,
      fmt::format("-- {}: written by `strata migrate new` for hand-written SQL.\n"
                  "-- Write the statements of the change here, each ending with a semicolon. A line\n"
                  "-- `-- strata:no-transaction` runs them one by one (for CREATE INDEX CONCURRENTLY).\n"
                  "-- Then run `strata migrate hash`, so that strata.sum records what you wrote.\n",
                  result.up_file.filename().string()));
  write_migration_file(
      result.down_file,
      fmt::format("-- {}: reverts the up file of the same version (`strata migrate down`).\n"
                  "-- Write the statements that undo it here, or delete this file if it cannot be undone.\n"
                  "-- Then run `strata migrate hash`.\n",
                  result.down_file.filename().string()));
  migrations::write_sum(migrations::read_directory(directory));
  return result;
}

}  // namespace strata
