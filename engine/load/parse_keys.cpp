// YAML -> DeclaredSchema: indexes, unique constraints and foreign keys.
#include <fmt/format.h>

#include "engine/load/file_parser.hpp"
#include "engine/model/visibility.hpp"

namespace strata::load {

void FileParser::parse_index_key(DeclaredIndex& index, const YamlNode& node) {
  IndexKey key;
  index.key_positions.push_back(in_.at(node));
  if (node.is_scalar()) {
    if (auto name = in_.name(node, "a column name")) {
      key.column = *name;
      index.index.keys.push_back(std::move(key));
    }
    return;
  }
  in_.entries(node, "an index key", {"column", "expression", "order", "nulls", "opclass"},
              [&](std::string_view k, const YamlNode&, const YamlNode& value) {
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

void FileParser::parse_index_visibility(DeclaredIndex& index, const YamlNode& node) {
  const auto value = node.is_scalar() ? parse_visibility(node.scalar()) : std::nullopt;
  if (!value) return in_.error(node, "expected visibility to be a number from 0 (not visible) to 1 (visible)");
  index.index.visibility = *value;
}

void FileParser::parse_index(std::vector<DeclaredIndex>& indexes, const YamlNode& node) {
  DeclaredIndex index;
  index.position = in_.at(node);
  bool has_columns = false;
  int visibility_given = 0;
  in_.entries(node, "an index",
              {"name", "columns", "unique", "where", "include", "using", "sharded", "visible", "visibility", "comment"},
              [&](std::string_view key, const YamlNode&, const YamlNode& value) {
                if (key == "name") {
                  if (auto name = in_.name(value, "an index name")) {
                    index.index.name = *name;
                    index.named = true;
                  }
                }
                if (key == "columns" && in_.expect_sequence(value, "the index columns")) {
                  has_columns = true;
                  for (const YamlNode item : value.items()) parse_index_key(index, item);
                  if (value.size() == 0) in_.error(value, "expected at least one index column");
                }
                if (key == "unique") index.index.unique = in_.boolean(value, "unique").value_or(false);
                if ((key == "visible" || key == "visibility") && visibility_given++ > 0) {
                  in_.error(value, "expected either visible or visibility on an index, not both");
                }
                if (key == "visible" && !in_.boolean(value, "visible").value_or(true)) index.index.visibility = 0.0;
                if (key == "visibility") parse_index_visibility(index, value);
                if (key == "where") index.index.where = expression(value, "an index predicate");
                if (key == "comment") index.comment = in_.string(value, "a comment");
                if (key == "include") {
                  index.index.include =
                      in_.names(value, "include", &index.include_positions).value_or(std::vector<std::string>{});
                }
                if (key == "using") {
                  auto method = in_.choice(value, "using",
                                           {"btree", "hash", "gin", "gist", "brin", "spgist", "inverted", "vector"});
                  if (method) index.index.method = *method == "inverted" ? "gin" : *method;
                }
                if (key == "sharded") index.index.shard_buckets = shard_buckets(value);
              });
  if (!has_columns && node.is_map()) in_.error(node, "expected an index to have 'columns'");
  indexes.push_back(std::move(index));
}

// `sharded: true` (CockroachDB's default of 16 buckets), `false`, or a bucket count (2 to 2048,
// the range CockroachDB accepts from v22.1).
std::optional<int> FileParser::shard_buckets(const YamlNode& node) {
  if (node.is_scalar() && (node.scalar() == "true" || node.scalar() == "false")) {
    return node.scalar() == "true" ? std::optional<int>(16) : std::nullopt;
  }
  auto buckets = in_.integer(node, "sharded (a bucket count or true)");
  if (!buckets) return std::nullopt;
  if (*buckets < 2 || *buckets > 2048) in_.error(node, "expected a bucket count between 2 and 2048");
  return static_cast<int>(*buckets);
}

void FileParser::parse_unique(DeclaredTable& table, const YamlNode& node) {
  DeclaredUnique unique;
  unique.position = in_.at(node);
  YamlNode where;
  if (node.is_sequence()) {  // short form: a list of columns
    unique.unique.columns =
        in_.names(node, "unique columns", &unique.column_positions).value_or(std::vector<std::string>{});
  } else {
    in_.entries(
        node, "a unique constraint", {"name", "columns", "without_index", "where", "comment"},
        [&](std::string_view key, const YamlNode&, const YamlNode& value) {
          if (key == "comment") unique.comment = in_.string(value, "a comment");
          if (key == "without_index") unique.unique.without_index = in_.boolean(value, "without_index").value_or(false);
          if (key == "where") {
            unique.unique.where = expression(value, "a predicate");
            where = value;
          }
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
  if (where && !unique.unique.without_index) {
    in_.error(where,
              "expected 'where' only with 'without_index: true' (a partial unique index is an index "
              "with 'unique: true' and 'where')");
  }
  table.uniques.push_back(std::move(unique));
}

std::optional<ReferentialAction> FileParser::action(const YamlNode& node, const What& what) {
  auto value = in_.choice(node, what, {"no_action", "restrict", "cascade", "set_null", "set_default"});
  if (!value) return std::nullopt;
  if (*value == "restrict") return ReferentialAction::Restrict;
  if (*value == "cascade") return ReferentialAction::Cascade;
  if (*value == "set_null") return ReferentialAction::SetNull;
  if (*value == "set_default") return ReferentialAction::SetDefault;
  return ReferentialAction::NoAction;
}

void FileParser::parse_reference(DeclaredForeignKey& fk, const DeclaredTable& table, const YamlNode& node) {
  fk.ref_position = in_.at(node);
  fk.foreign_key.ref_table.schema = table.name.schema;
  if (node.is_scalar()) {  // `references: users`: the table's primary key
    fk.foreign_key.ref_table.name = in_.name(node, "a table name").value_or("");
    return;
  }
  in_.entries(
      node, "references", {"table", "schema", "columns"},
      [&](std::string_view key, const YamlNode&, const YamlNode& value) {
        if (key == "table") fk.foreign_key.ref_table.name = in_.name(value, "a table name").value_or("");
        if (key == "schema") fk.foreign_key.ref_table.schema = in_.name(value, "a schema name").value_or("public");
        if (key == "columns") {
          fk.foreign_key.ref_columns =
              in_.names(value, "referenced columns", &fk.ref_column_positions).value_or(std::vector<std::string>{});
          fk.ref_columns_given = true;
        }
      });
  if (fk.foreign_key.ref_table.name.empty() && node.is_map())
    in_.error(node, "expected 'references' to name a 'table'");
}

void FileParser::parse_foreign_key(DeclaredTable& table, const YamlNode& node) {
  DeclaredForeignKey fk;
  fk.position = in_.at(node);
  bool has_reference = false;
  in_.entries(
      node, "a foreign key",
      {"name", "columns", "references", "on_delete", "on_update", "match", "deferrable", "initially_deferred",
       "comment"},
      [&](std::string_view key, const YamlNode&, const YamlNode& value) {
        if (key == "comment") fk.comment = in_.string(value, "a comment");
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
        if (key == "match") fk.foreign_key.match_full = in_.choice(value, "match", {"simple", "full"}) == "full";
        if (key == "deferrable") fk.foreign_key.deferrable = in_.boolean(value, "deferrable").value_or(false);
        if (key == "initially_deferred") {
          fk.foreign_key.initially_deferred = in_.boolean(value, "initially_deferred").value_or(false);
        }
      });
  if (!node.is_map()) return;
  if (fk.foreign_key.columns.empty()) in_.error(node, "expected a foreign key to have 'columns'");
  if (!has_reference) in_.error(node, "expected a foreign key to have 'references'");
  if (fk.foreign_key.initially_deferred) fk.foreign_key.deferrable = true;
  table.foreign_keys.push_back(std::move(fk));
}

}  // namespace strata::load
