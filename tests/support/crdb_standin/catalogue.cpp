#include "support/crdb_standin/catalogue.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace strata::standin {
namespace {

using Json = nlohmann::ordered_json;

Json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw CatalogueError("cannot read " + path.string());
  try {
    return Json::parse(in);
  } catch (const Json::exception& e) {
    throw CatalogueError(path.string() + ": " + e.what());
  }
}

std::string text(const Json& object, const char* key, const std::string& what, bool required = true) {
  const auto at = object.find(key);
  if (at == object.end() || at->is_null()) {
    if (required) throw CatalogueError(what + ": no \"" + key + "\"");
    return "";
  }
  if (!at->is_string()) throw CatalogueError(what + ": \"" + key + "\" is not a string");
  return at->get<std::string>();
}

std::string source(const Json& object, const std::string& what) {
  std::string value = text(object, "source", what);
  if (value.empty()) throw CatalogueError(what + ": empty \"source\"");
  return value;
}

Setting load_setting(const Json& json, const std::string& what) {
  Setting setting;
  setting.exists = json.at("exists").get<bool>();
  if (json.contains("default") && !json["default"].is_null())
    setting.default_value = json["default"].get<std::string>();
  setting.source = source(json, what);
  setting.note = text(json, "note", what, false);
  return setting;
}

Relation load_relation(const Json& json, const std::string& what) {
  Relation relation;
  for (const auto& [name, type] : json.at("columns").items())
    relation.columns.push_back({name, type.get<std::string>()});
  relation.unsafe_internal = json.value("unsafe_internal", false);
  relation.source = source(json, what);
  relation.note = text(json, "note", what, false);
  return relation;
}

ShowForm load_show(const std::filesystem::path& dir, const std::string& form, const Json& json) {
  const std::string what = "show \"" + form + "\"";
  ShowForm show;
  show.form = form;
  show.exists = json.value("exists", true);
  show.source = source(json, what);
  show.note = text(json, "note", what, false);
  if (!show.exists) return show;
  for (const auto& pair : json.at("columns")) show.columns.push_back({pair.at(0), pair.at(1)});
  if (json.contains("filter") && !json["filter"].is_null()) {
    show.filter = ShowFilter{json["filter"].at("column"), json["filter"].value("argument", "") == "required"};
  }
  const std::string rows = text(json, "rows", what, false);
  if (!rows.empty()) {
    show.rows = read_rows_file(dir / rows);
    std::vector<std::string> names;
    for (const auto& column : show.columns) names.push_back(column.name);
    if (show.rows->columns != names) throw CatalogueError(what + ": " + rows + " has other columns than the form");
  }
  return show;
}

Form load_form(const std::string& pattern, const Json& json) {
  const std::string what = "form \"" + pattern + "\"";
  Form form;
  form.pattern = pattern;
  form.id = text(json, "id", what);
  form.accepted = json.at("accepted").get<bool>();
  form.since = text(json, "since", what, false);
  form.sqlstate = text(json, "sqlstate", what, false);
  form.message = text(json, "message", what, false);
  form.source = source(json, what);
  form.note = text(json, "note", what, false);
  return form;
}

std::optional<UnsafeInternalsGate> load_gate(const Json& json) {
  if (json.is_null()) return std::nullopt;
  UnsafeInternalsGate gate;
  gate.setting = text(json, "setting", "unsafe_internals");
  gate.sqlstate = text(json, "sqlstate", "unsafe_internals");
  gate.message = text(json, "message", "unsafe_internals");
  gate.hint = text(json, "hint", "unsafe_internals", false);
  if (json.contains("gated_function_schemas")) {
    for (const auto& schema : json.at("gated_function_schemas")) gate.gated_function_schemas.push_back(schema);
  }
  gate.source = source(json, "unsafe_internals");
  return gate;
}

