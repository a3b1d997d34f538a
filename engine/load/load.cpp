// The public loading API: files and directories in, one Schema (or one LoadError) out. YAML files
// are parsed here; SQL files go to the reader of their dialect (sql_reader.hpp).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

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

// The schema files `path` names: itself, or every *.yaml / *.yml / *.sql under a directory, in name order.
void collect(const std::string& path, std::vector<std::string>& files, std::vector<Diagnostic>& diagnostics) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    diagnostics.push_back({{path, 0, 0}, "cannot read the schema: no such file or directory"});
    return;
  }
  if (!fs::is_directory(status)) {
    files.push_back(path);
    return;
  }
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && (is_yaml_file(it->path()) || is_sql_file(it->path())))
      paths.push_back(it->path().string());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty())
    diagnostics.push_back({{path, 0, 0}, "expected *.yaml, *.yml or *.sql files in this directory, found none"});
  files.insert(files.end(), paths.begin(), paths.end());
}

// The whole file in one allocation of its size; nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(text.data(), size)) return std::nullopt;
  return text;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.position.file, a.position.line, a.position.column) <
           std::tie(b.position.file, b.position.line, b.position.column);
  });
}

// A schema made only of empty files (0 bytes, or only comments) would have every table dropped:
// far more likely a file truncated or written by mistake than a wish. An empty database is
// declared on purpose with `tables: {}`.
void refuse_empty(const load::DeclaredSchema& declared, std::size_t sql_files, std::vector<Diagnostic>& diagnostics) {
  if (sql_files > 0 || declared.files.empty() || declared.empty_files.size() != declared.files.size()) return;
  for (const auto& file : declared.empty_files) {
    diagnostics.push_back(
        {{file, 0, 0},
         "the file is empty (or holds only comments), and a declared schema with nothing in it would drop every "
         "table, enum and sequence; declare the schema here, or write `tables: {}` to mean an empty database on "
         "purpose"});
  }
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

// Reads the files one at a time: a YAML file is parsed and let go before the next; SQL files are
// kept, and read together by their dialect's reader after the YAML.
class Loading {
 public:
  explicit Loading(const load::SqlReading& sql) : sql_(sql) {}

  void add(const std::string& file, std::string text) {
    if (is_sql_file(file)) {
      sql_files_.push_back({file, std::move(text)});
    } else {
      load::parse_file(file, text, declared_, diagnostics_);
    }
  }

  load::LoadedFiles finish() {
    const std::size_t sql_count = sql_files_.size();
    read_sql(std::move(sql_files_), sql_, declared_, diagnostics_, notes_);
    refuse_empty(declared_, sql_count, diagnostics_);
    Schema schema = load::resolve(std::move(declared_), diagnostics_);
    if (!diagnostics_.empty()) {
      sort_diagnostics(diagnostics_);
      throw LoadError(std::move(diagnostics_));
    }
    return {std::move(schema), std::move(notes_)};
  }

 private:
  const load::SqlReading& sql_;
  load::DeclaredSchema declared_;
  std::vector<load::SqlFile> sql_files_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<load::ReadNote> notes_;
};

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
  Loading loading(sql);
  for (const auto& [file, text] : files) loading.add(file, text);
  return loading.finish();
}

LoadedFiles load_paths(const std::vector<std::string>& paths, const SqlReading& sql) {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files;
  if (paths.empty()) diagnostics.push_back({{"<arguments>", 0, 0}, "expected at least one schema file or directory"});
  for (const auto& path : paths) collect(path, files, diagnostics);
  if (!diagnostics.empty()) throw LoadError(std::move(diagnostics));
  std::vector<Diagnostic> unreadable;
  Loading loading(sql);
  for (const auto& file : files) {
    auto text = read_file(file);
    if (!text) {
      unreadable.push_back({{file, 0, 0}, "cannot read this file"});
      continue;
    }
    if (unreadable.empty()) loading.add(file, std::move(*text));
  }
  if (!unreadable.empty()) throw LoadError(std::move(unreadable));
  return loading.finish();
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
