// Flyway: V{version}__{description}.sql (versioned), U{version}__{description}.sql (undo, the
// down file), R__{description}.sql (repeatable), found in the directory and below it. A version is
// numbers separated by '.' or '_' (1, 1.1, 2_0_1); the description's underscores are spaces.
// `executeInTransaction=false` in a file's {file}.conf runs it outside a transaction. Callbacks
// (beforeMigrate.sql…) and Java migrations cannot be carried.
#include <map>
#include <regex>

#include <fmt/format.h>

#include "migrations/import/tool_directory.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

namespace {

// 1.10 after 1.9: numbers compared part by part.
std::vector<unsigned long long> version_parts(const std::string& version) {
  std::vector<unsigned long long> out;
  std::size_t start = 0;
  while (start <= version.size()) {
    const std::size_t dot = version.find('.', start);
    const std::string part = version.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    out.push_back(part.empty() ? 0 : std::stoull(part));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  while (out.size() > 1 && out.back() == 0) out.pop_back();
  return out;
}

bool in_transaction(const std::filesystem::path& conf) {
  std::error_code ec;
  if (!std::filesystem::exists(conf, ec)) return true;
  static const std::regex kSetting(R"(^\s*executeInTransaction\s*=\s*false\s*$)");
  for (const auto& [number, line] : lines_of(read_file(conf))) {
    if (std::regex_match(line, kSetting)) return false;
  }
  return true;
}

bool is_callback(const std::string& stem) {
  static const std::regex kCallback(
      R"(^(before|after)(Each)?(Migrate|Clean|Info|Validate|Baseline|Repair|Undo|Connect)(Error|Applied|Statement|StatementError)?(__.*)?$)");
  return std::regex_match(stem, kCallback);
}

}  // namespace

ToolDirectory read_flyway(const std::filesystem::path& path) {
  static const std::regex kName(R"(^([VUR])([0-9][0-9._]*)?__(.+)\.sql$)");
  ToolDirectory out;
  out.tool = Tool::Flyway;
  out.path = path;
  std::map<std::vector<unsigned long long>, ToolMigration> versioned;
  std::vector<ToolMigration> repeatables;
  std::map<std::vector<unsigned long long>, std::pair<std::string, std::string>> undo;  // file, text
  std::vector<Diagnostic> problems;
  for (const auto& file : files_in(path, true)) {
    const std::string base = file.filename().string();
    const std::string full = (path / file).string();
    if (file.extension() == ".java" || file.extension() == ".class") {
      out.not_carried.push_back({full, 0, "a Java migration cannot be carried: rewrite it as SQL"});
      continue;
    }
    if (file.extension() != ".sql") continue;
    std::smatch m;
    if (!std::regex_match(base, m, kName)) {
      out.not_carried.push_back({full, 0,
                                 is_callback(file.stem().string())
                                     ? "a Flyway callback cannot be carried: strata runs no callbacks"
                                     : "not a Flyway migration file name (V…__, U…__, R__): ignored"});
      continue;
    }
    const char kind = m.str(1)[0];
    std::string version = m[2];
    std::replace(version.begin(), version.end(), '_', '.');
    if (kind != 'R' && version.empty()) {
      problems.push_back({{full, 0, 0}, "expected a version after V or U (V1__name.sql)"});
      continue;
    }
    const std::string text = read_file(path / file);
    if (text.find("${") != std::string::npos)
      out.not_carried.push_back({full, 0, "Flyway placeholders (${…}) are not carried: they stay as written"});
    ToolMigration migration;
    migration.version = kind == 'R' ? "" : version;
    migration.name = m[3];
    std::replace(migration.name.begin(), migration.name.end(), '_', ' ');
    migration.up = text;
    migration.checksum = std::to_string(flyway_checksum(text));
    migration.no_transaction = !in_transaction(path / (file.string() + ".conf"));
    migration.files.push_back(file.string());
    if (kind == 'U') {
      undo[version_parts(version)] = {file.string(), text};
    } else if (kind == 'R') {
      migration.repeatable = true;
      repeatables.push_back(std::move(migration));
    } else if (!versioned.emplace(version_parts(version), std::move(migration)).second) {
      problems.push_back({{full, 0, 0}, fmt::format("two migrations of version {}", version)});
    }
  }
  for (auto& [parts, file_text] : undo) {
    auto it = versioned.find(parts);
    if (it == versioned.end()) {
      problems.push_back({{(path / file_text.first).string(), 0, 0}, "expected a V file of the undo file's version"});
      continue;
    }
    it->second.down = file_text.second;
    it->second.files.push_back(file_text.first);
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  for (auto& [parts, migration] : versioned) out.migrations.push_back(std::move(migration));
  // Flyway runs repeatables after the versioned migrations, in the order of their descriptions.
  std::sort(repeatables.begin(), repeatables.end(), [](auto& a, auto& b) { return a.name < b.name; });
  for (auto& migration : repeatables) out.migrations.push_back(std::move(migration));
  return out;
}

}  // namespace strata::migrations::import
