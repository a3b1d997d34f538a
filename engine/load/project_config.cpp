#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "engine/load/yaml_reader.hpp"
#include "strata/config.hpp"

namespace strata {

namespace {

// Replaces ${NAME} with the environment's value; notes names that are not set.
std::string expand(const std::string& value, std::vector<std::string>& unset) {
  std::string out;
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t open = value.find("${", pos);
    const std::size_t close = open == std::string::npos ? std::string::npos : value.find('}', open);
    if (close == std::string::npos) {
      out += value.substr(pos);
      break;
    }
    out += value.substr(pos, open - pos);
    const std::string name = value.substr(open + 2, close - open - 2);
    if (const char* env = std::getenv(name.c_str())) {
      out += env;
    } else {
      unset.push_back(name);
    }
    pos = close + 1;
  }
  return out;
}

std::string relative_to(const std::filesystem::path& base, const std::string& path) {
  if (path.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (base / path).lexically_normal().string();
}

}  // namespace

ProjectConfig load_project_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError(fmt::format("cannot read the project file {}", file.string()));
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::vector<Diagnostic> diagnostics;
  load::Reader reader(file.string(), diagnostics);
  ProjectConfig config;
  config.file = file;
  const auto base = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  const std::string text = buffer.str();  // the tree's scalars are views of it
  const auto tree = reader.document(text);
  const load::YamlNode root = tree ? tree->root() : load::YamlNode();
  if (tree && !root.is_null() && reader.expect_map(root, "the project settings (url, schema, migrations, ...)")) {
    auto text = [&](const load::YamlNode& node, std::string_view what) -> std::optional<std::string> {
      auto value = reader.string(node, what);
      if (!value) return std::nullopt;
      std::string expanded = expand(*value, config.unset_variables);
      if (expanded.empty()) return std::nullopt;
      return expanded;
    };
    auto seconds = [&](const load::YamlNode& node, std::string_view what) -> std::optional<int> {
      const auto value = reader.integer(node, what);
      if (!value) return std::nullopt;
      if (*value < 0 || *value > 86400L * 7) {
        reader.error(node, fmt::format("expected {} as a number of seconds from 0 to 604800", what));
        return std::nullopt;
      }
      return static_cast<int>(*value);
    };
    auto list = [&](const load::YamlNode& node, std::string_view what) {
      std::vector<std::string> items;
      if (node.is_scalar()) {
        if (auto item = text(node, what)) items.push_back(*item);
      } else if (reader.expect_sequence(node, what)) {
        for (const load::YamlNode element : node.items()) {
          if (auto item = text(element, what)) items.push_back(*item);
        }
      }
      return items;
    };
    reader.entries(root, "the project settings",
                   {"url", "dev_url", "schema", "migrations", "lock", "job_timeout", "connect_timeout",
                    "statement_timeout", "allow_hazards"},
                   [&](std::string_view key, const load::YamlNode&, const load::YamlNode& value) {
                     if (key == "url") config.url = text(value, "url (a database URL)");
                     if (key == "dev_url") config.dev_url = text(value, "dev_url (a scratch database URL)");
                     if (key == "schema") {
                       for (const auto& path : list(value, "schema (files or directories)"))
                         config.schema.push_back(relative_to(base, path));
                     }
                     if (key == "migrations") {
                       if (auto path = text(value, "migrations (a directory)"))
                         config.migrations = relative_to(base, *path);
                     }
                     if (key == "job_timeout") config.job_timeout = seconds(value, "job_timeout");
                     if (key == "connect_timeout") config.connect_timeout = seconds(value, "connect_timeout");
                     if (key == "statement_timeout") config.statement_timeout = seconds(value, "statement_timeout");
                     if (key == "allow_hazards") config.allow_hazards = list(value, "allow_hazards (hazard names)");
                     if (key == "lock" && reader.expect_map(value, "lock settings (kind, wait, lease, timeout)")) {
                       reader.entries(
                           value, "lock settings", {"kind", "wait", "lease", "timeout"},
                           [&](std::string_view k, const load::YamlNode&, const load::YamlNode& v) {
                             if (k == "kind")
                               config.lock_kind = reader.choice(v, "lock kind", {"auto", "advisory", "lease"});
                             if (k == "wait") config.lock_wait = seconds(v, "lock wait");
                             if (k == "lease") config.lease = seconds(v, "lease");
                             if (k == "timeout") config.lock_timeout = seconds(v, "lock timeout");
                           });
                     }
                   });
  }
  if (!diagnostics.empty()) throw LoadError(std::move(diagnostics));
  return config;
}

ProjectConfig find_project_config(const std::optional<std::filesystem::path>& explicit_file) {
  if (explicit_file) {
    if (!std::filesystem::exists(*explicit_file)) {
      throw UsageError(fmt::format("the project file {} does not exist", explicit_file->string()));
    }
    return load_project_config(*explicit_file);
  }
  if (std::filesystem::exists("strata.yaml")) return load_project_config("strata.yaml");
  return {};
}

}  // namespace strata
