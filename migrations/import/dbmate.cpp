// dbmate: {version}_{name}.sql (version: the leading digits, usually a timestamp) holding
// `-- migrate:up` and optionally `-- migrate:down` sections; options follow the marker as
// key:value, and `transaction:false` runs that section outside a transaction.
#include <regex>

#include <fmt/format.h>

#include "migrations/import/tool_directory.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

namespace {

struct Section {
  std::string text;
  bool present = false;
  bool no_transaction = false;
};

}  // namespace

ToolDirectory read_dbmate(const std::filesystem::path& path) {
  static const std::regex kName(R"(^([0-9]+)_?(.*)\.sql$)");
  static const std::regex kMarker(R"(^--\s*migrate:(up|down)\b(.*)$)");
  ToolDirectory out;
  out.tool = Tool::Dbmate;
  out.path = path;
  std::vector<Diagnostic> problems;
  for (const auto& file : files_in(path)) {
    const std::string name = file.string();
    const std::string full = (path / file).string();
    std::smatch m;
    if (!std::regex_match(name, m, kName)) {
      if (file.extension() == ".sql") out.not_carried.push_back({full, 0, "not a dbmate file name: ignored"});
      continue;
    }
    Section up, down;
    Section* current = nullptr;
    for (const auto& [number, line] : lines_of(read_file(path / file))) {
      std::smatch marker;
      if (std::regex_match(line, marker, kMarker)) {
        current = marker[1] == "up" ? &up : &down;
        if (current->present)
          problems.push_back({{full, number, 1}, fmt::format("a second migrate:{} section", marker.str(1))});
        current->present = true;
        const std::string options = marker[2];
        if (options.find("transaction:false") != std::string::npos) current->no_transaction = true;
        continue;
      }
      if (current != nullptr) current->text += line + "\n";
    }
    if (!up.present) {
      problems.push_back({{full, 1, 1}, "expected a -- migrate:up section"});
      continue;
    }
    ToolMigration migration;
    migration.version = m[1];
    migration.name = m[2];
    migration.up = up.text;
    if (down.present) migration.down = down.text;
    migration.no_transaction = up.no_transaction;
    if (down.no_transaction && !up.no_transaction) {
      out.not_carried.push_back({full, 0,
                                 "only the down section runs outside a transaction: strata's marker is per "
                                 "file, so the down file gets it alone"});
    }
    migration.files.push_back(name);
    out.migrations.push_back(std::move(migration));
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  std::sort(out.migrations.begin(), out.migrations.end(),
            [](const ToolMigration& a, const ToolMigration& b) { return a.version < b.version; });
  return out;
}

}  // namespace strata::migrations::import
