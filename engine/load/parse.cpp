// YAML -> DeclaredSchema: the document, database settings, schemas, extensions, enums and sequences
// (see file_parser.hpp).
#include <cctype>

#include <fmt/format.h>

#include "engine/load/file_parser.hpp"
#include "engine/sql/sql_text.hpp"

namespace strata::load {

void FileParser::parse_document(const YamlNode& root) {
  if (root.is_null()) return;  // an empty file declares nothing
  in_.entries(root, "the schema file",
              {"database", "schemas", "extensions", "enums", "sequences", "tables", "views", "functions", "triggers"},
              [&](std::string_view key, const YamlNode& key_node, const YamlNode& value) {
                if (key == "database") parse_database(key_node, value);
                if (key == "schemas") parse_schemas(value);
                if (key == "extensions") {
                  in_.named_entries(value, "extensions",
                                    [&](const auto& n, const auto& kn, const auto& v) { parse_extension(n, kn, v); });
                }
                if (key == "enums")
                  in_.named_entries(value, "enums",
                                    [&](const auto& n, const auto& kn, const auto& v) { parse_enum(n, kn, v); });
                if (key == "sequences") {
                  in_.named_entries(value, "sequences",
                                    [&](const auto& n, const auto& kn, const auto& v) { parse_sequence(n, kn, v); });
                }
                if (key == "tables")
                  in_.named_entries(value, "tables",
                                    [&](const auto& n, const auto& kn, const auto& v) { parse_table(n, kn, v); });
                if (key == "views")
                  in_.named_entries(value, "views",
                                    [&](const auto& n, const auto& kn, const auto& v) { parse_view(n, kn, v); });
                if (key == "functions" || key == "triggers") parse_definitions(value, key == "triggers");
              });
}

// An expression-valued field: a string (or a number / boolean scalar) holding one SQL expression.
std::optional<std::string> FileParser::expression(const YamlNode& node, const What& what) {
  auto text = in_.string(node, what);
  if (!text) return std::nullopt;
  if (auto problem = expression_problem(*text)) {
    in_.error(node, fmt::format("expected {} as one SQL expression, found {}", what.str(), *problem));
    return std::nullopt;
  }
  return text;
}

void FileParser::parse_database(const YamlNode& key_node, const YamlNode& node) {
  if (into_.database) {
    in_.error(key_node, fmt::format("duplicate 'database' section (the first is at {})",
                                    to_string(position_of(into_.database_position, into_.files))));
    return;
  }
  Database db;
  in_.entries(node, "database", {"name", "primary_region", "regions", "survive"},
              [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                if (key == "name") db.name = in_.name(value, "the database name").value_or("");
                if (key == "primary_region") db.primary_region = in_.name(value, "a region name").value_or("");
                if (key == "regions") db.regions = in_.names(value, "regions").value_or(std::vector<std::string>{});
                if (key == "survive") {
                  if (auto goal = in_.choice(value, "survive", {"zone", "region"})) {
                    db.survival_goal = *goal == "region" ? SurvivalGoal::Region : SurvivalGoal::Zone;
                  }
                }
              });
  into_.database = std::move(db);
  into_.database_position = in_.at(key_node);
}

void FileParser::parse_schemas(const YamlNode& node) {
  if (auto names = in_.names(node, "schemas")) {
    into_.schemas.insert(into_.schemas.end(), names->begin(), names->end());
  }
}

// `pgcrypto:` alone, or with `schema:` (where its objects go) and `version:` (what to install and
// keep; left out, whatever the server installs is kept).
void FileParser::parse_extension(const std::string& name, const YamlNode& key_node, const YamlNode& node) {
  DeclaredExtension e;
  e.extension.name = name;
  e.position = in_.at(key_node);
  if (name == "plpgsql") {
    in_.error(key_node, "expected an extension other than plpgsql, which every database has: leave it out");
    return;
  }
  if (!node.is_null()) {
    in_.entries(node, fmt::format("extension '{}'", name), {"schema", "version"},
                [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                  if (key == "schema") e.extension.schema = in_.name(value, "a schema name").value_or("public");
                  if (key == "version") {
                    e.extension.version = in_.string(value, "an extension version").value_or("");
                    if (e.extension.version.empty()) in_.error(value, "expected a version, such as \"1.3\"");
                  }
                });
  }
  into_.extensions.push_back(std::move(e));
}

// `name: SELECT …` (a view in public), or `{ query, schema, materialized, name, comment, indexes }`.
void FileParser::parse_view(const std::string& name, const YamlNode& key_node, const YamlNode& node) {
  DeclaredView v;
  v.view.name.name = name;
  v.position = in_.at(key_node);
  std::optional<YamlNode> query;    // a copy: the entry's node lives only while it is visited
  std::optional<YamlNode> indexes;  // likewise
  if (node.is_scalar()) {
    query = node;
  } else {
    in_.entries(node, fmt::format("view '{}'", name), {"name", "schema", "materialized", "query", "comment", "indexes"},
                [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                  if (key == "query") query = value;
                  if (key == "indexes" && in_.expect_sequence(value, "indexes")) {
                    indexes = value;
                    for (const YamlNode item : value.items()) parse_index(v.indexes, item);
                  }
                  if (key == "comment") v.comment = in_.string(value, "a comment");
                  // `name` overrides the key, for views of one name in two schemas.
                  if (key == "name") v.view.name.name = in_.name(value, "a view name").value_or(name);
                  if (key == "schema") v.view.name.schema = in_.name(value, "a schema name").value_or("public");
                  if (key == "materialized") v.view.materialized = in_.boolean(value, "materialized").value_or(false);
                });
  }
  if (indexes && !v.view.materialized) {
    in_.error(*indexes, fmt::format("expected 'indexes' only on a materialized view: view '{}' is not one "
                                    "(add 'materialized: true', or move the indexes to the tables it reads)",
                                    name));
  }
  if (!query) {
    if (node.is_map()) in_.error(key_node, fmt::format("expected view '{}' to have a 'query'", name));
    return;
  }
  std::string text = in_.string(*query, "a view's query").value_or("");
  while (!text.empty() && (text.back() == ';' || std::isspace(static_cast<unsigned char>(text.back())))) {
    text.pop_back();
  }
  if (auto problem = expression_problem(text)) {
    in_.error(*query, fmt::format("expected the query of view '{}' as one SELECT statement, found {}", name, *problem));
    return;
  }
  v.view.query = one_line(text);  // kept as written, on one line (literals as they are)
  into_.views.push_back(std::move(v));
}

// `functions:` and `triggers:`: lists of CREATE statements, one per item, read by the dialect.
void FileParser::parse_definitions(const YamlNode& node, bool triggers) {
  const std::string_view what = triggers ? "triggers" : "functions";
  if (!in_.expect_sequence(node, what)) return;
  for (const YamlNode item : node.items()) {
    const auto text = in_.string(item, triggers ? "a CREATE TRIGGER statement" : "a CREATE FUNCTION statement");
    if (!text) continue;
    std::string definition = *text;
    while (!definition.empty() &&
           (definition.back() == ';' || std::isspace(static_cast<unsigned char>(definition.back())))) {
      definition.pop_back();
    }
    if (definition.empty()) {
      in_.error(item, fmt::format("expected a CREATE {} statement, found nothing", triggers ? "TRIGGER" : "FUNCTION"));
    } else if (triggers) {
      into_.triggers.push_back({Trigger{}, in_.at(item), {}, {}, {}});
      into_.triggers.back().trigger.definition = std::move(definition);
    } else {
      into_.routines.push_back({Routine{}, in_.at(item), {}});
      into_.routines.back().routine.definition = std::move(definition);
    }
  }
}

void FileParser::parse_enum(const std::string& name, const YamlNode& key_node, const YamlNode& node) {
  DeclaredEnum e;
  e.value.name.name = name;
  e.position = in_.at(key_node);
  const YamlNode* values = &node;
  YamlNode values_node;
  if (node.is_map()) {
    in_.entries(node, fmt::format("enum '{}'", name), {"name", "schema", "values", "comment"},
                [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                  if (key == "comment") e.comment = in_.string(value, "a comment");
                  // `name` overrides the key, for enums of one name in two schemas.
                  if (key == "name") e.value.name.name = in_.name(value, "an enum name").value_or(name);
                  if (key == "schema") e.value.name.schema = in_.name(value, "a schema name").value_or("public");
                  if (key == "values") values_node = value;
                });
    if (!values_node) {
      in_.error(key_node, fmt::format("expected enum '{}' to have 'values'", name));
      return;
    }
    values = &values_node;
  }
  std::vector<Mark> positions;
  auto list = in_.names(*values, fmt::format("the values of enum '{}'", name), &positions);
  if (!list) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if ((*list)[i] == (*list)[j])
        in_.error(positions[i], fmt::format("duplicate value '{}' in enum '{}'", (*list)[i], name));
    }
  }
  e.value.values = std::move(*list);
  into_.enums.push_back(std::move(e));
}