void load_sections(const std::filesystem::path& dir, const Json& json, Release& out) {
  for (const auto& [name, setting] : json.at("session_settings").items()) {
    out.settings[name] = load_setting(setting, "session setting " + name);
  }
  for (const auto& [name, relation] : json.at("relations").items()) {
    out.relations[name] = load_relation(relation, "relation " + name);
  }
  for (const auto& [form, show] : json.at("show").items()) out.show.push_back(load_show(dir, form, show));
  for (const auto& [pattern, form] : json.at("forms").items()) out.forms.push_back(load_form(pattern, form));
}

}  // namespace

const Column* Relation::column(std::string_view name) const {
  for (const auto& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

const Setting* Release::setting(const std::string& name) const {
  const auto at = settings.find(name);
  return at == settings.end() ? nullptr : &at->second;
}

const Relation* Release::relation(const std::string& qualified_name) const {
  const auto at = relations.find(qualified_name);
  return at == relations.end() ? nullptr : &at->second;
}

Release load_release(const std::filesystem::path& dir, const std::string& release) {
  const auto path = dir / (release + ".json");
  const Json json = read_json(path);
  Release out;
  try {
    out.release = text(json, "release", "release");
    if (out.release != release) throw CatalogueError("\"release\" is " + out.release + ", not " + release);
    out.version = text(json, "version", "release");
    source(json.at("support"), "support");
    out.server_version = text(json.at("server_version"), "value", "server_version");
    source(json.at("server_version"), "server_version");
    out.gate = load_gate(json.at("unsafe_internals"));
    load_sections(dir, json, out);
  } catch (const Json::exception& e) {
    throw CatalogueError(path.string() + ": " + e.what());
  } catch (const CatalogueError& e) {
    throw CatalogueError(path.string() + ": " + e.what());
  }
  if (text(json, "version_source", "release").empty()) throw CatalogueError(path.string() + ": empty version_source");
  return out;
}

std::vector<std::string> list_releases(const std::filesystem::path& dir) {
  std::vector<std::string> releases;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") releases.push_back(entry.path().stem().string());
  }
  std::sort(releases.begin(), releases.end());
  return releases;
}

State load_state(const std::filesystem::path& dir) {
  const Json json = read_json(dir / "state.json");
  State state;
  try {
    state.database = text(json, "database", "state");
    state.user = text(json, "user", "state");
    source(json, "state");
    for (const auto& [name, file] : json.at("relations").items()) state.relations[name] = read_rows_file(dir / file);
    if (json.contains("show")) {
      for (const auto& [form, file] : json.at("show").items()) state.show[form] = read_rows_file(dir / file);
    }
  } catch (const Json::exception& e) {
    throw CatalogueError((dir / "state.json").string() + ": " + e.what());
  }
  return state;
}

int type_oid(std::string_view type) {
  static const std::map<std::string_view, int> oids = {
      {"BOOL", 16},          {"BYTES", 17},      {"CHAR", 18},      {"\"CHAR\"", 18},  {"NAME", 19},
      {"INT8", 20},          {"INT", 20},        {"INT2", 21},      {"INT4", 23},      {"STRING", 25},
      {"TEXT", 25},          {"OID", 26},        {"JSONB", 3802},   {"FLOAT4", 700},   {"FLOAT8", 701},
      {"FLOAT", 701},        {"BOOL[]", 1000},   {"INT2[]", 1005},  {"INT4[]", 1007},  {"STRING[]", 1009},
      {"TEXT[]", 1009},      {"INT8[]", 1016},   {"INT[]", 1016},   {"OID[]", 1028},   {"TIMESTAMP", 1114},
      {"TIMESTAMPTZ", 1184}, {"INTERVAL", 1186}, {"DECIMAL", 1700}, {"NUMERIC", 1700}, {"REGCLASS", 2205},
      {"UUID", 2950},        {"INT2VECTOR", 22}, {"OIDVECTOR", 30}, {"REGPROC", 24},   {"REGTYPE[]", 2211},
  };
  const auto at = oids.find(type);
  return at == oids.end() ? 25 : at->second;
}

}  // namespace strata::standin
