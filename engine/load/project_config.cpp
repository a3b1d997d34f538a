#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "engine/db/history_table.hpp"
#include "engine/load/yaml_reader.hpp"
#include "strata/config.hpp"
#include "strata/plan.hpp"

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

// allow_hazards: a list (or one comma-separated string) of hazard names, or `all`; an unknown name
// is reported at its own line, with the names there are.
std::vector<std::string> hazard_names(load::Reader& reader, const load::YamlNode& node) {
  std::vector<std::string> names;
  auto add = [&](const load::YamlNode& item) {
    const auto text = reader.string(item, "a hazard name");
    if (!text) return;
    std::stringstream parts(*text);
    std::string name;
    while (std::getline(parts, name, ',')) {
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      if (name.empty()) continue;
      if (name != "all" && !hazard_from_name(name)) {
        std::vector<std::string_view> known;
        for (auto kind : all_hazard_kinds()) known.push_back(hazard_name(kind));
        reader.error(item, fmt::format("unknown hazard '{}' in allow_hazards; expected one of {}, or all", name,
                                       fmt::join(known, ", ")));
        continue;
      }
      names.push_back(name);
    }
  };
  if (node.is_scalar()) {
    add(node);
  } else if (reader.expect_sequence(node, "allow_hazards (hazard names)")) {
    for (const load::YamlNode item : node.items()) add(item);
  }
  return names;
}

}  // namespace

namespace {

// The values of strata.yaml, each read and checked where it stands, so that a problem names its line.
class ConfigReader {
 public:
  ConfigReader(load::Reader& reader, ProjectConfig& config, std::filesystem::path base)
      : reader_(reader), config_(config), base_(std::move(base)) {}

  void entry(std::string_view key, const load::YamlNode& value) {
    if (key == "url") config_.url = text(value, "url (a database URL)");
    if (key == "dev_url") config_.dev_url = text(value, "dev_url (a scratch database URL)");
    if (key == "schema") {
      for (const auto& path : list(value, "schema (files or directories)"))
        config_.schema.push_back(relative_to(base_, path));
    }
    if (key == "migrations") {
      if (auto path = text(value, "migrations (a directory)")) config_.migrations = relative_to(base_, *path);
    }
    if (key == "job_timeout") config_.job_timeout = seconds(value, "job_timeout");
    if (key == "connect_timeout") config_.connect_timeout = seconds(value, "connect_timeout");
    if (key == "statement_timeout") config_.statement_timeout = seconds(value, "statement_timeout");
    if (key == "allow_hazards") config_.allow_hazards = hazard_names(reader_, value);
    if (key == "history_table") history_table(value);
    if (key == "lock") lock(value);
  }

 private:
  std::optional<std::string> text(const load::YamlNode& node, std::string_view what) {
    auto value = reader_.string(node, what);
    if (!value) return std::nullopt;
    std::string expanded = expand(*value, config_.unset_variables);
    if (expanded.empty()) return std::nullopt;
    return expanded;
  }

  std::optional<int> seconds(const load::YamlNode& node, std::string_view what) {
    const auto value = reader_.integer(node, what);
    if (!value) return std::nullopt;
    if (*value < 0 || *value > 86400L * 7) {
      reader_.error(node, fmt::format("expected {} as a number of seconds from 0 to 604800", what));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  std::vector<std::string> list(const load::YamlNode& node, std::string_view what) {
    std::vector<std::string> items;
    if (node.is_scalar()) {
      if (auto item = text(node, what)) items.push_back(*item);
    } else if (reader_.expect_sequence(node, what)) {
      for (const load::YamlNode element : node.items()) {
        if (auto item = text(element, what)) items.push_back(*item);
      }
    }
    return items;
  }

  void history_table(const load::YamlNode& value) {
    config_.history_table = text(value, "history_table (a table name)");
    if (!config_.history_table) return;
    if (auto problem = history_table_problem(*config_.history_table)) {
      reader_.error(value, *problem);
      config_.history_table.reset();
    }
  }

  void lock(const load::YamlNode& value) {
    if (!reader_.expect_map(value, "lock settings (kind, wait, lease, timeout)")) return;
    reader_.entries(value, "lock settings", {"kind", "wait", "lease", "timeout"},
                    [&](std::string_view k, const load::YamlNode&, const load::YamlNode& v) {
                      if (k == "kind")
                        config_.lock_kind = reader_.choice(v, "lock kind", {"auto", "advisory", "lease"});
                      if (k == "wait") config_.lock_wait = seconds(v, "lock wait");
                      if (k == "lease") config_.lease = seconds(v, "lease");
                      if (k == "timeout") config_.lock_timeout = seconds(v, "lock timeout");
                    });
  }

  load::Reader& reader_;
  ProjectConfig& config_;
  std::filesystem::path base_;
};

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
  ConfigReader values(reader, config, file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path());
  const std::string text = buffer.str();  // the tree's scalars are views of it
  const auto tree = reader.document(text);
  const load::YamlNode root = tree ? tree->root() : load::YamlNode();
  if (tree && !root.is_null() && reader.expect_map(root, "the project settings (url, schema, migrations, ...)")) {
    reader.entries(
        root, "the project settings",
        {"url", "dev_url", "schema", "migrations", "lock", "job_timeout", "connect_timeout", "statement_timeout",
         "allow_hazards", "history_table"},
        [&](std::string_view key, const load::YamlNode&, const load::YamlNode& value) { values.entry(key, value); });
  }
  if (!diagnostics.empty()) throw LoadError(std::move(diagnostics), file.filename().string());
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
