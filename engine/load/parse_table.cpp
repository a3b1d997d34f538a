// YAML -> DeclaredSchema: tables, their columns, primary key and locality.
#include <algorithm>

#include <fmt/format.h>

#include "engine/load/file_parser.hpp"
#include "engine/model/row_ttl.hpp"

namespace strata::load {

namespace {

// CockroachDB column families: when some columns name one, a stored column that names none is in
// "primary", which CREATE TABLE then names, so that no column falls to whichever family is first.
void default_family(DeclaredTable& table) {
  const auto names_one = [](const DeclaredColumn& c) { return !c.column.family.empty(); };
  if (std::none_of(table.columns.begin(), table.columns.end(), names_one)) return;
  for (auto& c : table.columns) {
    const bool is_virtual = c.column.generated && c.column.generated->kind == GeneratedKind::Virtual;
    if (c.column.family.empty() && !is_virtual) c.column.family = kDefaultFamily;
  }
}

}  // namespace

void FileParser::parse_table(const std::string& name, const YamlNode& key_node, const YamlNode& node) {
  DeclaredTable table;
  table.name.name = name;
  table.position = in_.at(key_node);
  if (node.is_null()) {
    in_.error(key_node, fmt::format("expected table '{}' to have columns", name));
    return;
  }
  // The schema first: references default to the table's own schema.
  if (node.is_map() && node.find("schema"))
    table.name.schema = in_.name(node.find("schema"), "a schema name").value_or("public");
  // `name` overrides the key, for tables of the same name in different schemas.
  if (node.is_map() && node.find("name")) table.name.name = in_.name(node.find("name"), "a table name").value_or(name);
  bool has_columns = false;
  in_.entries(node, What("table '", name, "'"),
              {"name", "schema", "renamed_from", "columns", "primary_key", "indexes", "unique", "foreign_keys",
               "checks", "locality", "ttl", "comment"},
              [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                if (key == "columns") {
                  has_columns = true;
                  if (value.is_map()) table.columns.reserve(table.columns.size() + value.size());
                  in_.named_entries(
                      value, What("the columns of table '", name, "'"),
                      [&](const auto& n, const auto& kn, const auto& v) { parse_column(table, n, kn, v); });
                }
                if (key == "primary_key") parse_primary_key(table, value);
                if (key == "indexes" && in_.expect_sequence(value, "indexes")) {
                  for (const YamlNode item : value.items()) parse_index(table.indexes, item);
                }
                if (key == "unique" && in_.expect_sequence(value, "unique")) {
                  for (const YamlNode item : value.items()) parse_unique(table, item);
                }
                if (key == "foreign_keys" && in_.expect_sequence(value, "foreign_keys")) {
                  for (const YamlNode item : value.items()) parse_foreign_key(table, item);
                }
                if (key == "checks") {
                  in_.named_entries(value, "checks", [&](const std::string& n, const YamlNode& kn, const YamlNode& v) {
                    if (auto expr = expression(v, "a check expression")) {
                      table.checks.push_back({{n, *expr}, in_.at(kn)});
                    }
                  });
                }
                if (key == "locality") parse_locality(table, value);
                if (key == "ttl") parse_ttl(table, value);
                if (key == "comment") table.comment = in_.string(value, "a comment");
                if (key == "renamed_from") {
                  table.renamed_from = in_.name(value, "the table's previous name");
                  table.renamed_from_position = in_.at(value);
                }
              });
  if (node.is_map() && (!has_columns || table.columns.empty())) {
    in_.error(key_node, fmt::format("expected table '{}' to have at least one column", name));
  }
  default_family(table);
  into_.tables.push_back(std::move(table));
}

void FileParser::parse_column(DeclaredTable& table, const std::string& name, const YamlNode& key_node,
                              const YamlNode& node) {
  DeclaredColumn c;
  c.column.name = name;
  c.position = in_.at(key_node);
  if (node.is_scalar()) {  // short form: `email: text`
    c.column.type = node.scalar();
    c.type_position = in_.at(node);
    table.columns.push_back(std::move(c));
    return;
  }
  bool has_type = false;
  in_.entries(node, What("column '", name, "'"),
              {"type", "nullable", "default", "on_update", "generated", "identity", "hidden", "collation",
               "renamed_from", "comment", "family"},
              [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                if (key == "type") {
                  if (auto type = in_.string(value, "a type")) {
                    c.column.type = *type;
                    c.type_position = in_.at(value);
                    has_type = true;
                  }
                }
                if (key == "nullable") c.column.nullable = in_.boolean(value, "nullable").value_or(false);
                if (key == "default") {
                  c.column.default_expr = expression(value, "a default");
                  c.default_is_plain_word = value.is_scalar() && value.is_plain();
                }
                if (key == "on_update") c.column.on_update = expression(value, "an ON UPDATE expression");
                if (key == "generated") parse_generated(c, value);
                if (key == "identity") {
                  if (auto kind = in_.choice(value, "identity", {"always", "by_default"})) {
                    c.column.identity = *kind == "always" ? IdentityKind::Always : IdentityKind::ByDefault;
                  }
                }
                if (key == "hidden") c.column.hidden = in_.boolean(value, "hidden").value_or(false);
                if (key == "collation") c.column.collation = in_.name(value, "a collation name");
                if (key == "renamed_from") c.column.renamed_from = in_.name(value, "the column's previous name");
                if (key == "comment") c.comment = in_.string(value, "a comment");
                if (key == "family") c.column.family = in_.name(value, "a column family name").value_or("");
              });
  if (!has_type && node.is_map()) in_.error(key_node, fmt::format("expected column '{}' to have a 'type'", name));
  if (c.column.generated && c.column.default_expr) {
    in_.error(key_node, fmt::format("expected column '{}' to have either 'default' or 'generated', not both", name));
  }
  if (c.column.identity && (c.column.default_expr || c.column.generated)) {
    in_.error(key_node, fmt::format("expected identity column '{}' to have no 'default' or 'generated'", name));
  }
  // CockroachDB refuses both ("computed column … cannot also have an ON UPDATE expression", "both
  // generated identity and on update expression specified"): pkg/sql/catalog/tabledesc/validate.go@74e17666.
  if (c.column.on_update && (c.column.generated || c.column.identity)) {
    in_.error(key_node,
              fmt::format("expected column '{}' with 'on_update' to be neither generated nor identity", name));
  }
  // "virtual computed column … cannot be part of a family": pkg/sql/catalog/tabledesc/validate.go
  // (validateColumnFamilies; research/objects.md §4).
  if (!c.column.family.empty() && c.column.generated && c.column.generated->kind == GeneratedKind::Virtual) {
    in_.error(key_node, fmt::format("expected virtual column '{}' to have no 'family' (it is not stored)", name));
  }
  if (c.column.identity && c.column.nullable) {
    in_.error(key_node, fmt::format("expected identity column '{}' not to be nullable", name));
  }
  table.columns.push_back(std::move(c));
}

void FileParser::parse_generated(DeclaredColumn& c, const YamlNode& node) {
  Generated generated;
  if (node.is_scalar()) {
    auto expr = expression(node, "a generated expression");
    if (!expr) return;
    generated.expression = *expr;
  } else {
    bool has_expression = false;
    in_.entries(node, "generated", {"expression", "stored"},
                [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                  if (key == "expression") {
                    if (auto expr = expression(value, "a generated expression")) {
                      generated.expression = *expr;
                      has_expression = true;
                    }
                  }
                  if (key == "stored") {
                    generated.kind =
                        in_.boolean(value, "stored").value_or(true) ? GeneratedKind::Stored : GeneratedKind::Virtual;
                  }
                });
    if (!has_expression) {
      if (node.is_map()) in_.error(node, "expected 'generated' to have an 'expression'");
      return;
    }
  }
  c.column.generated = std::move(generated);
}

void FileParser::parse_primary_key(DeclaredTable& table, const YamlNode& node) {
  table.primary_key_position = in_.at(node);
  PrimaryKey pk;
  const YamlNode* columns = &node;
  YamlNode columns_node;
  if (node.is_map()) {
    in_.entries(node, "primary_key", {"name", "columns", "sharded", "comment"},
                [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                  if (key == "comment") table.primary_key_comment = in_.string(value, "a comment");
                  if (key == "sharded") pk.shard_buckets = shard_buckets(value);
                  if (key == "name") {
                    pk.name = in_.name(value, "a constraint name").value_or("");
                    table.primary_key_named = !pk.name.empty();
                  }
                  if (key == "columns") columns_node = value;
                });
    if (!columns_node) {
      in_.error(node, "expected primary_key to have 'columns'");
      return;
    }
    columns = &columns_node;
  } else if (node.is_scalar()) {
    auto name = in_.name(node, "a column name");
    if (!name) return;
    pk.columns = {*name};
    table.primary_key_columns.columns = pk.columns;
    table.primary_key_columns.positions = {in_.at(node)};
    table.primary_key = std::move(pk);
    return;
  }
  auto list = in_.names(*columns, "primary key columns", &table.primary_key_columns.positions);
  if (!list) return;
  if (list->empty()) {
    in_.error(*columns, "expected at least one primary key column");
    return;
  }
  pk.columns = *list;
  table.primary_key_columns.columns = *list;
  table.primary_key = std::move(pk);
}

void FileParser::parse_locality(DeclaredTable& table, const YamlNode& node) {
  table.locality_position = in_.at(node);
  Locality locality;
  std::optional<std::string> kind;
  if (node.is_scalar()) {
    kind = in_.choice(node, "locality", {"global", "regional_by_table", "regional_by_row"});
  } else {
    in_.entries(node, "locality", {"kind", "in", "as"},
                [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                  if (key == "kind")
                    kind = in_.choice(value, "locality kind", {"global", "regional_by_table", "regional_by_row"});
                  if (key == "in") locality.region = in_.name(value, "a region name").value_or("");
                  if (key == "as") locality.column = in_.name(value, "a column name").value_or("");
                });
    if (!kind && node.is_map()) in_.error(node, "expected 'locality' to have a 'kind'");
  }
  if (!kind) return;
  locality.kind = *kind == "global"            ? LocalityKind::Global
                  : *kind == "regional_by_row" ? LocalityKind::RegionalByRow
                                               : LocalityKind::RegionalByTable;
  if (!locality.region.empty() && locality.kind != LocalityKind::RegionalByTable) {
    in_.error(node, "expected 'in' only with regional_by_table");
  }
  if (!locality.column.empty() && locality.kind != LocalityKind::RegionalByRow) {
    in_.error(node, "expected 'as' only with regional_by_row");
  }
  table.locality = locality;
}

void FileParser::parse_ttl(DeclaredTable& table, const YamlNode& node) {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> names;
    for (const auto& setting : ttl_settings()) names.push_back(setting.name);
    return names;
  }();
  in_.entries(node, "ttl", keys, [&](std::string_view key, const YamlNode&, const YamlNode& value) {
    const TtlSetting& setting = *find_ttl_setting(key);
    const What what("ttl ", key, "");
    std::optional<std::string> text;
    switch (setting.value) {
      case TtlValue::Expression:
        text = expression(value, "a TTL expiration expression");
        break;
      case TtlValue::Integer:
        if (auto n = in_.integer(value, what)) {
          if (*n < 0) in_.error(value, fmt::format("expected ttl {} to be 0 or more", key));
          text = std::to_string(*n);
        }
        break;
      case TtlValue::Boolean:
        if (auto b = in_.boolean(value, what)) text = *b ? "true" : "false";
        break;
      case TtlValue::Interval:
      case TtlValue::Duration:
      case TtlValue::Text:
        text = in_.string(value, what);
        if (text && !canonical_ttl_value(setting.value, *text)) {
          in_.error(value, fmt::format("expected ttl {} to be {}, such as '10 minutes' or '1 day'", key,
                                       setting.value == TtlValue::Duration ? "a duration" : "an interval"));
        }
        break;
    }
    if (text) table.ttl[std::string(key)] = std::move(*text);
  });
  if (node.is_map() && !table.ttl.count(std::string(kTtlExpireAfter)) &&
      !table.ttl.count(std::string(kTtlExpirationExpression))) {
    in_.error(node, "expected ttl to have expire_after or expiration_expression (CockroachDB needs one of them)");
  }
}

}  // namespace strata::load
