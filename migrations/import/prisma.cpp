// Prisma Migrate: one folder per migration, {timestamp}_{name}/migration.sql, beside
// migration_lock.toml (the provider). Prisma has no down migrations.
#include <regex>

#include <fmt/format.h>

#include "migrations/import/tool_directory.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

ToolDirectory read_prisma(const std::filesystem::path& path) {
  static const std::regex kFolder(R"(^([0-9]+)_(.+)$)");
  static const std::regex kProvider(R"rx(^\s*provider\s*=\s*"([^"]*)")rx");
  ToolDirectory out;
  out.tool = Tool::Prisma;
  out.path = path;
  std::error_code ec;
  if (std::filesystem::exists(path / "migration_lock.toml", ec)) {
    for (const auto& [number, line] : lines_of(read_file(path / "migration_lock.toml"))) {
      std::smatch m;
      if (std::regex_search(line, m, kProvider) && m[1] != "postgresql" && m[1] != "cockroachdb") {
        throw LoadError(
            {{{(path / "migration_lock.toml").string(), number, 1},
              fmt::format("expected provider postgresql or cockroachdb: these migrations are for {}", m.str(1))}});
      }
    }
  }
  std::vector<std::filesystem::path> folders;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    if (entry.is_directory()) folders.push_back(entry.path().filename());
  }
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    std::smatch m;
    const std::string name = folder.string();
    if (!std::regex_match(name, m, kFolder)) {
      out.not_carried.push_back(
          {(path / folder).string(), 0, "not a Prisma migration folder ({timestamp}_{name}): ignored"});
      continue;
    }
    if (!std::filesystem::exists(path / folder / "migration.sql", ec)) {
      out.not_carried.push_back({(path / folder).string(), 0, "no migration.sql in this folder: ignored"});
      continue;
    }
    ToolMigration migration;
    migration.version = m[1];
    migration.name = m[2];
    migration.up = read_file(path / folder / "migration.sql");
    migration.checksum = prisma_checksum(migration.up);
    migration.files.push_back((folder / "migration.sql").string());
    out.migrations.push_back(std::move(migration));
  }
  return out;
}

}  // namespace strata::migrations::import
