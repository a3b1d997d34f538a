// goose: {version}_{name}.sql holding both directions, in sections opened by `-- +goose Up` and
// `-- +goose Down` (annotations on a line of their own, any case); `-- +goose StatementBegin` /
// `StatementEnd` around a statement with semicolons inside; `-- +goose NO TRANSACTION` for the
// whole file. Go migrations ({version}_{name}.go) cannot be carried.
#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "migrations/import/tool_directory.hpp"
#include "migrations/splitter.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// "up", "down", "statementbegin", "statementend", "no transaction", "envsub on"… or "".
std::string annotation(const std::string& line) {
  static const std::regex kAnnotation(R"(^--\s*\+goose\s+(.*?)\s*$)", std::regex::icase);
  std::smatch m;
  if (!std::regex_match(line, m, kAnnotation)) return "";
  std::string words = lower(m[1]);
  words.erase(std::unique(words.begin(), words.end(), [](char a, char b) { return a == ' ' && b == ' '; }),
              words.end());
  return words;
}

struct Parsed {
  std::string up, down;
  bool has_up = false, has_down = false, no_transaction = false;
};

Parsed parse(const std::string& file, const std::string& text, std::vector<Remark>& remarks,
             std::vector<Diagnostic>& problems) {
  Parsed out;
  std::string* section = nullptr;
  std::string block;
  int block_line = 0;
  for (const auto& [number, line] : lines_of(text)) {
    const std::string a = annotation(line);
    if (a == "up" || a == "down") {
      if (a == "down" && !out.has_up)
        problems.push_back({{file, number, 1}, "expected -- +goose Up before -- +goose Down"});
      section = a == "up" ? &out.up : &out.down;
      (a == "up" ? out.has_up : out.has_down) = true;
    } else if (a == "no transaction") {
      out.no_transaction = true;
    } else if (a == "statementbegin") {
      block_line = number;
      block.clear();
    } else if (a == "statementend") {
      // strata splits at semicolons outside quotes, dollar quotes and BEGIN ATOMIC bodies: the
      // block must be one statement to it too.
      if (split_statements(block, file).size() > 1) {
        remarks.push_back({file, block_line,
                           "this StatementBegin block is more than one statement to strata's "
                           "splitter (a semicolon outside quotes): check the imported file"});
      }
      block_line = 0;
    } else if (a.starts_with("envsub")) {
      remarks.push_back({file, number, "ENVSUB is not carried: ${VARIABLES} stay as written"});
    } else if (!a.empty()) {
      problems.push_back({{file, number, 1}, fmt::format("unknown goose annotation '{}'", a)});
    } else if (section == nullptr) {
      if (line.find_first_not_of(" \t") != std::string::npos && !line.starts_with("--"))
        problems.push_back({{file, number, 1}, "expected -- +goose Up before the first statement"});
    } else {
      *section += line + "\n";
      if (block_line != 0) block += line + "\n";
    }
  }
  if (!out.has_up) problems.push_back({{file, 1, 1}, "expected a -- +goose Up annotation"});
  return out;
}

}  // namespace

ToolDirectory read_goose(const std::filesystem::path& path) {
  static const std::regex kName(R"(^([0-9]+)_(.*)\.(sql|go)$)");
  ToolDirectory out;
  out.tool = Tool::Goose;
  out.path = path;
  std::vector<Diagnostic> problems;
  for (const auto& file : files_in(path)) {
    const std::string name = file.string();
    std::smatch m;
    if (!std::regex_match(name, m, kName)) continue;
    if (m[3] == "go") {
      out.not_carried.push_back({(path / file).string(), 0,
                                 "a Go migration cannot be carried: rewrite it as SQL in the strata "
                                 "directory (its version is left out)"});
      continue;
    }
    const std::string full = (path / file).string();
    Parsed parsed = parse(full, read_file(path / file), out.not_carried, problems);
    ToolMigration migration;
    migration.version = m[1];
    migration.name = m[2];
    migration.up = std::move(parsed.up);
    if (parsed.has_down) migration.down = std::move(parsed.down);
    migration.no_transaction = parsed.no_transaction;
    migration.files.push_back(name);
    out.migrations.push_back(std::move(migration));
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  std::sort(out.migrations.begin(), out.migrations.end(), [](const ToolMigration& a, const ToolMigration& b) {
    return std::stoll(a.version) < std::stoll(b.version);
  });
  return out;
}

}  // namespace strata::migrations::import
