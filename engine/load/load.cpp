// The public loading API: files and directories in, one Schema (or one LoadError) out. YAML files
// are parsed here; SQL files go to the reader of their dialect (sql_reader.hpp).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "engine/load/declared.hpp"
#include "engine/load/sql_reader.hpp"
#include "strata/load.hpp"

namespace strata {

namespace {

namespace fs = std::filesystem;

bool is_yaml_file(const fs::path& path) {
  const auto ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool is_sql_file(const fs::path& path) {
  return path.extension().string() == ".sql";
}

void collect(const std::string& path, std::vector<std::pair<std::string, std::string>>& files,
             std::vector<Diagnostic>& diagnostics) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    diagnostics.push_back({{path, 0, 0}, "cannot read the schema: no such file or directory"});
    return;
  }
  std::vector<std::string> paths;
  if (fs::is_directory(status)) {
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file() && (is_yaml_file(it->path()) || is_sql_file(it->path())))
        paths.push_back(it->path().string());
    }
    std::sort(paths.begin(), paths.end());
    if (paths.empty())
      diagnostics.push_back({{path, 0, 0}, "expected *.yaml, *.yml or *.sql files in this directory, found none"});
  } else {
    paths.push_back(path);
  }
  for (const auto& file : paths) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
      diagnostics.push_back({{file, 0, 0}, "cannot read this file"});
      continue;
    }
    files.emplace_back(file, text.str());
  }
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.position.file, a.position.line, a.position.column) <
           std::tie(b.position.file, b.position.line, b.position.column);
  });
}

// The SQL files grouped by the dialect that reads them, in file order within each.
std::map<std::string, std::vector<load::SqlFile>> sql_by_dialect(std::vector<load::SqlFile> files,
                                                                 const load::SqlReading& sql,
                                                                 std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::vector<load::SqlFile>> out;
  std::optional<std::string> asked;
  for (auto& file : files) {
    std::string dialect = load::sql_dialect_directive(file.text).value_or(sql.default_dialect);
    if (dialect.empty() && sql.ask_dialect) {
      if (!asked) asked = sql.ask_dialect();
      dialect = *asked;
    }
    if (dialect.empty()) {
      diagnostics.push_back({{file.path, 1, 1},
                             "cannot tell which SQL this file is written in: give its dialect with --dialect "
                             "postgres|cockroachdb, or as its first line, `-- strata:dialect postgres`"});
      continue;
    }
    out[dialect].push_back(std::move(file));
  }
  return out;
}

void read_sql(std::vector<load::SqlFile> files, const load::SqlReading& sql, load::DeclaredSchema& declared,
              std::vector<Diagnostic>& diagnostics, std::vector<load::ReadNote>& notes) {
  if (files.empty()) return;
  for (auto& [dialect, group] : sql_by_dialect(std::move(files), sql, diagnostics)) {
    auto reader = sql.readers ? sql.readers(dialect) : nullptr;
    if (!reader) {
      for (const auto& file : group) {
        diagnostics.push_back({{file.path, 1, 1},
                               sql.readers
                                   ? fmt::format("unknown SQL dialect '{}': expected postgres or cockroachdb", dialect)
                                   : "a schema written in SQL is read through strata::load_declared_schema "
                                     "(strata/declared_schema.hpp), which knows the dialects"});
      }
      continue;
    }
    reader->read(group, declared, diagnostics, notes);
  }
}

}  // namespace

namespace load {

std::optional<std::string> sql_dialect_directive(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string_view first = text.substr(0, text.find('\n'));
  constexpr std::string_view kPrefix = "-- strata:dialect";
  if (!first.starts_with(kPrefix)) return std::nullopt;
  std::string_view rest = first.substr(kPrefix.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
  return std::string(rest);
}

LoadedFiles load_texts(const std::vector<std::pair<std::string, std::string>>& files, const SqlReading& sql) {
  std::vector<Diagnostic> diagnostics;
  std::vector<ReadNote> notes;
  DeclaredSchema declared;
  std::vector<SqlFile> sql_files;
  for (const auto& [file, text] : files) {
    if (is_sql_file(file)) {
      sql_files.push_back({file, text});
    } else {
      parse_file(file, text, declared, diagnostics);
    }
  }
  read_sql(std::move(sql_files), sql, declared, diagnostics, notes);
  Schema schema = resolve(std::move(declared), diagnostics);
  if (!diagnostics.empty()) {
    sort_diagnostics(diagnostics);
    throw LoadError(std::move(diagnostics));
  }
  return {std::move(schema), std::move(notes)};
}

LoadedFiles load_paths(const std::vector<std::string>& paths, const SqlReading& sql) {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::pair<std::string, std::string>> files;
  if (paths.empty()) diagnostics.push_back({{"<arguments>", 0, 0}, "expected at least one schema file or directory"});
  for (const auto& path : paths) collect(path, files, diagnostics);
  if (!diagnostics.empty()) throw LoadError(std::move(diagnostics));
  return load_texts(files, sql);
}

}  // namespace load

Schema load_schema_texts(const std::vector<std::pair<std::string, std::string>>& files) {
  return load::load_texts(files, {}).schema;
}

Schema load_schema_text(std::string_view yaml, const std::string& file_name) {
  return load_schema_texts({{file_name, std::string(yaml)}});
}

Schema load_schema(const std::vector<std::string>& paths) {
  return load::load_paths(paths, {}).schema;
}

}  // namespace strata
