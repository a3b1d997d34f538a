// YAML -> DeclaredSchema: the shape of the format (docs/schema-format.md). References between
// objects are checked later, in resolve.cpp.

#include <fmt/format.h>

#include "engine/load/declared.hpp"
#include "engine/load/yaml_reader.hpp"
#include "engine/sql/sql_text.hpp"

namespace strata::load {

namespace {

class FileParser {
 public:
  FileParser(const std::string& file, DeclaredSchema& into, std::vector<Diagnostic>& diagnostics)
      : in_(file, diagnostics), into_(into) {}

  void parse_document(const YAML::Node& root) {
    if (root.IsNull()) return;  // an empty file declares nothing
    in_.entries(root, "the schema file", {"database", "schemas", "enums", "sequences", "tables"},
                [&](const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
                  if (key == "database") parse_database(key_node, value);
                  if (key == "schemas") parse_schemas(value);
                  if (key == "enums")
                    in_.named_entries(value, "enums", [&](auto& n, auto& kn, auto& v) { parse_enum(n, kn, v); });
                  if (key == "sequences") {
                    in_.named_entries(value, "sequences",
                                      [&](auto& n, auto& kn, auto& v) { parse_sequence(n, kn, v); });
                  }
                  if (key == "tables")
                    in_.named_entries(value, "tables", [&](auto& n, auto& kn, auto& v) { parse_table(n, kn, v); });
                });
  }

  Reader& reader() { return in_; }

 private:
  // An expression-valued field: a string (or a number / boolean scalar) holding one SQL expression.
  std::optional<std::string> expression(const YAML::Node& node, std::string_view what) {
    auto text = in_.string(node, what);
    if (!text) return std::nullopt;
    if (auto problem = expression_problem(*text)) {
      in_.error(node, fmt::format("expected {} as one SQL expression, found {}", what, *problem));
      return std::nullopt;
    }
    return text;
  }

