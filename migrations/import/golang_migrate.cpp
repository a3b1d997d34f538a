// golang-migrate: {version}_{title}.up.sql and {version}_{title}.down.sql, version an unsigned
// number; each file runs as written (no markers). Files that do not match are ignored, as the
// tool's file source ignores them.
#include <map>
#include <regex>

#include <fmt/format.h>

#include "migrations/import/tool_directory.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

ToolDirectory read_golang_migrate(const std::filesystem::path& path) {
  static const std::regex kName(R"(^([0-9]+)_(.*)\.(up|down)\.sql$)");
  ToolDirectory out;
  out.tool = Tool::GolangMigrate;
  out.path = path;
  std::map<std::string, ToolMigration> by_version;  // sorted by number below
  std::vector<Diagnostic> problems;
  for (const auto& file : files_in(path)) {
    const std::string name = file.string();
    std::smatch m;
    if (!std::regex_match(name, m, kName)) {
      if (file.extension() == ".sql")
        out.not_carried.push_back({(path / file).string(), 0, "not a golang-migrate file name: ignored"});
      continue;
    }
    const std::string version = m[1];
    ToolMigration& migration = by_version[version];
    migration.version = version;
    migration.name = m[2];
    // The up file first: remarks about the migration name it.
    migration.files.insert(m[3] == "up" ? migration.files.begin() : migration.files.end(), name);
    const std::string text = read_file(path / file);
    if (m[3] == "up") {
      if (!migration.up.empty())
        problems.push_back({{(path / file).string(), 0, 0}, fmt::format("two up files of version {}", version)});
      migration.up = text;
    } else {
      if (migration.down)
        problems.push_back({{(path / file).string(), 0, 0}, fmt::format("two down files of version {}", version)});
      migration.down = text;
    }
  }
  for (auto& [version, migration] : by_version) {
    if (migration.up.empty() && migration.down) {
      problems.push_back({{(path / migration.files.front()).string(), 0, 0},
                          fmt::format("expected an up file for version {}: it has only a down file", version)});
    }
    out.migrations.push_back(std::move(migration));
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  std::sort(out.migrations.begin(), out.migrations.end(), [](const ToolMigration& a, const ToolMigration& b) {
    return std::stoull(a.version) < std::stoull(b.version);
  });
  return out;
}

}  // namespace strata::migrations::import