void FileParser::parse_sequence(const std::string& name, const YamlNode& key_node, const YamlNode& node) {
  DeclaredSequence s;
  s.sequence.name.name = name;
  s.position = in_.at(key_node);
  std::optional<std::int64_t> start, min, max;
  if (!node.is_null()) {
    in_.entries(node, fmt::format("sequence '{}'", name),
                {"name", "schema", "type", "start", "increment", "min", "max", "cache", "cycle"},
                [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                  // `name` overrides the key, for sequences of one name in two schemas.
                  if (key == "name") s.sequence.name.name = in_.name(value, "a sequence name").value_or(name);
                  if (key == "schema") s.sequence.name.schema = in_.name(value, "a schema name").value_or("public");
                  if (key == "type") {
                    auto type = in_.choice(value, "a sequence type",
                                           {"smallint", "integer", "int", "bigint", "int2", "int4", "int8"});
                    if (type) s.sequence.type = *type;
                  }
                  if (key == "start") start = in_.integer(value, "start");
                  if (key == "increment") {
                    s.sequence.increment = in_.integer(value, "increment").value_or(1);
                    if (s.sequence.increment == 0) in_.error(value, "expected a non-zero increment");
                  }
                  if (key == "min") min = in_.integer(value, "min");
                  if (key == "max") max = in_.integer(value, "max");
                  if (key == "cache") {
                    s.sequence.cache = in_.integer(value, "cache").value_or(1);
                    if (s.sequence.cache < 1) in_.error(value, "expected a cache of at least 1");
                  }
                  if (key == "cycle") s.sequence.cycle = in_.boolean(value, "cycle").value_or(false);
                });
  }
  // PostgreSQL's defaults: ascending sequences run from 1 to the type's maximum, descending
  // ones from the type's minimum to -1; start defaults to min (ascending) or max (descending).
  const std::string& type = s.sequence.type;
  const std::int64_t type_max = (type == "smallint" || type == "int2")                   ? 32767
                                : (type == "integer" || type == "int" || type == "int4") ? 2147483647
                                                                                         : INT64_MAX;
  const bool ascending = s.sequence.increment > 0;
  s.sequence.min_value = min.value_or(ascending ? 1 : -type_max - 1);
  s.sequence.max_value = max.value_or(ascending ? type_max : -1);
  s.sequence.start = start.value_or(ascending ? s.sequence.min_value : s.sequence.max_value);
  if (s.sequence.min_value >= s.sequence.max_value) {
    in_.error(s.position, fmt::format("expected sequence '{}' to have min below max", name));
  } else if (s.sequence.start < s.sequence.min_value || s.sequence.start > s.sequence.max_value) {
    in_.error(s.position, fmt::format("expected the start of sequence '{}' between its min and max", name));
  }
  into_.sequences.push_back(std::move(s));
}

void parse_file(const std::string& file, std::string_view text, DeclaredSchema& into,
                std::vector<Diagnostic>& diagnostics) {
  into.files.push_back(file);
  FileParser parser(file, into, diagnostics, static_cast<std::uint32_t>(into.files.size() - 1));
  const auto tree = parser.reader().document(text);
  if (!tree) return;
  if (tree->root().is_null()) into.empty_files.push_back(file);
  parser.parse_document(tree->root());
}

}  // namespace strata::load