  void parse_database(const YAML::Node& key_node, const YAML::Node& node) {
    if (into_.database) {
      in_.error(key_node,
                fmt::format("duplicate 'database' section (the first is at {})", to_string(into_.database_position)));
      return;
    }
    Database db;
    in_.entries(node, "database", {"name", "primary_region", "regions", "survive"},
                [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
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

  void parse_schemas(const YAML::Node& node) {
    if (auto names = in_.names(node, "schemas")) {
      into_.schemas.insert(into_.schemas.end(), names->begin(), names->end());
    }
  }

  void parse_enum(const std::string& name, const YAML::Node& key_node, const YAML::Node& node) {
    DeclaredEnum e;
    e.value.name.name = name;
    e.position = in_.at(key_node);
    const YAML::Node* values = &node;
    YAML::Node values_node;
    if (node.IsMap()) {
      in_.entries(node, fmt::format("enum '{}'", name), {"schema", "values"},
                  [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
                    if (key == "schema") e.value.name.schema = in_.name(value, "a schema name").value_or("public");
                    if (key == "values") values_node = value;
                  });
      if (!values_node) {
        in_.error(key_node, fmt::format("expected enum '{}' to have 'values'", name));
        return;
      }
      values = &values_node;
    }
    std::vector<SourcePosition> positions;
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

  void parse_sequence(const std::string& name, const YAML::Node& key_node, const YAML::Node& node) {
    DeclaredSequence s;
    s.sequence.name.name = name;
    s.position = in_.at(key_node);
    std::optional<std::int64_t> start, min, max;
    if (!node.IsNull()) {
      in_.entries(node, fmt::format("sequence '{}'", name),
                  {"schema", "type", "start", "increment", "min", "max", "cache", "cycle"},
                  [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
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

  void parse_column(DeclaredTable& table, const std::string& name, const YAML::Node& key_node, const YAML::Node& node) {
    DeclaredColumn c;
    c.column.name = name;
    c.position = in_.at(key_node);
    if (node.IsScalar()) {  // short form: `email: text`
      c.column.type = node.Scalar();
      c.type_position = in_.at(node);
      table.columns.push_back(std::move(c));
      return;
    }
    bool has_type = false;
    in_.entries(node, fmt::format("column '{}'", name),
                {"type", "nullable", "default", "generated", "identity", "hidden", "collation", "renamed_from"},
                [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
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
                    c.default_is_plain_word = value.IsScalar() && value.Tag() == "?";
                  }
                  if (key == "generated") parse_generated(c, value);
                  if (key == "identity") {
                    if (auto kind = in_.choice(value, "identity", {"always", "by_default"})) {
                      c.column.identity = *kind == "always" ? IdentityKind::Always : IdentityKind::ByDefault;
                    }
                  }
                  if (key == "hidden") c.column.hidden = in_.boolean(value, "hidden").value_or(false);
                  if (key == "collation") c.column.collation = in_.name(value, "a collation name");
                  if (key == "renamed_from") c.column.renamed_from = in_.name(value, "the column's previous name");
                });
    if (!has_type && node.IsMap()) in_.error(key_node, fmt::format("expected column '{}' to have a 'type'", name));
    if (c.column.generated && c.column.default_expr) {
      in_.error(key_node, fmt::format("expected column '{}' to have either 'default' or 'generated', not both", name));
    }
    if (c.column.identity && (c.column.default_expr || c.column.generated)) {
      in_.error(key_node, fmt::format("expected identity column '{}' to have no 'default' or 'generated'", name));
    }
    if (c.column.identity && c.column.nullable) {
      in_.error(key_node, fmt::format("expected identity column '{}' not to be nullable", name));
    }
    table.columns.push_back(std::move(c));
  }

  void parse_generated(DeclaredColumn& c, const YAML::Node& node) {
    Generated generated;
    if (node.IsScalar()) {
      auto expr = expression(node, "a generated expression");
      if (!expr) return;
      generated.expression = *expr;
    } else {
      bool has_expression = false;
      in_.entries(node, "generated", {"expression", "stored"},
                  [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
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
        if (node.IsMap()) in_.error(node, "expected 'generated' to have an 'expression'");
        return;
      }
    }
    c.column.generated = std::move(generated);
  }

  void parse_index_key(DeclaredIndex& index, const YAML::Node& node) {
    IndexKey key;
    index.key_positions.push_back(in_.at(node));
    if (node.IsScalar()) {
      if (auto name = in_.name(node, "a column name")) {
        key.column = *name;
        index.index.keys.push_back(std::move(key));
      }
      return;
    }
    in_.entries(node, "an index key", {"column", "expression", "order", "nulls", "opclass"},
                [&](const std::string& k, const YAML::Node&, const YAML::Node& value) {
                  if (k == "column") key.column = in_.name(value, "a column name").value_or("");
                  if (k == "expression") key.expression = expression(value, "an index expression").value_or("");
                  if (k == "order")
                    key.order = in_.choice(value, "order", {"asc", "desc"}).value_or("asc") == "desc" ? SortOrder::Desc
                                                                                                      : SortOrder::Asc;
                  if (k == "nulls") {
                    auto nulls = in_.choice(value, "nulls", {"first", "last"});
                    if (nulls) key.nulls = *nulls == "first" ? NullsOrder::First : NullsOrder::Last;
                  }
                  if (k == "opclass") key.opclass = in_.name(value, "an operator class").value_or("");
                });
    if (key.column.empty() == key.expression.empty()) {
      in_.error(node, "expected an index key to have exactly one of 'column' and 'expression'");
      return;
    }
    index.index.keys.push_back(std::move(key));
  }

  void parse_index(DeclaredTable& table, const YAML::Node& node) {
    DeclaredIndex index;
    index.position = in_.at(node);
    bool has_columns = false;
    in_.entries(
        node, "an index", {"name", "columns", "unique", "where", "include", "using", "sharded"},
        [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
          if (key == "name") {
            if (auto name = in_.name(value, "an index name")) {
              index.index.name = *name;
              index.named = true;
            }
          }
          if (key == "columns" && in_.expect_sequence(value, "the index columns")) {
            has_columns = true;
            for (const auto& item : value) parse_index_key(index, item);
            if (value.size() == 0) in_.error(value, "expected at least one index column");
          }
          if (key == "unique") index.index.unique = in_.boolean(value, "unique").value_or(false);
          if (key == "where") index.index.where = expression(value, "an index predicate");
          if (key == "include") {
            index.index.include =
                in_.names(value, "include", &index.include_positions).value_or(std::vector<std::string>{});
          }
          if (key == "using") {
            auto method = in_.choice(value, "using", {"btree", "hash", "gin", "gist", "brin", "spgist", "inverted"});
            if (method) index.index.method = *method == "inverted" ? "gin" : *method;
          }
          if (key == "sharded") {
            if (value.IsScalar() && (value.Scalar() == "true" || value.Scalar() == "false")) {
              if (value.Scalar() == "true") index.index.shard_buckets = 16;
            } else if (auto buckets = in_.integer(value, "sharded (a bucket count or true)")) {
              if (*buckets < 2 || *buckets > 2048) in_.error(value, "expected a bucket count between 2 and 2048");
              index.index.shard_buckets = static_cast<int>(*buckets);
            }
          }
        });
    if (!has_columns && node.IsMap()) in_.error(node, "expected an index to have 'columns'");
    table.indexes.push_back(std::move(index));
  }

  void parse_unique(DeclaredTable& table, const YAML::Node& node) {
    DeclaredUnique unique;
    unique.position = in_.at(node);
    if (node.IsSequence()) {  // short form: a list of columns
      unique.unique.columns =
          in_.names(node, "unique columns", &unique.column_positions).value_or(std::vector<std::string>{});
    } else {
      in_.entries(
          node, "a unique constraint", {"name", "columns"},
          [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
            if (key == "name") {
              if (auto name = in_.name(value, "a constraint name")) {
                unique.unique.name = *name;
                unique.named = true;
              }
            }
            if (key == "columns") {
              unique.unique.columns =
                  in_.names(value, "unique columns", &unique.column_positions).value_or(std::vector<std::string>{});
            }
          });
    }
    if (unique.unique.columns.empty()) {
      in_.error(node, "expected a unique constraint to have at least one column");
      return;
    }
    table.uniques.push_back(std::move(unique));
  }

  std::optional<ReferentialAction> action(const YAML::Node& node, std::string_view what) {
    auto value = in_.choice(node, what, {"no_action", "restrict", "cascade", "set_null", "set_default"});
    if (!value) return std::nullopt;
    if (*value == "restrict") return ReferentialAction::Restrict;
    if (*value == "cascade") return ReferentialAction::Cascade;
    if (*value == "set_null") return ReferentialAction::SetNull;
    if (*value == "set_default") return ReferentialAction::SetDefault;
    return ReferentialAction::NoAction;
  }

  void parse_reference(DeclaredForeignKey& fk, const DeclaredTable& table, const YAML::Node& node) {
    fk.ref_position = in_.at(node);
    fk.foreign_key.ref_table.schema = table.name.schema;
    if (node.IsScalar()) {  // `references: users`: the table's primary key
      fk.foreign_key.ref_table.name = in_.name(node, "a table name").value_or("");
      return;
    }
    in_.entries(
        node, "references", {"table", "schema", "columns"},
        [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
          if (key == "table") fk.foreign_key.ref_table.name = in_.name(value, "a table name").value_or("");
          if (key == "schema") fk.foreign_key.ref_table.schema = in_.name(value, "a schema name").value_or("public");
          if (key == "columns") {
            fk.foreign_key.ref_columns =
                in_.names(value, "referenced columns", &fk.ref_column_positions).value_or(std::vector<std::string>{});
            fk.ref_columns_given = true;
          }
        });
    if (fk.foreign_key.ref_table.name.empty() && node.IsMap())
      in_.error(node, "expected 'references' to name a 'table'");
  }

  void parse_foreign_key(DeclaredTable& table, const YAML::Node& node) {
    DeclaredForeignKey fk;
    fk.position = in_.at(node);
    bool has_reference = false;
    in_.entries(
        node, "a foreign key",
        {"name", "columns", "references", "on_delete", "on_update", "deferrable", "initially_deferred"},
        [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
          if (key == "name") {
            if (auto name = in_.name(value, "a constraint name")) {
              fk.foreign_key.name = *name;
              fk.named = true;
            }
          }
          if (key == "columns") {
            fk.foreign_key.columns =
                in_.names(value, "foreign key columns", &fk.column_positions).value_or(std::vector<std::string>{});
          }
          if (key == "references") {
            has_reference = true;
            parse_reference(fk, table, value);
          }
          if (key == "on_delete")
            fk.foreign_key.on_delete = action(value, "on_delete").value_or(ReferentialAction::NoAction);
          if (key == "on_update")
            fk.foreign_key.on_update = action(value, "on_update").value_or(ReferentialAction::NoAction);
          if (key == "deferrable") fk.foreign_key.deferrable = in_.boolean(value, "deferrable").value_or(false);
          if (key == "initially_deferred") {
            fk.foreign_key.initially_deferred = in_.boolean(value, "initially_deferred").value_or(false);
          }
        });
    if (!node.IsMap()) return;
    if (fk.foreign_key.columns.empty()) in_.error(node, "expected a foreign key to have 'columns'");
    if (!has_reference) in_.error(node, "expected a foreign key to have 'references'");
    if (fk.foreign_key.initially_deferred) fk.foreign_key.deferrable = true;
    table.foreign_keys.push_back(std::move(fk));
  }

  void parse_locality(DeclaredTable& table, const YAML::Node& node) {
    table.locality_position = in_.at(node);
    Locality locality;
    std::optional<std::string> kind;
    if (node.IsScalar()) {
      kind = in_.choice(node, "locality", {"global", "regional_by_table", "regional_by_row"});
    } else {
      in_.entries(node, "locality", {"kind", "in", "as"},
                  [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
                    if (key == "kind")
                      kind = in_.choice(value, "locality kind", {"global", "regional_by_table", "regional_by_row"});
                    if (key == "in") locality.region = in_.name(value, "a region name").value_or("");
                    if (key == "as") locality.column = in_.name(value, "a column name").value_or("");
                  });
      if (!kind && node.IsMap()) in_.error(node, "expected 'locality' to have a 'kind'");
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

  void parse_primary_key(DeclaredTable& table, const YAML::Node& node) {
    table.primary_key_position = in_.at(node);
    PrimaryKey pk;
    const YAML::Node* columns = &node;
    YAML::Node columns_node;
    if (node.IsMap()) {
      in_.entries(node, "primary_key", {"name", "columns"},
                  [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
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
    } else if (node.IsScalar()) {
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

  void parse_table(const std::string& name, const YAML::Node& key_node, const YAML::Node& node) {
    DeclaredTable table;
    table.name.name = name;
    table.position = in_.at(key_node);
    if (node.IsNull()) {
      in_.error(key_node, fmt::format("expected table '{}' to have columns", name));
      return;
    }
    // The schema first: references default to the table's own schema.
    if (node.IsMap() && node["schema"])
      table.name.schema = in_.name(node["schema"], "a schema name").value_or("public");
    // `name` overrides the key, for tables of the same name in different schemas.
    if (node.IsMap() && node["name"]) table.name.name = in_.name(node["name"], "a table name").value_or(name);
    bool has_columns = false;
    in_.entries(node, fmt::format("table '{}'", name),
                {"name", "schema", "renamed_from", "columns", "primary_key", "indexes", "unique", "foreign_keys",
                 "checks", "locality"},
                [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
                  if (key == "columns") {
                    has_columns = true;
                    in_.named_entries(value, fmt::format("the columns of table '{}'", name),
                                      [&](auto& n, auto& kn, auto& v) { parse_column(table, n, kn, v); });
                  }
                  if (key == "primary_key") parse_primary_key(table, value);
                  if (key == "indexes" && in_.expect_sequence(value, "indexes")) {
                    for (const auto& item : value) parse_index(table, item);
                  }
                  if (key == "unique" && in_.expect_sequence(value, "unique")) {
                    for (const auto& item : value) parse_unique(table, item);
                  }
                  if (key == "foreign_keys" && in_.expect_sequence(value, "foreign_keys")) {
                    for (const auto& item : value) parse_foreign_key(table, item);
                  }
                  if (key == "checks") {
                    in_.named_entries(value, "checks",
                                      [&](const std::string& n, const YAML::Node& kn, const YAML::Node& v) {
                                        if (auto expr = expression(v, "a check expression")) {
                                          table.checks.push_back({{n, *expr}, in_.at(kn)});
                                        }
                                      });
                  }
                  if (key == "locality") parse_locality(table, value);
                  if (key == "renamed_from") {
                    table.renamed_from = in_.name(value, "the table's previous name");
                    table.renamed_from_position = in_.at(value);
                  }
                });
    if (node.IsMap() && (!has_columns || table.columns.empty())) {
      in_.error(key_node, fmt::format("expected table '{}' to have at least one column", name));
    }
    into_.tables.push_back(std::move(table));
  }

  Reader in_;
  DeclaredSchema& into_;
};

}  // namespace

void parse_file(const std::string& file, const std::string& text, DeclaredSchema& into,
                std::vector<Diagnostic>& diagnostics) {
  FileParser parser(file, into, diagnostics);
  const auto document = parser.reader().document(text);
  if (!document) return;
  try {
    parser.parse_document(*document);
  } catch (const YAML::Exception& error) {
    parser.reader().error(parser.reader().at(error.mark), "expected valid YAML: " + error.msg);
  }
}

}  // namespace strata::load
