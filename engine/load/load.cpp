// The public loading API: files and directories in, one Schema (or one LoadError) out.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "engine/load/declared.hpp"
#include "strata/load.hpp"

namespace strata {

namespace {

namespace fs = std::filesystem;

bool is_yaml_file(const fs::path& path) {
  const auto ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// The YAML files `path` names: itself, or every *.yaml / *.yml under a directory, in name order.
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
    if (it->is_regular_file() && is_yaml_file(it->path())) paths.push_back(it->path().string());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty())
    diagnostics.push_back({{path, 0, 0}, "expected *.yaml or *.yml files in this directory, found none"});
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
void refuse_empty(const load::DeclaredSchema& declared, std::vector<Diagnostic>& diagnostics) {
  if (declared.files.empty() || declared.empty_files.size() != declared.files.size()) return;
  for (const auto& file : declared.empty_files) {
    diagnostics.push_back(
        {{file, 0, 0},
         "the file is empty (or holds only comments), and a declared schema with nothing in it would drop every "
         "table, enum and sequence; declare the schema here, or write `tables: {}` to mean an empty database on "
         "purpose"});
  }
}

Schema finish(load::DeclaredSchema declared, std::vector<Diagnostic>& diagnostics) {
  refuse_empty(declared, diagnostics);
  Schema schema = load::resolve(std::move(declared), diagnostics);
  if (!diagnostics.empty()) {
    sort_diagnostics(diagnostics);
    throw LoadError(std::move(diagnostics));
  }
  return schema;
}

}  // namespace

Schema load_schema_texts(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<Diagnostic> diagnostics;
  load::DeclaredSchema declared;
  for (const auto& [file, text] : files) load::parse_file(file, text, declared, diagnostics);
  return finish(std::move(declared), diagnostics);
}

Schema load_schema_text(std::string_view yaml, const std::string& file_name) {
  return load_schema_texts({{file_name, std::string(yaml)}});
}

// Each file is read, parsed and let go before the next: only the declared objects stay.
Schema load_schema(const std::vector<std::string>& paths) {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files;
  if (paths.empty()) diagnostics.push_back({{"<arguments>", 0, 0}, "expected at least one schema file or directory"});
  for (const auto& path : paths) collect(path, files, diagnostics);
  if (!diagnostics.empty()) throw LoadError(std::move(diagnostics));
  std::vector<Diagnostic> unreadable;
  load::DeclaredSchema declared;
  for (const auto& file : files) {
    const auto text = read_file(file);
    if (!text) {
      unreadable.push_back({{file, 0, 0}, "cannot read this file"});
      continue;
    }
    if (unreadable.empty()) load::parse_file(file, *text, declared, diagnostics);
  }
  if (!unreadable.empty()) throw LoadError(std::move(unreadable));
  return finish(std::move(declared), diagnostics);
}

}  // namespace strata
