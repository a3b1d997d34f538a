#include "support/crdb_corpus.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "strata/errors.hpp"

namespace strata::testing {

namespace {

// What the logic test ran before an entry's setup (its setup drops and re-creates a table that an
// earlier part of the same test file created): that entry's setup runs first.
const std::map<std::string, std::string> kEarlierState = {
    {"atl_global_to_rbr_implicit_region_col", "atl_global_create"},
    {"atl_rbr_as_to_rbt_in_primary", "atl_rbr_as_to_rbt"},
};

// The setup statements, with "(… as in <entry>)" lines replaced by that entry's setup (statements
// already run are not run twice).
void expand_setup(const nlohmann::json& entry, std::vector<std::string>& out) {
  for (const auto& item : entry["setup_sql"]) {
    const std::string statement = item.get<std::string>();
    if (!statement.starts_with("(")) {
      if (std::find(out.begin(), out.end(), statement) == out.end()) out.push_back(statement);
      continue;
    }
    const nlohmann::json* referenced = nullptr;
    for (const auto& other : crdb_show_create()["entries"]) {
      if (statement.find(other["id"].get<std::string>()) != std::string::npos) referenced = &other;
    }
    if (referenced == nullptr) throw std::runtime_error("setup refers to no entry: " + statement);
    expand_setup(*referenced, out);
  }
}

}  // namespace

std::filesystem::path crdb_corpus_dir() {
  if (const char* path = std::getenv("STRATA_CRDB_CORPUS")) return path;
  return std::filesystem::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-corpus";
}

std::string read_file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const nlohmann::json& crdb_show_create() {
  static const nlohmann::json json = nlohmann::json::parse(read_file_text(crdb_corpus_dir() / "show_create.json"));
  return json;
}

const nlohmann::json* find_crdb_entry(const std::string& id) {
  for (const auto& entry : crdb_show_create()["entries"]) {
    if (entry["id"] == id) return &entry;
  }
  return nullptr;
}

std::string substitute_placeholders(std::string text) {
  for (const std::string placeholder : {"%[1]s", "%s"}) {
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at)) {
      text.replace(at, placeholder.size(), "shown");
    }
  }
  return text;
}

CrdbEntryModels parse_crdb_entry(const nlohmann::json& entry) {
  using cockroachdb::NamingEra;
  CrdbEntryModels out;
  const std::string id = entry["id"];
  const std::string era = entry["era"];
  cockroachdb::ParseOptions options;
  options.naming = era.find("v21.1") != std::string::npos || era.find("v20.2") != std::string::npos ? NamingEra::V21
                                                                                                    : NamingEra::V22;
  options.database = "defaultdb";
  options.notes = &out.notes;
  std::vector<std::string> script;
  for (const auto& item : entry["preconditions"]) {
    const std::string text = item;
    if (text.starts_with("current database: ")) options.database = text.substr(18);
    // The Go test harness creates table foo in database o (its DDL was not captured).
    if (text.starts_with("Harness sqltestutils")) options.other_databases = {"o"};
    for (const std::string verb : {"CREATE ", "USE ", "use ", "SET "}) {
      if (text.starts_with(verb)) script.push_back(text);
    }
  }
  if (const auto earlier = kEarlierState.find(id); earlier != kEarlierState.end()) {
    expand_setup(*find_crdb_entry(earlier->second), script);
  }
  expand_setup(entry, script);
  std::string sql;
  for (const auto& statement : script) sql += substitute_placeholders(statement) + ";\n";

  out.options = options;
  try {
    cockroachdb::apply_ddl(sql, out.declared, options);
    out.options.database = out.declared.database.name.empty() ? options.database : out.declared.database.name;
    std::vector<std::string> statements{substitute_placeholders(entry["create_statement"])};
    for (const auto& related : entry.value("related_statements", nlohmann::json::array())) {
      statements.push_back(substitute_placeholders(related));
    }
    cockroachdb::apply_create_statements(statements, out.created, out.options);
  } catch (const Error& error) {
    out.error = error.what();
  }
  out.options.notes = nullptr;
  return out;
}

}  // namespace strata::testing
